using Tumen.Estimation.Input;
using Tumen.Estimation.Intervals;

namespace Tumen.Estimation.Bayesian;

/// <summary>Settings of the latent-class sampler; the defaults are the reference settings.</summary>
/// <param name="Classes">K, the truncation of the Dirichlet-process mixture.</param>
/// <param name="AlphaShape">a of the Gamma(a, b) prior on the concentration α.</param>
/// <param name="AlphaRate">b of that prior.</param>
/// <param name="BurnIn">Sweeps discarded before sampling.</param>
/// <param name="Samples">Posterior samples kept.</param>
/// <param name="Thinning">Sweeps between kept samples.</param>
/// <param name="Seed">The random seed; the same seed gives the same answer.</param>
public sealed record LatentClassOptions(
    int Classes = 10,
    double AlphaShape = 0.25,
    double AlphaRate = 0.25,
    int BurnIn = 10_000,
    int Samples = 1_000,
    int Thinning = 100,
    int Seed = 1);

/// <summary>Convergence diagnostics of the chain of population sizes.</summary>
/// <param name="EffectiveSampleSize">Effective sample size of the kept draws (initial positive sequence).</param>
/// <param name="GewekeZ">Geweke's z comparing the first 10 % and last 50 % of the kept draws.</param>
/// <param name="ClassesUsed">The mean number of classes holding at least one person.</param>
/// <param name="Chains">The number of independent chains pooled.</param>
/// <param name="PotentialScaleReduction">Gelman–Rubin R̂ across chains (1 when a single chain; above 1.05 means the chains disagree).</param>
public sealed record ChainDiagnostics(
    double EffectiveSampleSize, double GewekeZ, double ClassesUsed, int Chains = 1, double PotentialScaleReduction = 1);

/// <summary>The posterior of the population size.</summary>
/// <param name="Median">Posterior median.</param>
/// <param name="Lower">Lower end of the central credible interval.</param>
/// <param name="Upper">Upper end of that interval.</param>
/// <param name="Draws">The kept draws of N, in chain order.</param>
/// <param name="Diagnostics">Convergence diagnostics.</param>
public sealed record LatentClassPosterior(double Median, double Lower, double Upper, IReadOnlyList<long> Draws, ChainDiagnostics Diagnostics);

/// <summary>
/// The Bayesian non-parametric latent-class model of Manrique-Vallier (2016), "LCMCR": people fall
/// into up to K latent classes (a truncated stick-breaking Dirichlet process with concentration
/// α ~ Gamma(a, b)); within a class, lists capture independently with probabilities λ ~ Beta(1, 1);
/// the prior on N is 1/N. The Gibbs sampler works on pattern counts: people sharing a capture
/// pattern are exchangeable, so their class allocations are drawn as one multinomial per pattern.
/// </summary>
public static class LatentClassSampler
{
    // Sweeps at fixed α before the burn-in, as the reference implementation does.
    private const int WarmUp = 500;

    /// <summary>
    /// Runs <paramref name="chains"/> independent chains (seeds Seed, Seed + 1, ...) in parallel and
    /// pools their draws; diagnostics add Gelman–Rubin R̂ across chains. Deterministic for a seed.
    /// </summary>
    public static LatentClassPosterior RunChains(
        CaptureHistories histories, LatentClassOptions options, int chains, double level = 0.95, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (chains <= 1)
        {
            return Run(histories, options, level, cancellationToken);
        }

        var runs = new LatentClassPosterior[chains];
        Parallel.For(0, chains, c => runs[c] = Run(histories, options with { Seed = options.Seed + c }, level, cancellationToken));
        var pooled = runs.SelectMany(r => r.Draws).ToList();
        var sorted = pooled.Select(d => (double)d).Order().ToList();
        var tail = (1 - level) / 2;
        var diagnostics = new ChainDiagnostics(
            runs.Sum(r => r.Diagnostics.EffectiveSampleSize),
            runs.Max(r => Math.Abs(r.Diagnostics.GewekeZ)),
            runs.Average(r => r.Diagnostics.ClassesUsed),
            chains,
            PotentialScaleReduction(runs.Select(r => r.Draws).ToList()));
        return new LatentClassPosterior(
            BcaBootstrap.Quantile(sorted, 0.5),
            BcaBootstrap.Quantile(sorted, tail),
            BcaBootstrap.Quantile(sorted, 1 - tail),
            pooled,
            diagnostics);
    }

    /// <summary>Runs the chain and summarises N at <paramref name="level"/>.</summary>
    public static LatentClassPosterior Run(
        CaptureHistories histories, LatentClassOptions options, double level = 0.95, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(options);
        var chain = new Chain(histories, options);
        for (var sweep = 0; sweep < WarmUp; sweep++)
        {
            chain.Sweep(updateAlpha: false);
        }

        chain.OrderClassesByWeight();
        for (var sweep = 0; sweep < options.BurnIn; sweep++)
        {
            if (sweep % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            chain.Sweep(updateAlpha: true);
        }

        var draws = new List<long>(options.Samples);
        double classesUsed = 0;
        for (var sample = 0; sample < options.Samples; sample++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var sweep = 0; sweep < options.Thinning; sweep++)
            {
                chain.Sweep(updateAlpha: true);
            }

            draws.Add(chain.Population);
            classesUsed += chain.ClassesUsed;
        }

        var sorted = draws.Select(d => (double)d).Order().ToList();
        var tail = (1 - level) / 2;
        return new LatentClassPosterior(
            BcaBootstrap.Quantile(sorted, 0.5),
            BcaBootstrap.Quantile(sorted, tail),
            BcaBootstrap.Quantile(sorted, 1 - tail),
            draws,
            new ChainDiagnostics(EffectiveSampleSize(draws), GewekeZ(draws), classesUsed / Math.Max(1, draws.Count)));
    }

    // Gelman and Rubin (1992): sqrt(((n − 1)/n · W + B/n) / W) over equal-length chains.
    private static double PotentialScaleReduction(List<IReadOnlyList<long>> chains)
    {
        var n = chains.Min(c => c.Count);
        if (n < 2)
        {
            return 1;
        }

        var means = chains.Select(c => c.Take(n).Average(d => (double)d)).ToList();
        var grand = means.Average();
        var between = n * means.Sum(m => (m - grand) * (m - grand)) / (chains.Count - 1);
        var within = chains.Select((c, i) => c.Take(n).Sum(d => (d - means[i]) * (d - means[i])) / (n - 1)).Average();
        return within > 0 ? Math.Sqrt((((n - 1.0) / n * within) + (between / n)) / within) : 1;
    }

    private static double EffectiveSampleSize(IReadOnlyList<long> draws)
    {
        var n = draws.Count;
        if (n < 4)
        {
            return n;
        }

        var mean = draws.Average(d => (double)d);
        var variance = draws.Sum(d => (d - mean) * (d - mean)) / n;
        if (variance <= 0)
        {
            return n;
        }

        double Autocorrelation(int lag)
        {
            double sum = 0;
            for (var i = 0; i + lag < n; i++)
            {
                sum += (draws[i] - mean) * (draws[i + lag] - mean);
            }

            return sum / n / variance;
        }

        // Geyer's initial positive sequence: add pairs of autocorrelations while their sum is positive.
        var total = 0.0;
        for (var lag = 1; lag + 1 < n; lag += 2)
        {
            var pair = Autocorrelation(lag) + Autocorrelation(lag + 1);
            if (pair <= 0)
            {
                break;
            }

            total += pair;
        }

        return n / (1 + (2 * total));
    }

    private static double GewekeZ(IReadOnlyList<long> draws)
    {
        var n = draws.Count;
        if (n < 20)
        {
            return 0;
        }

        var first = draws.Take(n / 10).Select(d => (double)d).ToList();
        var last = draws.Skip(n / 2).Select(d => (double)d).ToList();
        static (double Mean, double Variance) Moments(List<double> xs)
        {
            var mean = xs.Average();
            return (mean, xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1) / xs.Count);
        }

        // Inflate the naive variances of the means by the chain's autocorrelation (n / ESS).
        var inflation = Math.Max(1, n / EffectiveSampleSize(draws));
        var (m1, v1) = Moments(first);
        var (m2, v2) = Moments(last);
        v1 *= inflation;
        v2 *= inflation;
        return v1 + v2 > 0 ? (m1 - m2) / Math.Sqrt(v1 + v2) : 0;
    }

    /// <summary>The state of one Gibbs chain over pattern counts.</summary>
    private sealed class Chain
    {
        private readonly RandomVariates _random;
        private readonly PatternCount[] _patterns;
        private readonly int _lists;
        private readonly int _classes;
        private readonly long _observed;
        private readonly LatentClassOptions _options;
        private readonly double[,] _lambda;
        private readonly double[] _factor;
        private readonly double[] _weights;
        private readonly long[] _unobservedByClass;
        private readonly long[] _classTotals;
        private readonly long[] _captured;
        private readonly int[][] _listsOn;
        private readonly double[] _probabilities;
        private readonly long[] _draw;
        private double _alpha;
        private double _logRemainder;
        private long _unobserved;

        public Chain(CaptureHistories histories, LatentClassOptions options)
        {
            _random = new RandomVariates(options.Seed);
            _patterns = [.. histories.Patterns];
            _lists = histories.ListCount;
            _classes = options.Classes;
            _observed = histories.Observed;
            _options = options;
            _lambda = new double[_classes, _lists];
            _factor = new double[_classes * _lists * 2];
            _weights = new double[_classes];
            _unobservedByClass = new long[_classes];
            _classTotals = new long[_classes];
            _captured = new long[_classes * _lists];
            _listsOn = [.. _patterns.Select(p => Enumerable.Range(0, _lists).Where(j => (p.Mask & (1 << j)) != 0).ToArray())];
            _probabilities = new double[_classes];
            _draw = new long[_classes];

            // Start as the reference implementation: λ at each list's share of the observed,
            // most weight on four classes, a small α.
            for (var j = 0; j < _lists; j++)
            {
                var share = histories.CountOn(1 << j) / (double)_observed;
                for (var k = 0; k < _classes; k++)
                {
                    _lambda[k, j] = share;
                }
            }

            var heavy = Math.Min(4, _classes);
            for (var k = 0; k < _classes; k++)
            {
                _weights[k] = _classes <= 4 ? 1.0 / _classes : k < heavy ? 0.225 : 0.1 / (_classes - 4);
            }

            _alpha = 0.3 / _classes;
            RefreshFactors();
        }

        public long Population => _observed + _unobserved;

        public int ClassesUsed => _classTotals.Count(t => t > 0);

        public void Sweep(bool updateAlpha)
        {
            AllocateObserved();
            UpdateCaptureProbabilities();
            UpdateWeights();
            ImputeUnobserved();
            if (updateAlpha)
            {
                _alpha = _random.Gamma(_options.AlphaShape + _classes - 1) / (_options.AlphaRate - _logRemainder);
            }
        }

        public void OrderClassesByWeight()
        {
            var order = Enumerable.Range(0, _classes).OrderByDescending(k => _weights[k]).ToArray();
            var lambda = (double[,])_lambda.Clone();
            var weights = (double[])_weights.Clone();
            var unobserved = (long[])_unobservedByClass.Clone();
            for (var k = 0; k < _classes; k++)
            {
                _weights[k] = weights[order[k]];
                _unobservedByClass[k] = unobserved[order[k]];
                for (var j = 0; j < _lists; j++)
                {
                    _lambda[k, j] = lambda[order[k], j];
                }
            }

            RefreshFactors();
        }

        // Classes of the observed people: one multinomial per capture pattern.
        private void AllocateObserved()
        {
            Array.Clear(_captured);
            Array.Copy(_unobservedByClass, _classTotals, _classes);
            for (var p = 0; p < _patterns.Length; p++)
            {
                var mask = _patterns[p].Mask;
                for (var k = 0; k < _classes; k++)
                {
                    var pr = _weights[k];
                    var row = k * _lists * 2;
                    for (var j = 0; j < _lists; j++)
                    {
                        pr *= _factor[row + (2 * j) + ((mask >> j) & 1)];
                    }

                    _probabilities[k] = pr;
                }

                _random.Multinomial(_patterns[p].Count, _probabilities, _draw);
                var on = _listsOn[p];
                for (var k = 0; k < _classes; k++)
                {
                    var n = _draw[k];
                    if (n == 0)
                    {
                        continue;
                    }

                    _classTotals[k] += n;
                    var row = k * _lists;
                    foreach (var j in on)
                    {
                        _captured[row + j] += n;
                    }
                }
            }
        }

        private void UpdateCaptureProbabilities()
        {
            for (var k = 0; k < _classes; k++)
            {
                for (var j = 0; j < _lists; j++)
                {
                    var captured = _captured[(k * _lists) + j];
                    _lambda[k, j] = _random.Beta(1 + captured, 1 + _classTotals[k] - captured);
                }
            }

            RefreshFactors();
        }

        // factor[((k · lists) + j) · 2 + x] = P(capture indicator x on list j | class k), read without branching.
        private void RefreshFactors()
        {
            for (var k = 0; k < _classes; k++)
            {
                for (var j = 0; j < _lists; j++)
                {
                    var cell = ((k * _lists) + j) * 2;
                    _factor[cell] = 1 - _lambda[k, j];
                    _factor[cell + 1] = _lambda[k, j];
                }
            }
        }

        // Stick breaking: V_k ~ Beta(1 + n_k, α + Σ_{l>k} n_l), V_K = 1. Behind the last occupied
        // class the second shape is α alone, often tiny, and then 1 − V_k can be below the smallest
        // double: it is drawn in logs there, as the reference implementation does. Otherwise
        // log(1 − V_k) = −∞ would make α's rate infinite and freeze α at 0, so that emptied classes
        // could never be used again.
        private void UpdateWeights()
        {
            long after = _classTotals.Sum();
            var logRemaining = 0.0;
            for (var k = 0; k < _classes - 1; k++)
            {
                after -= _classTotals[k];
                var a = _random.Gamma(1 + _classTotals[k]);
                var shape = _alpha + after;
                double v, logStay;
                if (shape >= 1)
                {
                    var b = _random.Gamma(shape);
                    v = a / (a + b);
                    logStay = Math.Log(b / (a + b));
                }
                else
                {
                    var logA = Math.Log(a);
                    var logB = _random.LogGamma(shape);
                    var logSum = Math.Max(logA, logB) + Math.Log(1 + Math.Exp(-Math.Abs(logA - logB)));
                    v = Math.Exp(logA - logSum);
                    logStay = logB - logSum;
                }

                _weights[k] = Math.Exp(logRemaining) * v;
                logRemaining += logStay;
            }

            _weights[_classes - 1] = Math.Exp(logRemaining);
            _logRemainder = logRemaining;
        }

        // N − n ~ NegBin(n, 1 − p₀) under the 1/N prior, then the unobserved people's classes.
        private void ImputeUnobserved()
        {
            var missed = 0.0;
            for (var k = 0; k < _classes; k++)
            {
                var pr = _weights[k];
                for (var j = 0; j < _lists; j++)
                {
                    pr *= _factor[((k * _lists) + j) * 2];
                }

                _probabilities[k] = pr;
                missed += pr;
            }

            missed = Math.Min(missed, 1 - 1e-12);
            _unobserved = _random.Poisson(_random.Gamma(_observed) * missed / (1 - missed));
            _random.Multinomial(_unobserved, _probabilities, _unobservedByClass);
        }
    }
}
