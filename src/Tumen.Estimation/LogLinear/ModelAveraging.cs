using Tumen.Estimation.Input;
using Tumen.Estimation.Intervals;

namespace Tumen.Estimation.LogLinear;

/// <summary>A model-averaged estimate.</summary>
/// <param name="Estimate">Σ wₘ N̂ₘ.</param>
/// <param name="StandardError">Buckland's unconditional standard error.</param>
/// <param name="Lower">Lower end of the log-normal interval on the unobserved count.</param>
/// <param name="Upper">Upper end of that interval.</param>
/// <param name="Models">The number of models averaged.</param>
/// <param name="Top">The model with the largest weight.</param>
/// <param name="TopWeight">Its weight.</param>
public sealed record AveragedEstimate(
    double Estimate, double StandardError, double Lower, double Upper, int Models, LogLinearModel Top, double TopWeight);

/// <summary>
/// BIC-weighted model averaging over the hierarchical log-linear models of <see cref="BicSelection"/>
/// (weights ∝ exp(−BIC/2)), with the unconditional standard error of Buckland, Burnham and
/// Augustin (1997), so the interval reflects uncertainty about the model as well as within it.
/// </summary>
public static class ModelAveraging
{
    /// <summary>The averaged estimate, or null when no candidate model has an estimate.</summary>
    public static AveragedEstimate? Average(CaptureHistories histories, LogLinearFitter checker, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var fits = BicSelection.Candidates(histories, checker);
        if (fits.Count == 0)
        {
            return null;
        }

        var criteria = fits.Select(f => BicSelection.Criterion(f, histories.Observed)).ToArray();
        var best = criteria.Min();
        var raw = criteria.Select(c => Math.Exp(-(c - best) / 2)).ToArray();
        var total = raw.Sum();
        var weights = raw.Select(w => w / total).ToArray();
        var estimate = fits.Select((f, i) => weights[i] * f.Estimate).Sum();

        // Delta method within a model: Var(exp β₀) ≈ exp(2β₀) Var(β₀).
        var standardError = fits.Select((f, i) =>
            weights[i] * Math.Sqrt((Math.Exp(2 * f.Intercept) * f.InterceptVariance) + Math.Pow(f.Estimate - estimate, 2))).Sum();
        var (lower, upper) = LogNormalInterval.Of(histories.Observed, estimate, standardError, level);
        var top = Array.IndexOf(weights, weights.Max());
        return new AveragedEstimate(
            estimate,
            standardError,
            lower,
            upper,
            fits.Count,
            fits[top].Model,
            weights[top]);
    }
}
