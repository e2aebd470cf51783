using Tumen.Core;
using Tumen.Estimation;
using Tumen.Estimation.Input;
using Tumen.Estimation.Output;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Estimation;

/// <summary>
/// How to estimate: the method (or all of them), a fixed model, and the settings of the bootstrap
/// and the sampler. The defaults here are the only defaults: the command line and the web app take them.
/// </summary>
public sealed record EstimateRequest(string Method = "stepwise", string? Model = null, int Bootstrap = 1000, int Seed = 1234, int Chains = 4)
{
    /// <summary>The method names a user can give.</summary>
    public static IReadOnlyList<string> MethodNames { get; } = ["stepwise", "bic", "average", "lcmcr", "independence", "chapman", "all"];

    internal EstimationOptions Options()
    {
        if (Bootstrap < 0)
        {
            throw new TumenException("--bootstrap must be 0 or more.", ErrorKind.BadInput);
        }

        IReadOnlyList<EstimationMethod> methods = Method.ToLowerInvariant() switch
        {
            "stepwise" => [EstimationMethod.Stepwise],
            "bic" => [EstimationMethod.Bic],
            "lcmcr" => [EstimationMethod.Lcmcr],
            "average" => [EstimationMethod.Average],
            "independence" => [EstimationMethod.Independence],
            "chapman" => [EstimationMethod.Chapman],
            "all" => EstimationOptions.All,
            _ => throw new TumenException($"unknown --method '{Printable(Method)}'; use {string.Join(", ", MethodNames)}.", ErrorKind.BadInput),
        };
        return new EstimationOptions(Model is null ? methods : [EstimationMethod.Fixed], Bootstrap, Seed, FixedModel: Model, Chains: Math.Max(1, Chains));
    }

    private static string Printable(string text) => text.Length <= 20 && text.All(char.IsAsciiLetterOrDigit) ? text : "(as given)";
}

/// <summary>The estimate of one stratum.</summary>
public sealed record StratumEstimate(string Stratum, long Observed, IReadOnlyList<EstimationResult> Results, IReadOnlyList<string> Warnings);

/// <summary>
/// The estimates of a run: the total and, when split, each stratum. When no method gives a number
/// for the total, <see cref="NoEstimate"/> says so and <see cref="NoEstimateReason"/> says why.
/// </summary>
public sealed record EstimateOutcome(
    long Observed,
    IReadOnlyList<string> Lists,
    IReadOnlyList<EstimationResult> Results,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<StratumEstimate>? Strata)
{
    public bool NoEstimate => Results.Count > 0 && Results.All(r => r.Estimate is null);

    public string? NoEstimateReason => NoEstimate
        ? Results[0].Warnings.LastOrDefault(w => w.StartsWith("No estimate exists", StringComparison.Ordinal)) ?? "no estimate exists."
        : null;

    /// <summary>An SVG chart of the estimates with their intervals, per stratum (or the total).</summary>
    public string Chart()
    {
        IReadOnlyList<StratumReport> rows = Strata is { Count: > 0 }
            ? [.. Strata.Select(s => new StratumReport(s.Stratum, new EstimationReport(s.Observed, Lists, s.Results, s.Warnings)))]
            : [new StratumReport(string.Empty, new EstimationReport(Observed, Lists, Results, Warnings))];
        return EstimateChart.Render(rows);
    }
}

/// <summary>
/// Multiple systems estimation of how many people no list recorded: from a CSV of capture
/// patterns, or from a workspace's linked persons by source list, in total and by stratum.
/// </summary>
public static class EstimateService
{
    /// <summary>Estimates from a capture-history CSV (its optional 'stratum' column splits the estimate).</summary>
    public static EstimateOutcome EstimateFile(string path, EstimateRequest request, CancellationToken cancellationToken)
    {
        var options = request.Options();
        return Estimate(CaptureCsv.ReadStratifiedFile(path), [], options, cancellationToken);
    }

    /// <summary>
    /// Estimates from the workspace's linked persons. Lists are named by pseudonymous source ids
    /// unless <paramref name="revealLists"/> asks for their labels (encrypted at rest; an audited read).
    /// </summary>
    public static async Task<EstimateOutcome> EstimateWorkspaceAsync(
        Workspace workspace, string? by, bool revealLists, EstimateRequest request, CancellationToken cancellationToken)
    {
        var options = request.Options();
        await using var db = workspace.CreateContext();
        var (data, warnings) = await WorkspaceCaptures.LoadAsync(db, by, revealLists, cancellationToken).ConfigureAwait(false);
        db.RecordAccess("estimate", "person_links", by ?? "all");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Estimate(data, warnings, options, cancellationToken);
    }

    private static EstimateOutcome Estimate(StratifiedHistories data, IReadOnlyList<string> inputWarnings, EstimationOptions options, CancellationToken cancellationToken)
    {
        var total = PopulationEstimator.Estimate(data.Total, options, cancellationToken);
        var strata = data.Strata.Select(s =>
        {
            var report = EstimateStratum(s, options, cancellationToken);
            return new StratumEstimate(s.Name, report.Observed, report.Results, report.Warnings ?? []);
        }).ToList();
        return new EstimateOutcome(total.Observed, total.Lists, total.Results, [.. inputWarnings, .. total.Warnings ?? []], strata.Count > 0 ? strata : null);
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
}
