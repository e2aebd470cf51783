using Tumen.Estimation.Input;

namespace Tumen.Estimation.LogLinear;

/// <summary>
/// Forward stepwise selection of two-list interactions by Poisson p-values (Chan, Silverman and
/// Vincent 2021, as in the SparseMSE package). Starting from main effects, each step computes, for
/// every pair of lists not yet in the model, the two-sided Poisson p-value of the number of people
/// on both lists given the current fit; pairs whose addition would fail the existence check get
/// p = 1. The pair with the smallest p-value is added if that p-value is below the threshold.
/// A table in which some list is empty (only a bootstrap replicate can be one) keeps main effects,
/// as the reference does.
/// </summary>
public static class StepwiseSelection
{
    /// <summary>The default threshold of the paper.</summary>
    public const double DefaultThreshold = 0.02;

    /// <summary>Selects and fits the model.</summary>
    public static LogLinearFit Select(CaptureHistories histories, LogLinearFitter checker, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(checker);
        var listCount = histories.ListCount;
        var model = LogLinearModel.Independence(listCount);
        var fit = LogLinearFitter.Fit(histories, model);
        if (threshold <= 0 || HasEmptyList(histories))
        {
            return fit;
        }

        var pairs = new List<int>();
        for (var i = 0; i < listCount - 1; i++)
        {
            for (var j = i + 1; j < listCount; j++)
            {
                pairs.Add((1 << i) | (1 << j));
            }
        }

        var together = pairs.Select(histories.CountOn).ToArray();
        var included = new bool[pairs.Count];
        for (var cycle = 0; cycle < pairs.Count; cycle++)
        {
            var best = -1;
            var bestP = 1.0;
            for (var k = 0; k < pairs.Count; k++)
            {
                if (included[k])
                {
                    continue;
                }

                var expected = 0.0;
                for (var c = 0; c < fit.Cells.Count; c++)
                {
                    if ((fit.Cells[c] & pairs[k]) == pairs[k])
                    {
                        expected += fit.Fitted[c];
                    }
                }

                var p = Math.Min(SpecialMath.PoissonLower(together[k], expected), SpecialMath.PoissonUpper(together[k], expected));
                if (p < threshold && p < bestP && checker.Check(histories, model.With(pairs[k])) != Existence.Exists)
                {
                    p = 1;
                }

                if (p < bestP)
                {
                    bestP = p;
                    best = k;
                }
            }

            if (best < 0 || bestP >= threshold)
            {
                return fit;
            }

            model = model.With(pairs[best]);
            included[best] = true;
            fit = LogLinearFitter.Fit(histories, model);
        }

        return fit;
    }

    // Only a bootstrap replicate can lose every person of a list. As in SparseMSE, no model with an
    // interaction then passes the existence check (the empty list's own effect has no finite
    // estimate), so selection stays at main effects; doing the same keeps replicates identical to
    // the reference's.
    private static bool HasEmptyList(CaptureHistories histories) =>
        Enumerable.Range(0, histories.ListCount).Any(i => histories.CountOn(1 << i) == 0);
}
