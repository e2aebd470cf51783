using System.Numerics;
using Tumen.Estimation.Input;

namespace Tumen.Estimation.LogLinear;

/// <summary>
/// Model selection by the Bayesian information criterion over hierarchical log-linear models,
/// as Rcapture's <c>closedpMS.t</c> does: every hierarchical model with interactions up to order
/// t − 1 for four lists or fewer, two-list interactions for five; beyond that a greedy forward search.
/// BIC = deviance + log(observed) × parameters; models whose estimate does not exist are skipped.
/// </summary>
public static class BicSelection
{
    /// <summary>The best model's fit, or null when no candidate model has an estimate.</summary>
    public static LogLinearFit? Select(CaptureHistories histories, LogLinearFitter checker)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(checker);
        var m = histories.ListCount;
        return m <= 5 ? Exhaustive(histories, checker, m <= 4 ? m - 1 : 2) : Greedy(histories, checker);
    }

    /// <summary>The criterion of a fit.</summary>
    public static double Criterion(LogLinearFit fit, long observed)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit.Deviance + (Math.Log(observed) * fit.ParameterCount);
    }

    private static LogLinearFit? Exhaustive(CaptureHistories histories, LogLinearFitter checker, int maxOrder)
    {
        var m = histories.ListCount;
        var candidates = Enumerable.Range(1, (1 << m) - 1)
            .Where(t => BitOperations.PopCount((uint)t) >= 2 && BitOperations.PopCount((uint)t) <= maxOrder)
            .ToArray();
        LogLinearFit? best = null;
        var bestBic = double.PositiveInfinity;
        for (var subset = 0; subset < 1 << candidates.Length; subset++)
        {
            var terms = Enumerable.Range(0, candidates.Length).Where(i => (subset & (1 << i)) != 0).Select(i => candidates[i]);
            var model = LogLinearModel.Of(m, terms);
            if (!model.IsHierarchical() || checker.Check(histories, model) != Existence.Exists)
            {
                continue;
            }

            var fit = LogLinearFitter.Fit(histories, model);
            var bic = Criterion(fit, histories.Observed);
            if (bic < bestBic - 1e-9)
            {
                bestBic = bic;
                best = fit;
            }
        }

        return best;
    }

    private static LogLinearFit? Greedy(CaptureHistories histories, LogLinearFitter checker)
    {
        var m = histories.ListCount;
        var model = LogLinearModel.Independence(m);
        var best = LogLinearFitter.Fit(histories, model);
        var bestBic = Criterion(best, histories.Observed);
        while (true)
        {
            LogLinearFit? improved = null;
            var improvedBic = bestBic;
            foreach (var term in Enumerable.Range(1, (1 << m) - 1).Where(t => BitOperations.PopCount((uint)t) is >= 2 and <= 3))
            {
                if (model.Terms.Contains(term))
                {
                    continue;
                }

                var candidate = model.With(term);
                if (!candidate.IsHierarchical() || checker.Check(histories, candidate) != Existence.Exists)
                {
                    continue;
                }

                var fit = LogLinearFitter.Fit(histories, candidate);
                var bic = Criterion(fit, histories.Observed);
                if (bic < improvedBic - 1e-9)
                {
                    improvedBic = bic;
                    improved = fit;
                }
            }

            if (improved is null)
            {
                return best;
            }

            best = improved;
            bestBic = improvedBic;
            model = improved.Model;
        }
    }
}
