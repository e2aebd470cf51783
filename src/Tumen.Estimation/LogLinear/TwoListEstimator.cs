using Tumen.Estimation.Input;
using Tumen.Estimation.Intervals;

namespace Tumen.Estimation.LogLinear;

/// <summary>The Chapman (bias-corrected Lincoln–Petersen) estimate for two lists.</summary>
/// <param name="Estimate">(n₁+1)(n₂+1)/(m+1) − 1.</param>
/// <param name="Variance">Seber's variance estimate.</param>
/// <param name="Lower">Lower end of the log-normal interval on the unobserved count.</param>
/// <param name="Upper">Upper end of that interval.</param>
public sealed record ChapmanEstimate(double Estimate, double Variance, double Lower, double Upper);

/// <summary>Two-list estimation: Lincoln–Petersen with Chapman's correction.</summary>
public static class TwoListEstimator
{
    /// <summary>The Chapman estimate from lists 0 and 1 of <paramref name="histories"/>, which must have two lists.</summary>
    public static ChapmanEstimate Chapman(CaptureHistories histories, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(histories);
        if (histories.ListCount != 2)
        {
            throw new ArgumentException("Chapman's estimator takes exactly two lists.", nameof(histories));
        }

        double n1 = histories.CountOn(1);
        double n2 = histories.CountOn(2);
        double both = histories.CountOn(3);
        var estimate = ((n1 + 1) * (n2 + 1) / (both + 1)) - 1;
        var variance = (n1 + 1) * (n2 + 1) * (n1 - both) * (n2 - both) / ((both + 1) * (both + 1) * (both + 2));
        var (lower, upper) = LogNormalInterval.Of(histories.Observed, estimate, Math.Sqrt(variance), level);
        return new ChapmanEstimate(estimate, variance, lower, upper);
    }
}
