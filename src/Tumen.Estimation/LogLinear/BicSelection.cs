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
        var candidates = Candidates(histories, checker);
        return candidates.Count == 0 ? null : candidates.MinBy(fit => Criterion(fit, histories.Observed));
    }

    /// <summary>
    /// Every model the search fitted whose estimate exists: the whole model space for up to five
    /// lists, the models tried along the greedy path beyond that.
    /// </summary>
    public static IReadOnlyList<LogLinearFit> Candidates(CaptureHistories histories, LogLinearFitter checker)
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

    private static List<LogLinearFit> Exhaustive(CaptureHistories histories, LogLinearFitter checker, int maxOrder)
    {
        var m = histories.ListCount;
        var terms = Enumerable.Range(1, (1 << m) - 1)
            .Where(t => BitOperations.PopCount((uint)t) >= 2 && BitOperations.PopCount((uint)t) <= maxOrder)
            .ToArray();
        var fits = new List<LogLinearFit>();
        for (var subset = 0; subset < 1 << terms.Length; subset++)
        {
            var model = LogLinearModel.Of(m, Enumerable.Range(0, terms.Length).Where(i => (subset & (1 << i)) != 0).Select(i => terms[i]));
            if (model.IsHierarchical() && checker.Check(histories, model) == Existence.Exists)
            {
                fits.Add(LogLinearFitter.Fit(histories, model));
            }
        }

        return fits;
    }

    private static List<LogLinearFit> Greedy(CaptureHistories histories, LogLinearFitter checker)
    {
        var m = histories.ListCount;
        var current = LogLinearFitter.Fit(histories, LogLinearModel.Independence(m));
        var fits = new List<LogLinearFit> { current };
        while (true)
        {
            var step = new List<LogLinearFit>();
            foreach (var term in Enumerable.Range(1, (1 << m) - 1).Where(t => BitOperations.PopCount((uint)t) is >= 2 and <= 3))
            {
                var candidate = current.Model.With(term);
                if (!current.Model.Terms.Contains(term) && candidate.IsHierarchical() && checker.Check(histories, candidate) == Existence.Exists)
                {
                    step.Add(LogLinearFitter.Fit(histories, candidate));
                }
            }

            fits.AddRange(step);
            var best = step.MinBy(fit => Criterion(fit, histories.Observed));
            if (best is null || Criterion(best, histories.Observed) >= Criterion(current, histories.Observed) - 1e-9)
            {
                return fits;
            }

            current = best;
        }
    }
}
