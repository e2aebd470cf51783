using System.CommandLine;
using System.Globalization;
using Tumen.Application.Estimation;
using Tumen.Core;
using Tumen.Estimation;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen estimate</c>: multiple systems estimation of how many people were never recorded,
/// from a CSV of capture patterns (or one row per person), or from the workspace's linked persons by
/// source list.
/// </summary>
internal static class EstimateCommand
{
    private static readonly EstimateRequest Defaults = new();

    public static Command Create(CliEnvironment env)
    {
        var input = new Option<FileInfo?>("--input")
        {
            Description = "CSV with one 0/1 column per list and a last count column, or one row per person; an optional 'stratum' column splits the estimate. Without it, the workspace's linked persons are counted by source list.",
        };
        var by = new Option<string?>("--by") { Description = "With the workspace: split the estimate by sex, province (of origin), year (of the violation) or age (group at the violation)." };
        var reveal = new Option<bool>("--reveal") { Description = "With the workspace: name the lists by their labels (decrypted; the read is audited) instead of by source id." };
        var workspace = WorkspaceAccess.WorkspaceOption();
        var method = new Option<string>("--method")
        {
            Description = $"{string.Join(", ", EstimateRequest.MethodNames)} (default {Defaults.Method}).",
            DefaultValueFactory = _ => Defaults.Method,
        };
        var model = new Option<string?>("--model")
        {
            Description = "Fit this log-linear model instead, in bracket notation, e.g. [12,3]; reports plainly when no estimate exists.",
        };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "BCa bootstrap replicates for the stepwise interval (0: profile likelihood).",
            DefaultValueFactory = _ => Defaults.Bootstrap,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Random seed of the bootstrap and the sampler; the same seed gives the same numbers.",
            DefaultValueFactory = _ => Defaults.Seed,
        };
        var chains = new Option<int>("--chains")
        {
            Description = "Independent latent-class chains to pool (each at the reference settings); 1 reproduces a single reference run.",
            DefaultValueFactory = _ => Defaults.Chains,
        };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Write an SVG chart of the estimates with intervals per stratum." };

        var command = new Command("estimate", "Estimate how many people were never recorded, from overlapping lists (multiple systems estimation).")
        {
            input, method, model, bootstrap, seed, chains, json, chart, by, reveal, workspace,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new EstimateRequest(
                parse.GetValue(method) ?? Defaults.Method, parse.GetValue(model), parse.GetValue(bootstrap), parse.GetValue(seed), parse.GetValue(chains));
            EstimateOutcome outcome;
            if (parse.GetValue(input) is { } file)
            {
                if (parse.GetValue(by) is not null || parse.GetValue(reveal))
                {
                    throw new TumenException("--by and --reveal go with the workspace; a CSV is split by its 'stratum' column.", ExitCode.BadInput);
                }

                outcome = EstimateService.EstimateFile(file.FullName, request, ct);
            }
            else
            {
                using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct, "tumen estimate --input FILE.csv.").ConfigureAwait(false);
                outcome = await EstimateService.EstimateWorkspaceAsync(opened, parse.GetValue(by), parse.GetValue(reveal), request, ct).ConfigureAwait(false);
            }

            if (parse.GetValue(chart) is { } chartFile)
            {
                await File.WriteAllTextAsync(chartFile.FullName, outcome.Chart(), ct).ConfigureAwait(false);
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(env.Out, outcome);
            }
            else
            {
                WriteText(env.Out, outcome);
            }

            if (outcome.NoEstimate)
            {
                await env.Error.WriteLineAsync($"tumen: {outcome.NoEstimateReason}").ConfigureAwait(false);
                return (int)ExitCode.NoEstimate;
            }

            return 0;
        });
        return command;
    }

    private static void WriteText(TextWriter writer, EstimateOutcome outcome)
    {
        writer.WriteLine(CliOutput.Safe($"Observed: {outcome.Observed.ToString("N0", CultureInfo.InvariantCulture)} people on {outcome.Lists.Count.ToString(CultureInfo.InvariantCulture)} lists ({string.Join(", ", outcome.Lists)})"));
        WriteResults(writer, outcome.Results, outcome.Warnings, "");
        foreach (var stratum in outcome.Strata ?? [])
        {
            writer.WriteLine();
            writer.WriteLine(CliOutput.Safe($"Stratum {stratum.Stratum}: {stratum.Observed.ToString("N0", CultureInfo.InvariantCulture)} observed"));
            WriteResults(writer, stratum.Results, stratum.Warnings, "  ");
        }
    }

    private static void WriteResults(TextWriter writer, IReadOnlyList<EstimationResult> results, IReadOnlyList<string> warnings, string indent)
    {
        foreach (var result in results)
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

        foreach (var warning in warnings)
        {
            writer.WriteLine($"{indent}! {warning}");
        }
    }
}
