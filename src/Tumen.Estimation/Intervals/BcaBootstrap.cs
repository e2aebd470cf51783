using MathNet.Numerics.Distributions;
using Tumen.Estimation.Input;

namespace Tumen.Estimation.Intervals;

/// <summary>A bootstrap interval and what produced it.</summary>
/// <param name="Lower">The lower end.</param>
/// <param name="Upper">The upper end; +∞ when it falls among replicates that had no finite estimate.</param>
/// <param name="Replicates">The number of bootstrap replicates.</param>
/// <param name="Acceleration">The jackknife acceleration â.</param>
/// <param name="BiasCorrection">The bias correction ẑ₀.</param>
/// <param name="LowerLevel">The BCa-adjusted probability whose bootstrap quantile is the lower end.</param>
/// <param name="UpperLevel">The BCa-adjusted probability whose bootstrap quantile is the upper end.</param>
public sealed record BootstrapInterval(
    double Lower, double Upper, int Replicates, double Acceleration, double BiasCorrection, double LowerLevel, double UpperLevel)
{
    /// <summary>
    /// How many replicates lie beyond the lower end (Replicates × LowerLevel). Below about five, the end
    /// is one of the most extreme replicates and moves with the seed: the adjusted level asks for more
    /// of the tail than the replicates resolve.
    /// </summary>
    public double BeyondLower => Replicates * LowerLevel;

    /// <summary>How many replicates lie beyond the upper end (Replicates × (1 − UpperLevel)).</summary>
    public double BeyondUpper => Replicates * (1 - UpperLevel);
}

/// <summary>
/// The bias-corrected and accelerated (BCa) bootstrap of Chan, Silverman and Vincent (2021), as
/// <c>estimatepopulation</c> in R's SparseMSE: replicates redraw the observed people from the
/// observed pattern counts (multinomial, same total) and rerun the whole estimator, model selection
/// included; the draws are R's (<see cref="RCompatibleRandom"/>, patterns in input order), so a seed
/// gives the replicates SparseMSE gives with <c>iseed</c> set to it; ẑ₀ = Φ⁻¹(share of replicates below the estimate); the acceleration comes from a
/// jackknife that removes one person at a time, computed once per pattern and weighted by its count
/// because people sharing a pattern are exchangeable; the ends are type-8 quantiles of the
/// replicates at the BCa-adjusted levels. A replicate without an estimate (the data it drew leave
/// the total unbounded) counts as +∞.
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
        var random = new RCompatibleRandom(seed);
        var cells = histories.CellCounts();
        var order = histories.InputOrder;
        var weights = order.Select(mask => cells[mask]).ToArray();
        var observed = checked((int)histories.Observed);
        var estimates = new List<double>(replicates);
        var sample = new long[cells.Length];
        for (var r = 0; r < replicates; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var draw = random.Multinomial(observed, weights);
            for (var k = 0; k < order.Count; k++)
            {
                sample[order[k]] = draw[k];
            }

            estimates.Add(estimator(histories.WithCells(sample)) is { } estimate && double.IsFinite(estimate) ? estimate : double.PositiveInfinity);
        }

        if (estimates.Count(double.IsFinite) < 10)
        {
            return null;
        }

        var acceleration = JackknifeAcceleration(histories, estimator, cells);
        var below = estimates.Count(e => e < pointEstimate) / (double)estimates.Count;
        var z0 = Normal.InvCDF(0, 1, Math.Clamp(below, 1e-6, 1 - 1e-6));
        estimates.Sort();
        var alpha = (1 - level) / 2;
        var lowerLevel = AdjustedLevel(z0, acceleration, alpha);
        var upperLevel = AdjustedLevel(z0, acceleration, 1 - alpha);
        return new BootstrapInterval(
            Quantile(estimates, lowerLevel),
            Quantile(estimates, upperLevel),
            estimates.Count,
            acceleration,
            z0,
            lowerLevel,
            upperLevel);
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

        // g = 0 must not touch sorted[j], which may be +∞ (0 · ∞ is NaN).
        return g == 0 ? sorted[j - 1] : ((1 - g) * sorted[j - 1]) + (g * sorted[j]);
    }

    // Φ(ẑ₀ + (ẑ₀ + z_α) / (1 − â(ẑ₀ + z_α))), the BCa level of DiCiccio and Efron (1996).
    private static double AdjustedLevel(double z0, double acceleration, double alpha)
    {
        var za = Normal.InvCDF(0, 1, alpha) + z0;
        return Normal.CDF(0, 1, z0 + (za / (1 - (acceleration * za))));
    }

    // â = Σ n_c d_c³ / (6 (Σ n_c d_c²)^{3/2}) with d_c = mean − θ̂₍c₎, over the patterns c whose
    // leave-one-out table has an estimate.
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
            jack[c] = estimator(histories.WithCells(leaveOne)) is { } value && double.IsFinite(value) ? value : double.NaN;
            if (!double.IsNaN(jack[c]))
            {
                weightedSum += cells[c] * jack[c];
                total += cells[c];
            }
        }

        if (total == 0)
        {
            return 0;
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
