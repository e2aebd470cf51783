using System.Globalization;
using MathNet.Numerics.Distributions;
using Tumen.Estimation.Bayesian;
using Tumen.Estimation.Input;
using Tumen.Estimation.Intervals;
using Tumen.Estimation.LogLinear;

namespace Tumen.Estimation;

/// <summary>
/// Runs the requested estimators on capture histories and explains their limits in plain
/// language. Input is in memory (list names and pattern counts), so the same code serves a CSV
/// file and the linked persons of a workspace.
/// </summary>
public static class PopulationEstimator
{
    /// <summary>Estimates the population from <paramref name="histories"/>.</summary>
    public static EstimationReport Estimate(CaptureHistories histories, EstimationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(options);
        var checker = new LogLinearFitter();
        var results = new List<EstimationResult>();
        var unrecaptured = UnrecapturedLists.NoEstimateReason(histories);
        foreach (var method in options.Methods.Distinct())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = unrecaptured is not null ? Unrecaptured(method, histories, options, checker, unrecaptured) : method switch
            {
                EstimationMethod.Independence => Independence(histories, options),
                EstimationMethod.Stepwise => Stepwise(histories, options, checker, cancellationToken),
                EstimationMethod.Bic => Bic(histories, options, checker),
                EstimationMethod.Average => Average(histories, options, checker),
                EstimationMethod.Lcmcr => Lcmcr(histories, options, cancellationToken),
                EstimationMethod.Chapman => Chapman(histories, options),
                EstimationMethod.Fixed => Fixed(histories, options, checker),
                _ => throw new ArgumentOutOfRangeException(nameof(options), method, "Unknown method."),
            };
            if (result is not null)
            {
                // When no estimate exists, the reason comes first: it is the answer.
                results.Add(result with
                {
                    Warnings = result.Estimate is null
                        ? [.. result.Warnings, .. DataWarnings(histories)]
                        : [.. DataWarnings(histories), .. result.Warnings, .. ResultWarnings(histories, result)],
                });
            }
        }

        return new EstimationReport(histories.Observed, histories.Lists, results, [.. ComparisonWarnings(results)]);
    }

    /// <summary>
    /// The answer of <paramref name="method"/> when a list has no recapture (see
    /// <see cref="UnrecapturedLists"/>): no estimate, for every method. A named model that fails its
    /// own existence check keeps that more specific reason.
    /// </summary>
    private static EstimationResult? Unrecaptured(
        EstimationMethod method, CaptureHistories histories, EstimationOptions options, LogLinearFitter checker, string reason)
    {
        switch (method)
        {
            case EstimationMethod.Fixed:
                var named = Fixed(histories, options, checker);
                return named.Estimate is null ? named : NoEstimate("fixed", named.Model, options, reason);
            case EstimationMethod.Chapman:
                return Chapman(histories, options) is { } chapman ? NoEstimate("chapman", chapman.Model, options, reason) : null;
            case EstimationMethod.Lcmcr:
                return NoEstimate(
                    "lcmcr",
                    null,
                    options,
                    reason + " The latent-class model would still print a number, but for a list without recaptures it would come from its prior, not from the data.");
            default:
                return NoEstimate(method.ToString().ToLowerInvariant(), null, options, reason);
        }
    }

    /// <summary>Cautions from comparing methods: disagreement signals heterogeneity or dependence.</summary>
    private static IEnumerable<string> ComparisonWarnings(List<EstimationResult> results)
    {
        var estimates = results.Where(r => r.Estimate is not null).ToList();
        if (estimates.Count < 2)
        {
            yield break;
        }

        var low = estimates.MinBy(r => r.Estimate!.Value)!;
        var high = estimates.MaxBy(r => r.Estimate!.Value)!;
        if (high.Estimate!.Value > 1.5 * low.Estimate!.Value)
        {
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"The methods disagree, from {low.Estimate.Value:N0} ({low.Method}) to {high.Estimate.Value:N0} ({high.Method}): people probably differ in how likely they are to be recorded, or the lists depend on each other. Report the range and why, not a single figure.");
        }
    }

    private static EstimationResult Independence(CaptureHistories histories, EstimationOptions options)
    {
        var fit = LogLinearFitter.Fit(histories, LogLinearModel.Independence(histories.ListCount));
        var warnings = new List<string>();
        var degrees = fit.Cells.Count - (fit.ParameterCount - fit.EmptyTerms.Count);
        if (histories.ListCount > 2 && degrees > 0)
        {
            var p = 1 - ChiSquared.CDF(degrees, fit.Deviance);
            if (p < 0.05)
            {
                warnings.Add(
                    $"The lists are not independent of each other (goodness-of-fit {Format(p)}): some people are more likely to be recorded than others, or one list feeds another. This estimate is probably off; prefer the stepwise, BIC or latent-class result.");
            }
        }

        return FromLogLinear("independence", fit, histories, options, warnings, selectionWarning: false);
    }

    private static EstimationResult Stepwise(
        CaptureHistories histories, EstimationOptions options, LogLinearFitter checker, CancellationToken cancellationToken)
    {
        var fit = StepwiseSelection.Select(histories, checker, options.StepwiseThreshold);
        if (options.BootstrapReplicates <= 0)
        {
            return FromLogLinear("stepwise", fit, histories, options, [], selectionWarning: true);
        }

        var bootstrap = BcaBootstrap.Interval(
            histories,
            replicate => StepwiseSelection.Select(replicate, checker, options.StepwiseThreshold).Estimate,
            fit.Estimate,
            options.BootstrapReplicates,
            options.Seed,
            options.Level,
            cancellationToken);
        var warnings = new List<string>();
        if (options.BootstrapReplicates < 1000)
        {
            warnings.Add(
                $"Only {options.BootstrapReplicates.ToString(CultureInfo.InvariantCulture)} bootstrap replicates: the interval ends are themselves uncertain; use 1,000 or more for a report.");
        }

        if (bootstrap is null)
        {
            warnings.Add("The bootstrap failed to produce enough replicates, so no interval is given.");
        }
        else
        {
            warnings.AddRange(TailWarnings(bootstrap));
        }

        var upper = bootstrap is { Upper: var end } && double.IsFinite(end) ? end : (double?)null;
        if (bootstrap is not null && upper is null)
        {
            warnings.Add("The upper end falls among bootstrap replicates with no finite estimate: the data cannot rule out a much larger hidden population.");
        }

        return new EstimationResult(
            "stepwise", fit.Model.Name(), fit.Estimate, bootstrap?.Lower, upper, options.Level, "bca bootstrap", warnings);
    }

    /// <summary>
    /// Cautions when the BCa correction pushes an end so far into the tail that only a handful of
    /// replicates lie beyond it (on Western the lower end is the smallest of 1,000 replicates): the
    /// end then moves with the seed by ten percent or more.
    /// </summary>
    private static IEnumerable<string> TailWarnings(BootstrapInterval bootstrap)
    {
        const double Resolved = 5;
        foreach (var (end, beyond, level) in new[] { ("lower", bootstrap.BeyondLower, bootstrap.LowerLevel), ("upper", bootstrap.BeyondUpper, 1 - bootstrap.UpperLevel) })
        {
            if (beyond < Resolved)
            {
                var which = beyond < 1
                    ? $"the most extreme of the {bootstrap.Replicates.ToString("N0", CultureInfo.InvariantCulture)} bootstrap replicates"
                    : $"one of the {Math.Ceiling(beyond).ToString(CultureInfo.InvariantCulture)} most extreme of the {bootstrap.Replicates.ToString("N0", CultureInfo.InvariantCulture)} bootstrap replicates";
                yield return string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {end} end of the interval is {which} (the bias correction asks for the {level:P3} tail), so it moves with the seed: treat it as approximate, or rerun with more replicates (e.g. --bootstrap 10000) or another --seed and compare.");
            }
        }
    }

    private static EstimationResult Bic(CaptureHistories histories, EstimationOptions options, LogLinearFitter checker)
    {
        var fit = BicSelection.Select(histories, checker);
        if (fit is null)
        {
            return NoEstimate("bic", null, options, "No estimate exists: no candidate model has a finite, identifiable estimate on these data.");
        }

        return FromLogLinear("bic", fit, histories, options, [], selectionWarning: histories.ListCount > 2);
    }

    private static EstimationResult Average(CaptureHistories histories, EstimationOptions options, LogLinearFitter checker)
    {
        var average = ModelAveraging.Average(histories, checker, options.Level);
        if (average is null)
        {
            return NoEstimate("average", null, options, "No estimate exists: no candidate model has a finite, identifiable estimate on these data.");
        }

        var model = string.Create(
            CultureInfo.InvariantCulture,
            $"BIC-weighted average of {average.Models} model{(average.Models == 1 ? string.Empty : "s")}; largest weight {average.TopWeight:F2} on {average.Top.Name()}");
        return new EstimationResult(
            "average", model, average.Estimate, average.Lower, average.Upper, options.Level, "log-normal, unconditional standard error", []);
    }

    private static EstimationResult Fixed(CaptureHistories histories, EstimationOptions options, LogLinearFitter checker)
    {
        LogLinearModel model;
        try
        {
            model = LogLinearModel.Parse(histories.ListCount, options.FixedModel ?? "[]");
        }
        catch (ArgumentException ex)
        {
            throw new Core.TumenException(ex.Message, ex, Core.ExitCode.BadInput);
        }

        var existence = checker.Check(histories, model);
        if (existence != Existence.Exists)
        {
            var why = existence switch
            {
                Existence.NotFinite => "the data are consistent with an unbounded number of unseen people under this model (the maximum-likelihood estimate is not finite)",
                Existence.NotIdentifiable => "the model has more parameters than the overlaps between lists can determine (it is not identifiable)",
                _ => "the maximum-likelihood estimate is neither finite nor identifiable",
            };
            return NoEstimate("fixed", model.Name(), options, $"No estimate exists: {why}. Choose a simpler model.");
        }

        return FromLogLinear("fixed", LogLinearFitter.Fit(histories, model), histories, options, [], selectionWarning: false);
    }

    private static EstimationResult Lcmcr(CaptureHistories histories, EstimationOptions options, CancellationToken cancellationToken)
    {
        var settings = options.LatentClass ?? new LatentClassOptions(Seed: options.Seed);
        var posterior = LatentClassSampler.RunChains(histories, settings, options.Chains, options.Level, cancellationToken);
        var warnings = new List<string>();
        var diagnostics = posterior.Diagnostics;
        if (diagnostics.EffectiveSampleSize < 100 * diagnostics.Chains / 2.0 || diagnostics.PotentialScaleReduction > 1.05
            || (diagnostics.Chains == 1 && Math.Abs(diagnostics.GewekeZ) > 2))
        {
            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"The sampler may not have settled (effective sample size {diagnostics.EffectiveSampleSize:F0} over {diagnostics.Chains} chains, R-hat {diagnostics.PotentialScaleReduction:F3}): rerun with more iterations or other seeds and compare."));
        }

        if (histories.ListCount < 3)
        {
            warnings.Add("The latent-class model needs at least three lists to tell classes apart; with two it only repeats its prior assumptions.");
        }

        var model = string.Create(
            CultureInfo.InvariantCulture,
            $"K={settings.Classes}, a={settings.AlphaShape}, b={settings.AlphaRate}, burn-in {settings.BurnIn}, {settings.Samples} samples thinned by {settings.Thinning}, {Math.Max(1, options.Chains)} chain(s) from seed {settings.Seed}");
        return new EstimationResult(
            "lcmcr", model, posterior.Median, posterior.Lower, posterior.Upper, options.Level, "posterior credible interval", warnings, diagnostics);
    }

    private static EstimationResult? Chapman(CaptureHistories histories, EstimationOptions options)
    {
        if (histories.ListCount != 2)
        {
            // Only meaningful for two lists; "all" asks for it regardless.
            return options.Methods.Contains(EstimationMethod.Chapman) && options.Methods.Count == 1
                ? NoEstimate("chapman", null, options, "Chapman's estimator takes exactly two lists; use the log-linear or latent-class methods.")
                : null;
        }

        var chapman = TwoListEstimator.Chapman(histories, options.Level);
        return new EstimationResult(
            "chapman", "[1,2]", chapman.Estimate, chapman.Lower, chapman.Upper, options.Level, "log-normal", []);
    }

    private static EstimationResult FromLogLinear(
        string method, LogLinearFit fit, CaptureHistories histories, EstimationOptions options, List<string> warnings, bool selectionWarning)
    {
        var interval = ProfileLikelihood.Interval(histories, fit.Model, fit.Estimate, options.Level);
        if (interval is null)
        {
            warnings.Add("The likelihood does not rule out much larger populations: there is no finite upper end.");
        }

        if (selectionWarning)
        {
            warnings.Add("The interval treats the chosen model as if it were known in advance, so it is too narrow; the stepwise result with the bootstrap accounts for model choice.");
        }

        return new EstimationResult(
            method, fit.Model.Name(), fit.Estimate, interval?.Lower, interval?.Upper, options.Level, "profile likelihood", warnings);
    }

    private static EstimationResult NoEstimate(string method, string? model, EstimationOptions options, string reason) =>
        new(method, model, null, null, null, options.Level, null, [reason]);

    /// <summary>Cautions that follow from the data, whatever the method.</summary>
    private static IEnumerable<string> DataWarnings(CaptureHistories histories)
    {
        if (histories.ListCount == 2)
        {
            yield return "Only two lists: every estimate assumes that appearing on one list does not change the chance of appearing on the other, and two lists cannot test that. Add a third, independent source if possible.";
        }

        var disjoint = new List<string>();
        for (var i = 0; i < histories.ListCount; i++)
        {
            for (var j = i + 1; j < histories.ListCount; j++)
            {
                if (histories.CountOn((1 << i) | (1 << j)) == 0)
                {
                    disjoint.Add($"'{histories.Lists[i]}' and '{histories.Lists[j]}'");
                }
            }
        }

        if (disjoint.Count > 0)
        {
            var shown = string.Join(", ", disjoint.Take(3)) + (disjoint.Count > 3 ? $" and {(disjoint.Count - 3).ToString(CultureInfo.InvariantCulture)} more pairs" : string.Empty);
            yield return $"Some lists have nobody in common ({shown}); sparse overlaps make estimates sensitive to a few records.";
        }

        var multiple = histories.Patterns.Where(p => System.Numerics.BitOperations.PopCount((uint)p.Mask) >= 2).Sum(p => p.Count);
        if (multiple < 20)
        {
            yield return $"Only {multiple.ToString(CultureInfo.InvariantCulture)} people appear on more than one list; every estimate rests on these overlaps and is fragile.";
        }

        if (histories.Observed < 50)
        {
            yield return $"Only {histories.Observed.ToString(CultureInfo.InvariantCulture)} people observed: with so few records any estimate is rough; consider merging strata.";
        }
    }

    /// <summary>Cautions that follow from the numbers a method produced.</summary>
    private static IEnumerable<string> ResultWarnings(CaptureHistories histories, EstimationResult result)
    {
        if (result.Estimate is { } estimate && estimate > 10 * histories.Observed)
        {
            yield return "The estimate is more than ten times the number observed: most of the population would be unseen, so the figure rests heavily on the model.";
        }

        if (result.Estimate is { } point && result.Upper is { } upper && upper > 3 * point)
        {
            yield return "The upper end is more than three times the estimate: the data cannot rule out a much larger hidden population.";
        }
    }

    private static string Format(double p) =>
        p < 0.001 ? "p < 0.001" : "p = " + p.ToString("F3", CultureInfo.InvariantCulture);
}
