using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tumen.Application.Linking;
using Tumen.Core;
using Tumen.Linkage.Csv;
using Tumen.Linkage.Engine;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen link --input FILE.csv [--input OTHER.csv] [--settings S.json] [--out clusters.csv] [--pairs pairs.csv] --json</c>:
/// stateless record linkage of CSV files (no workspace needed). Without <c>--input</c> it links the
/// persons of the workspace instead and stores the clusters and the review queue.
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
        var workspace = WorkspaceAccess.WorkspaceOption();
        var command = new Command("link", "Find the records that describe the same person (Korean and Chinese names in any script): in CSV files, or the workspace's persons.")
        {
            input, settingsOption, outOption, pairsOption, json, workspace,
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

                return await LinkWorkspaceAsync(env, parseResult, workspace, parseResult.GetValue(json), cancellationToken).ConfigureAwait(false);
            }

            var result = await WithProgressAsync(env, progress =>
                Task.FromResult(FileLinker.Link(inputs, parseResult.GetValue(settingsOption), progress, cancellationToken))).ConfigureAwait(false);
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
                CliJson.Write(env.Out, LinkSummary.Of(result));
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

    private static async Task<int> LinkWorkspaceAsync(CliEnvironment env, ParseResult parse, Option<string?> workspace, bool json, CancellationToken ct)
    {
        using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct, "tumen link --input FILE.csv.").ConfigureAwait(false);
        var linker = new WorkspaceLinker(opened);
        var result = await WithProgressAsync(env, progress => linker.LinkAsync(progress, ct)).ConfigureAwait(false);
        if (json)
        {
            CliJson.Write(env.Out, result);
            return 0;
        }

        await env.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Persons:N0} persons, {result.Linkage.Comparisons:N0} pairs compared: {result.Clusters:N0} distinct people ({result.PersonsInSharedClusters:N0} persons share a cluster); {result.ClustersChanged:N0} cluster assignments changed.")).ConfigureAwait(false);
        await env.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Review queue: {result.ReviewPending:N0} uncertain pair(s) ({result.ReviewAdded:N0} new); {result.DecisionsApplied:N0} reviewer decision(s) applied. See 'tumen review list'.")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Runs linkage work with a progress bar per stage on stderr when a person is watching.</summary>
    private static async Task<T> WithProgressAsync<T>(CliEnvironment env, Func<IProgress<LinkProgress>?, Task<T>> work)
    {
        if (!env.Interactive)
        {
            return await work(null).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(env.Error) });
        T result = default!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
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
                result = await work(progress).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result;
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
