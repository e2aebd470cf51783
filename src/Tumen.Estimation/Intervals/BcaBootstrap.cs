using MathNet.Numerics.Distributions;
using Tumen.Estimation.Input;

namespace Tumen.Estimation.Intervals;

/// <summary>A bootstrap interval and what produced it.</summary>
/// <param name="Lower">The lower end.</param>
/// <param name="Upper">The upper end.</param>
/// <param name="Replicates">The number of bootstrap replicates that gave an estimate.</param>
/// <param name="Acceleration">The jackknife acceleration â.</param>
/// <param name="BiasCorrection">The bias correction ẑ₀.</param>
public sealed record BootstrapInterval(double Lower, double Upper, int Replicates, double Acceleration, double BiasCorrection);

/// <summary>
/// The bias-corrected and accelerated (BCa) bootstrap of Chan, Silverman and Vincent (2021):
/// replicates redraw the observed people from the observed pattern counts (multinomial, same
/// total) and rerun the whole estimator, model selection included; the acceleration comes from a
/// jackknife that removes one person at a time, computed once per pattern and weighted by its
/// count because people sharing a pattern are exchangeable.
/// </summary>
public static class BcaBootstrap
{
    /// <summary>
    /// The BCa interval at <paramref name="level"/> for <paramref name="estimator"/>, or null when
    /// fewer than ten replicates gave an estimate. <paramref name="estimator"/> returns null when no
    /// estimate exists for a replicate.
    /// </summary>
    public static BootstrapInterval? Interval(
        CaptureHistories histories,
        Func<CaptureHistories, double?> estimator,
        double pointEstimate,
        int replicates,
        int seed,
        double level = 0.95,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(estimator);
        var random = new Random(seed);
        var cells = histories.CellCounts();
        var cumulative = new long[cells.Length];
        long running = 0;
        for (var c = 0; c < cells.Length; c++)
        {
            running += cells[c];
            cumulative[c] = running;
        }

        var observed = histories.Observed;
        var estimates = new List<double>(replicates);
        var sample = new long[cells.Length];
        for (var r = 0; r < replicates; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(sample);
            for (long person = 0; person < observed; person++)
            {
                var draw = random.NextInt64(observed);
                var cell = Array.BinarySearch(cumulative, draw + 1);
                if (cell < 0)
                {
                    cell = ~cell;
                }

                // BinarySearch may land on an earlier cell with the same cumulative total (an empty cell).
                while (cell > 0 && cumulative[cell - 1] >= draw + 1)
                {
                    cell--;
                }

                sample[cell]++;
            }

            if (estimator(histories.WithCells(sample)) is { } estimate && double.IsFinite(estimate))
            {
                estimates.Add(estimate);
            }
        }

        if (estimates.Count < 10)
        {
            return null;
        }

        var acceleration = JackknifeAcceleration(histories, estimator, cells);
        var below = estimates.Count(e => e < pointEstimate) / (double)estimates.Count;
        var z0 = Normal.InvCDF(0, 1, Math.Clamp(below, 1e-6, 1 - 1e-6));
        estimates.Sort();
        var alpha = (1 - level) / 2;
        return new BootstrapInterval(
            Adjusted(estimates, z0, acceleration, alpha),
            Adjusted(estimates, z0, acceleration, 1 - alpha),
            estimates.Count,
            acceleration,
            z0);
    }

    /// <summary>
    /// Quantile type 8 of Hyndman and Fan (median-unbiased), as R's <c>quantile(type = 8)</c>;
    /// <paramref name="sorted"/> must be in ascending order.
    /// </summary>
    public static double Quantile(IReadOnlyList<double> sorted, double probability)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var n = sorted.Count;
        var position = (n * probability) + ((probability + 1) / 3);
        var j = (int)Math.Floor(position);
        var g = position - j;
        if (j < 1)
        {
            return sorted[0];
        }

        if (j >= n)
        {
            return sorted[n - 1];
        }

        return ((1 - g) * sorted[j - 1]) + (g * sorted[j]);
    }

    private static double Adjusted(List<double> sorted, double z0, double acceleration, double alpha)
    {
        var za = Normal.InvCDF(0, 1, alpha) + z0;
        var probability = Normal.CDF(0, 1, z0 + (za / (1 - (acceleration * za))));
        return Quantile(sorted, probability);
    }

    private static double JackknifeAcceleration(CaptureHistories histories, Func<CaptureHistories, double?> estimator, long[] cells)
    {
        var jack = new double[cells.Length];
        double weightedSum = 0;
        long total = 0;
        for (var c = 1; c < cells.Length; c++)
        {
            if (cells[c] == 0)
            {
                continue;
            }

            var leaveOne = (long[])cells.Clone();
            leaveOne[c]--;
            jack[c] = estimator(histories.WithCells(leaveOne)) ?? double.NaN;
            weightedSum += cells[c] * jack[c];
            total += cells[c];
        }

        var mean = weightedSum / total;
        double squares = 0;
        double cubes = 0;
        for (var c = 1; c < cells.Length; c++)
        {
            if (cells[c] == 0 || double.IsNaN(jack[c]))
            {
                continue;
            }

            var residual = mean - jack[c];
            squares += cells[c] * residual * residual;
            cubes += cells[c] * residual * residual * residual;
        }

        return squares > 0 ? cubes / (6 * Math.Pow(squares, 1.5)) : 0;
    }
}
