using System.CommandLine;
using Spectre.Console;
using Tumen.Core;
using Tumen.Linkage.Csv;
using Tumen.Linkage.Engine;
using Tumen.Linkage.Names;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen link --input FILE.csv [--input OTHER.csv] [--settings S.json] [--out clusters.csv] [--pairs pairs.csv] --json</c>:
/// stateless record linkage of CSV files (no workspace needed). Without <c>--input</c> it links the
/// persons of the workspace instead (<see cref="WorkspaceLink"/>).
/// </summary>
internal static class LinkCommand
{
    public static Command Create(CliEnvironment env)
    {
        var input = new Option<string[]>("--input") { Description = "A CSV file of records (repeat for several sources); without it, the workspace's persons are linked.", Arity = ArgumentArity.OneOrMore };
        var settingsOption = new Option<string?>("--settings") { Description = "Settings JSON (id, link_type, comparisons, blocking, threshold); inferred from column names when absent." };
        var outOption = new Option<string?>("--out") { Description = "Write id,cluster_id for every record here." };
        var pairsOption = new Option<string?>("--pairs") { Description = "Write id_l,id_r,match_probability for scored pairs here (at or above the review threshold)." };
        var json = new Option<bool>("--json") { Description = "Print the summary and the estimated model as JSON." };
        var printSettings = new Option<bool>("--print-settings") { Description = "Print the settings (inferred when --settings is absent) as a settings file to save and edit, and stop." };
        var workspace = WorkspaceAccess.WorkspaceOption();
        var command = new Command("link", "Find the records that describe the same person (Korean and Chinese names in any script): in CSV files, or the workspace's persons.")
        {
            input, settingsOption, outOption, pairsOption, json, printSettings, workspace,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var inputs = parseResult.GetValue(input) ?? [];
            if (inputs.Length == 0)
            {
                if (parseResult.GetValue(settingsOption) is not null || parseResult.GetValue(outOption) is not null || parseResult.GetValue(pairsOption) is not null)
                {
                    throw new TumenException("--settings, --out and --pairs go with --input; the workspace's persons are linked with its own settings and stored in it.", ExitCode.BadInput);
                }

                return await WorkspaceLink.RunAsync(env, parseResult, workspace, parseResult.GetValue(json), cancellationToken).ConfigureAwait(false);
            }

            var (records, settings) = Prepare(inputs, parseResult.GetValue(settingsOption));
            if (parseResult.GetValue(printSettings))
            {
                env.Out.WriteLine(settings.ToJson());
                return 0;
            }

            var result = LinkWithProgress(env, records, settings, cancellationToken);
            if (parseResult.GetValue(outOption) is { } outPath)
            {
                CsvRecords.WriteClusters(outPath, result);
            }

            if (parseResult.GetValue(pairsOption) is { } pairsPath)
            {
                CsvRecords.WritePairs(pairsPath, result, result.Settings.ReviewThreshold);
            }

            if (parseResult.GetValue(json))
            {
                CliJson.Write(env.Out, Summary(result));
            }
            else
            {
                var s = result.Statistics;
                env.Out.WriteLine(FormattableString.Invariant(
                    $"{s.Records} records, {s.Comparisons} pairs compared, {s.PairsAboveThreshold} linked pairs, {s.Clusters} clusters, {s.Seconds:0.00} s"));
            }

            return 0;
        });
        return command;
    }

    private static (RecordTable Records, LinkSettings Settings) Prepare(IReadOnlyList<string> inputs, string? settingsPath)
    {
        if (inputs.Count == 0)
        {
            throw new TumenException("Give at least one --input file.", ExitCode.BadInput);
        }

        var columns = new List<string>();
        foreach (var header in inputs.Select(CsvRecords.ReadHeader))
        {
            columns.AddRange(header.Where(h => !columns.Contains(h, StringComparer.Ordinal)));
        }

        LinkSettings settings;
        if (settingsPath is null)
        {
            settings = LinkSettings.Infer(columns);
        }
        else
        {
            if (!File.Exists(settingsPath))
            {
                throw new TumenException($"Settings file not found: {settingsPath}", ExitCode.BadInput);
            }

            settings = LinkSettings.Parse(File.ReadAllText(settingsPath), columns);
        }

        if (settings.LinkType == LinkType.LinkOnly && inputs.Count < 2)
        {
            throw new TumenException("link_type link_only needs at least two --input files.", ExitCode.BadInput);
        }

        var records = CsvRecords.Read(inputs, settings.IdColumn);
        if (settingsPath is null)
        {
            settings = SettingsInference.Infer(records);
            (records, settings) = CombinedName.Apply(records, settings);
        }

        return (records, settings);
    }

    /// <summary>Runs the engine, with a progress bar per stage on stderr when a person is watching.</summary>
    public static LinkResult LinkWithProgress(CliEnvironment env, RecordTable records, LinkSettings settings, CancellationToken cancellationToken)
    {
        var engine = new LinkEngine();
        if (!env.Interactive)
        {
            return engine.Link(records, settings, progress: null, cancellationToken);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(env.Error) });
        LinkResult? result = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SynchronousProgress(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        tasks[p.Stage] = task = context.AddTask(p.Stage, maxValue: 1);
                    }

                    task.Value = p.Fraction;
                    context.Refresh();
                });
                result = engine.Link(records, settings, progress, cancellationToken);
            });
        return result!;
    }

    internal static object Summary(LinkResult result)
    {
        var s = result.Statistics;
        return new
        {
            records = s.Records,
            comparisons = s.Comparisons,
            pairs_above_threshold = s.PairsAboveThreshold,
            clusters = s.Clusters,
            seconds = Math.Round(s.Seconds, 3),
            link_type = result.Settings.LinkType == LinkType.LinkOnly ? "link_only" : "dedupe",
            threshold = result.Settings.Threshold,
            review_threshold = result.Settings.ReviewThreshold,
            review_pairs = result.ReviewPairs.Count(),
            probability_two_random_records_match = result.MatchShare,
            skipped_blocks = s.SkippedBlocks,
            skipped_pairs = s.SkippedPairs,
            id = result.Settings.IdColumn,
            blocking = result.Settings.Blocking,
            parameters = result.Parameters.Select(c => new
            {
                column = c.Column,
                kind = c.Kind,
                levels = c.Levels.Select(l => new { label = l.Label, m = l.M, u = l.U, weight = Math.Round(l.Weight, 4) }),
            }),
        };
    }

    // Progress<T> posts to the thread pool; a progress bar wants the report now, on the reporting thread.
    private sealed class SynchronousProgress(Action<LinkProgress> report) : IProgress<LinkProgress>
    {
        private readonly Lock _gate = new();

        public void Report(LinkProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
