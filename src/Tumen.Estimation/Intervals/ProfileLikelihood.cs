using MathNet.Numerics.Distributions;
using Tumen.Estimation.Input;
using Tumen.Estimation.LogLinear;

namespace Tumen.Estimation.Intervals;

/// <summary>
/// Profile-likelihood intervals for the population size under a fixed log-linear model, as
/// Rcapture's <c>closedpCI.t</c>: the set of N whose multinomial profile log-likelihood is within
/// χ²₁(level)/2 of its maximum.
/// </summary>
public static class ProfileLikelihood
{
    /// <summary>The interval, or null when the likelihood does not drop far enough within reach (unbounded above).</summary>
    public static (double Lower, double Upper)? Interval(CaptureHistories histories, LogLinearModel model, double estimate, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(model);
        double Profile(double n) => LogLinearFitter.ProfileLogLikelihood(histories, model, n);

        var observed = (double)histories.Observed;
        var best = MaximizeNear(Profile, observed, Math.Max(estimate, observed + 1e-6));
        var peak = Profile(best);
        var drop = ChiSquared.InvCDF(1, level) / 2;
        double Gap(double n) => peak - Profile(n) - drop;

        var lower = Gap(observed) <= 0 ? observed : Bisect(Gap, observed, best);
        var high = best;
        var step = Math.Max(best - observed, 1);
        for (var i = 0; i < 60 && Gap(high) < 0; i++)
        {
            high += step;
            step *= 2;
        }

        if (Gap(high) < 0)
        {
            return null;
        }

        return (lower, Bisect(Gap, best, high));
    }

    // Golden-section search for the maximum of the profile around the Poisson estimate.
    private static double MaximizeNear(Func<double, double> profile, double observed, double estimate)
    {
        var a = observed + ((estimate - observed) * 0.5);
        var b = observed + ((estimate - observed) * 1.5) + 1;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var c = b - (ratio * (b - a));
        var d = a + (ratio * (b - a));
        var fc = profile(c);
        var fd = profile(d);
        for (var i = 0; i < 60 && b - a > 1e-6 * estimate; i++)
        {
            if (fc > fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (ratio * (b - a));
                fc = profile(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (ratio * (b - a));
                fd = profile(d);
            }
        }

        return (a + b) / 2;
    }

    // Root of an increasing-or-decreasing gap function between low and high (signs differ).
    private static double Bisect(Func<double, double> gap, double low, double high)
    {
        var gapLow = gap(low);
        for (var i = 0; i < 80 && high - low > 1e-6 * Math.Max(1, high); i++)
        {
            var mid = (low + high) / 2;
            var gapMid = gap(mid);
            if (Math.Sign(gapMid) == Math.Sign(gapLow))
            {
                low = mid;
                gapLow = gapMid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }
}
