using Tumen.Estimation.Bayesian;

namespace Tumen.Estimation;

/// <summary>The estimators Tumen offers.</summary>
public enum EstimationMethod
{
    /// <summary>Log-linear model with main effects only (lists independent).</summary>
    Independence,

    /// <summary>Log-linear model chosen by stepwise p-value selection (Chan, Silverman and Vincent 2021).</summary>
    Stepwise,

    /// <summary>Hierarchical log-linear model chosen by BIC.</summary>
    Bic,

    /// <summary>Bayesian latent-class model of Manrique-Vallier (2016).</summary>
    Lcmcr,

    /// <summary>BIC-weighted average over hierarchical log-linear models.</summary>
    Average,

    /// <summary>Lincoln–Petersen with Chapman's correction (two lists only).</summary>
    Chapman,

    /// <summary>A log-linear model named by the analyst.</summary>
    Fixed,
}

/// <summary>One estimator's answer.</summary>
/// <param name="Method">The method's name: independence, stepwise, bic, average, lcmcr, chapman or fixed.</param>
/// <param name="Model">The log-linear model in bracket notation, the latent-class settings, or null.</param>
/// <param name="Estimate">The estimated population, or null when no estimate exists.</param>
/// <param name="Lower">The lower end of the interval, or null.</param>
/// <param name="Upper">The upper end of the interval, or null.</param>
/// <param name="Level">The interval's coverage, e.g. 0.95.</param>
/// <param name="Interval">How the interval was computed.</param>
/// <param name="Warnings">Plain-language cautions for the reader.</param>
/// <param name="Diagnostics">Convergence diagnostics of a sampler, or null.</param>
public sealed record EstimationResult(
    string Method,
    string? Model,
    double? Estimate,
    double? Lower,
    double? Upper,
    double Level,
    string? Interval,
    IReadOnlyList<string> Warnings,
    ChainDiagnostics? Diagnostics = null);

/// <summary>Every requested estimator's answer for one set of capture histories.</summary>
/// <param name="Observed">The number of distinct people observed.</param>
/// <param name="Lists">The list names.</param>
/// <param name="Results">One result per method.</param>
/// <param name="Warnings">Cautions that come from comparing the methods, e.g. when they disagree.</param>
public sealed record EstimationReport(
    long Observed, IReadOnlyList<string> Lists, IReadOnlyList<EstimationResult> Results, IReadOnlyList<string>? Warnings = null);

/// <summary>Settings of an estimation run.</summary>
/// <param name="Methods">The methods to run, in output order.</param>
/// <param name="BootstrapReplicates">BCa replicates for stepwise selection; 0 uses profile likelihood instead.</param>
/// <param name="Seed">Seed of the bootstrap and the sampler; the same seed gives the same answer.</param>
/// <param name="Level">Interval coverage.</param>
/// <param name="StepwiseThreshold">The p-value threshold of stepwise selection.</param>
/// <param name="LatentClass">Sampler settings; null uses the reference settings with <paramref name="Seed"/>.</param>
/// <param name="FixedModel">The model of <see cref="EstimationMethod.Fixed"/>, in bracket notation.</param>
/// <param name="Chains">Independent latent-class chains pooled (seeds Seed, Seed + 1, ...).</param>
public sealed record EstimationOptions(
    IReadOnlyList<EstimationMethod> Methods,
    int BootstrapReplicates = 1000,
    int Seed = 1234,
    double Level = 0.95,
    double StepwiseThreshold = 0.02,
    LatentClassOptions? LatentClass = null,
    string? FixedModel = null,
    int Chains = 4)
{
    /// <summary>Independence, stepwise, BIC, model averaging and LCMCR (and Chapman when there are two lists).</summary>
    public static IReadOnlyList<EstimationMethod> All { get; } =
        [EstimationMethod.Independence, EstimationMethod.Stepwise, EstimationMethod.Bic, EstimationMethod.Average, EstimationMethod.Lcmcr, EstimationMethod.Chapman];
}
