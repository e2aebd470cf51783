using System.CommandLine;
using System.Globalization;
using Tumen.Core;
using Tumen.Estimation;
using Tumen.Estimation.Input;
using Tumen.Estimation.Output;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen estimate</c>: multiple systems estimation of how many people were never recorded,
/// from a CSV of capture patterns (or one row per person), or from the workspace's linked persons by
/// source list (<see cref="WorkspaceCaptures"/>).
/// </summary>
internal static class EstimateCommand
{
    private static readonly Dictionary<string, EstimationMethod[]> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["stepwise"] = [EstimationMethod.Stepwise],
        ["bic"] = [EstimationMethod.Bic],
        ["lcmcr"] = [EstimationMethod.Lcmcr],
        ["average"] = [EstimationMethod.Average],
        ["independence"] = [EstimationMethod.Independence],
        ["chapman"] = [EstimationMethod.Chapman],
        ["all"] = [.. EstimationOptions.All],
    };

    public static Command Create(CliEnvironment env)
    {
        var input = new Option<FileInfo?>("--input")
        {
            Description = "CSV with one 0/1 column per list and a last count column, or one row per person; an optional 'stratum' column splits the estimate. Without it, the workspace's linked persons are counted by source list.",
        };
        var by = new Option<string?>("--by") { Description = "With the workspace: split the estimate by sex, province (of origin), year (of the violation) or age (group at the violation)." };
        var workspace = WorkspaceAccess.WorkspaceOption();
        var method = new Option<string>("--method")
        {
            Description = "stepwise (default), bic, average, lcmcr, independence, chapman or all.",
            DefaultValueFactory = _ => "stepwise",
        };
        var model = new Option<string?>("--model")
        {
            Description = "Fit this log-linear model instead, in bracket notation, e.g. [12,3]; reports plainly when no estimate exists.",
        };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "BCa bootstrap replicates for the stepwise interval (0: profile likelihood).",
            DefaultValueFactory = _ => 1000,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Random seed of the bootstrap and the sampler; the same seed gives the same numbers.",
            DefaultValueFactory = _ => 1234,
        };
        var chains = new Option<int>("--chains")
        {
            Description = "Independent latent-class chains to pool (each at the reference settings); 1 reproduces a single reference run.",
            DefaultValueFactory = _ => 4,
        };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Write an SVG chart of the estimates with intervals per stratum." };

        var command = new Command("estimate", "Estimate how many people were never recorded, from overlapping lists (multiple systems estimation).")
        {
            input, method, model, bootstrap, seed, chains, json, chart, by, workspace,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var replicates = parseResult.GetValue(bootstrap);
            if (replicates < 0)
            {
                throw new TumenException("--bootstrap must be 0 or more.", ExitCode.BadInput);
            }

            var fixedModel = parseResult.GetValue(model);
            var methodName = parseResult.GetValue(method) ?? "stepwise";
            if (!Methods.TryGetValue(methodName, out var methods))
            {
                throw new TumenException(
                    $"unknown --method '{methodName}'; use stepwise, bic, average, lcmcr, independence, chapman or all.", ExitCode.BadInput);
            }

            var options = new EstimationOptions(
                fixedModel is null ? methods : [EstimationMethod.Fixed],
                replicates,
                parseResult.GetValue(seed),
                FixedModel: fixedModel,
                Chains: Math.Max(1, parseResult.GetValue(chains)));
            var (data, inputWarnings) = await ReadAsync(env, parseResult, parseResult.GetValue(input), parseResult.GetValue(by), workspace, cancellationToken).ConfigureAwait(false);
            var total = PopulationEstimator.Estimate(data.Total, options, cancellationToken);
            total = total with { Warnings = [.. inputWarnings, .. total.Warnings ?? []] };
            var strata = data.Strata.Select(s => new StratumReport(s.Name, EstimateStratum(s, options, cancellationToken))).ToList();

            if (parseResult.GetValue(chart) is { } chartFile)
            {
                var charted = strata.Count > 0 ? strata : [new StratumReport(string.Empty, total)];
                await File.WriteAllTextAsync(chartFile.FullName, EstimateChart.Render(charted), cancellationToken).ConfigureAwait(false);
            }

            if (parseResult.GetValue(json))
            {
                CliJson.Write(env.Out, new EstimateOutput(
                    total.Observed,
                    total.Lists,
                    total.Results,
                    total.Warnings ?? [],
                    strata.Count > 0 ? [.. strata.Select(s => new StratumOutput(s.Label, s.Report.Observed, s.Report.Results, s.Report.Warnings ?? []))] : null));
            }
            else
            {
                WriteText(env.Out, total, strata);
            }

            var noEstimate = total.Results.Count > 0 && total.Results.All(r => r.Estimate is null);
            if (noEstimate)
            {
                await env.Error.WriteLineAsync($"tumen: {total.Results[0].Warnings.LastOrDefault(w => w.StartsWith("No estimate exists", StringComparison.Ordinal)) ?? "no estimate exists."}").ConfigureAwait(false);
                return (int)ExitCode.NoEstimate;
            }

            return 0;
        });
        return command;
    }

    private static async Task<(StratifiedHistories Data, IReadOnlyList<string> Warnings)> ReadAsync(
        CliEnvironment env, ParseResult parse, FileInfo? file, string? by, Option<string?> workspace, CancellationToken ct)
    {
        if (file is not null)
        {
            return by is null
                ? (CaptureCsv.ReadStratifiedFile(file.FullName), [])
                : throw new TumenException("--by goes with the workspace; a CSV is split by its 'stratum' column.", ExitCode.BadInput);
        }

        using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct, "tumen estimate --input FILE.csv.").ConfigureAwait(false);
        await using var db = opened.CreateContext();
        var loaded = await WorkspaceCaptures.LoadAsync(db, by, ct).ConfigureAwait(false);
        db.RecordAccess("estimate", "person_links", by ?? "all");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return loaded;
    }

    private static EstimationReport EstimateStratum(Stratum stratum, EstimationOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return PopulationEstimator.Estimate(stratum.ToHistories(), options, cancellationToken);
        }
        catch (TumenException ex) when (ex.ExitCode == ExitCode.BadInput)
        {
            var results = options.Methods
                .Select(m => new EstimationResult(
                    m.ToString().ToLowerInvariant(), null, null, null, null, options.Level, null, [$"No estimate exists for this stratum: {ex.Message}"]))
                .ToList();
            return new EstimationReport(stratum.Observed, stratum.Lists, results);
        }
    }

    private static void WriteText(TextWriter writer, EstimationReport total, IReadOnlyList<StratumReport> strata)
    {
        writer.WriteLine($"Observed: {total.Observed.ToString("N0", CultureInfo.InvariantCulture)} people on {total.Lists.Count.ToString(CultureInfo.InvariantCulture)} lists ({string.Join(", ", total.Lists)})");
        WriteResults(writer, total, "");
        foreach (var stratum in strata)
        {
            writer.WriteLine();
            writer.WriteLine($"Stratum {stratum.Label}: {stratum.Report.Observed.ToString("N0", CultureInfo.InvariantCulture)} observed");
            WriteResults(writer, stratum.Report, "  ");
        }
    }

    private static void WriteResults(TextWriter writer, EstimationReport report, string indent)
    {
        foreach (var result in report.Results)
        {
            var line = result.Estimate is { } estimate
                ? string.Create(CultureInfo.InvariantCulture, $"{estimate:N0}")
                : "no estimate";
            if (result.Lower is { } lower && result.Upper is { } upper)
            {
                line += string.Create(CultureInfo.InvariantCulture, $" ({result.Level:P0} {result.Interval}: {lower:N0} to {upper:N0})");
            }

            writer.WriteLine($"{indent}{result.Method} {result.Model}: {line}");
            foreach (var warning in result.Warnings)
            {
                writer.WriteLine($"{indent}  ! {warning}");
            }
        }

        foreach (var warning in report.Warnings ?? [])
        {
            writer.WriteLine($"{indent}! {warning}");
        }
    }

    private sealed record EstimateOutput(
        long Observed,
        IReadOnlyList<string> Lists,
        IReadOnlyList<EstimationResult> Results,
        IReadOnlyList<string> Warnings,
        IReadOnlyList<StratumOutput>? Strata);

    private sealed record StratumOutput(string Stratum, long Observed, IReadOnlyList<EstimationResult> Results, IReadOnlyList<string> Warnings);
}
