using Tumen.Linkage.Comparisons;

namespace Tumen.Linkage.Engine;

/// <summary>The estimated m and u probabilities of one comparison level, and the weight they give.</summary>
public sealed record LevelParameters(string Label, double M, double U)
{
    /// <summary>ln(m/u): the evidence an agreement at this level carries (natural log, "nats").</summary>
    public double Weight => Math.Log(M / U);
}

/// <summary>The estimated parameters of one comparison.</summary>
public sealed record ComparisonParameters(string Column, string Kind, IReadOnlyList<LevelParameters> Levels);

/// <summary>
/// Fellegi–Sunter model. u is estimated from random record pairs (what agreement looks like by chance);
/// m and the match share λ by expectation–maximisation over the candidate pairs' comparison patterns,
/// without labels. Patterns are counted first, so EM costs nothing per pair.
/// </summary>
internal sealed class FellegiSunter
{
    private readonly IReadOnlyList<Comparison> _comparisons;
    private readonly int[] _radix;

    public FellegiSunter(IReadOnlyList<Comparison> comparisons)
    {
        _comparisons = comparisons;
        _radix = comparisons.Select(c => c.Levels.Count + 1).ToArray();
        long product = 1;
        foreach (var r in _radix)
        {
            product *= r;
            if (product > int.MaxValue)
            {
                throw new Core.TumenException("Too many comparisons for one model; use at most about ten.", Core.ExitCode.BadInput);
            }
        }

        M = comparisons.Select(c => c.PriorM.ToArray()).ToArray();
        U = comparisons.Select(c => Enumerable.Repeat(1.0 / c.Levels.Count, c.Levels.Count).ToArray()).ToArray();
    }

    public double[][] M { get; }

    public double[][] U { get; }

    public double Lambda { get; private set; } = 0.05;

    public int Iterations { get; private set; }

    /// <summary>Encodes the levels of a pair as one integer (0 = missing for each comparison).</summary>
    public int Pattern(int i, int j)
    {
        var pattern = 0;
        for (var k = _comparisons.Count - 1; k >= 0; k--)
        {
            pattern = (pattern * _radix[k]) + _comparisons[k].Compare(i, j) + 1;
        }

        return pattern;
    }

    /// <summary>The level of comparison <paramref name="k"/> in a pattern, or -1 when missing.</summary>
    public int Level(int pattern, int k)
    {
        for (var x = 0; x < k; x++)
        {
            pattern /= _radix[x];
        }

        return (pattern % _radix[k]) - 1;
    }

    /// <summary>Estimates u from <paramref name="samples"/> random pairs (Laplace-smoothed).</summary>
    public void EstimateU(IReadOnlyList<int> sources, bool linkOnly, int samples, int seed)
    {
        var n = sources.Count;
        var counts = _comparisons.Select(c => new double[c.Levels.Count]).ToArray();
        if (n < 2)
        {
            return;
        }

        var random = new Random(seed);
        var drawn = 0;
        for (var attempt = 0; drawn < samples && attempt < samples * 4; attempt++)
        {
            var i = random.Next(n);
            var j = random.Next(n);
            if (i == j || (linkOnly && sources[i] == sources[j]))
            {
                continue;
            }

            drawn++;
            for (var k = 0; k < _comparisons.Count; k++)
            {
                var level = _comparisons[k].Compare(i, j);
                if (level >= 0)
                {
                    counts[k][level]++;
                }
            }
        }

        for (var k = 0; k < counts.Length; k++)
        {
            var total = counts[k].Sum();
            for (var l = 0; l < counts[k].Length; l++)
            {
                U[k][l] = (counts[k][l] + 0.5) / (total + (0.5 * counts[k].Length));
            }
        }
    }

    /// <summary>EM over pattern counts: updates λ and m, and u when <paramref name="updateU"/> (u starts from the random-pair estimate).</summary>
    public void EstimateM(IReadOnlyDictionary<int, long> patternCounts, bool updateU = true, int maxIterations = 200)
    {
        var patterns = patternCounts.Keys.ToArray();
        var counts = patterns.Select(p => (double)patternCounts[p]).ToArray();
        var total = counts.Sum();
        if (total < 30)
        {
            return;
        }

        var levels = patterns.Select(p => Enumerable.Range(0, _comparisons.Count).Select(k => Level(p, k)).ToArray()).ToArray();
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Iterations = iteration + 1;
            var mNew = _comparisons.Select(c => new double[c.Levels.Count]).ToArray();
            var uNew = _comparisons.Select(c => new double[c.Levels.Count]).ToArray();
            var mSeen = new double[_comparisons.Count];
            var uSeen = new double[_comparisons.Count];
            var matchMass = 0.0;
            for (var p = 0; p < patterns.Length; p++)
            {
                var g = Posterior(levels[p], Lambda);
                var w = g * counts[p];
                var v = (1 - g) * counts[p];
                matchMass += w;
                for (var k = 0; k < _comparisons.Count; k++)
                {
                    var l = levels[p][k];
                    if (l >= 0)
                    {
                        mNew[k][l] += w;
                        mSeen[k] += w;
                        uNew[k][l] += v;
                        uSeen[k] += v;
                    }
                }
            }

            var lambdaNew = Math.Clamp(matchMass / total, 1e-6, 1 - 1e-6);
            var change = Math.Abs(lambdaNew - Lambda);
            Lambda = lambdaNew;
            for (var k = 0; k < M.Length; k++)
            {
                for (var l = 0; l < M[k].Length; l++)
                {
                    var value = (mNew[k][l] + 1e-3) / (mSeen[k] + (1e-3 * M[k].Length));
                    change = Math.Max(change, Math.Abs(value - M[k][l]));
                    M[k][l] = value;
                    if (updateU)
                    {
                        U[k][l] = (uNew[k][l] + 1e-3) / (uSeen[k] + (1e-3 * U[k].Length));
                    }
                }
            }

            if (change < 1e-7)
            {
                break;
            }
        }
    }

    /// <summary>The log-odds weight of a pattern without term-frequency adjustment, prior excluded.</summary>
    public double PatternWeight(int pattern)
    {
        var weight = 0.0;
        for (var k = 0; k < _comparisons.Count; k++)
        {
            var level = pattern % _radix[k] - 1;
            pattern /= _radix[k];
            if (level >= 0)
            {
                weight += Math.Log(M[k][level] / U[k][level]);
            }
        }

        return weight;
    }

    /// <summary>
    /// Term-frequency adjustment for comparison <paramref name="k"/> when the pair agrees exactly:
    /// agreeing on a common value (Kim) is weaker evidence than on a rare one. Clamped to ±3 nats.
    /// </summary>
    public double TermFrequencyAdjustment(int k, int record)
    {
        var comparison = _comparisons[k];
        if (comparison.ValueIds is null || comparison.ValueShare is null)
        {
            return 0;
        }

        var id = comparison.ValueIds[record];
        if (id < 0)
        {
            return 0;
        }

        var share = Math.Max(comparison.ValueShare[id], 1e-9);
        return Math.Clamp(Math.Log(U[k][0] / share), -3, 3);
    }

    public IReadOnlyList<ComparisonParameters> Parameters() =>
        _comparisons.Select((c, k) => new ComparisonParameters(
            c.Column, c.Kind, c.Levels.Select((label, l) => new LevelParameters(label, M[k][l], U[k][l])).ToArray())).ToArray();

    private double Posterior(int[] levels, double lambda)
    {
        var logM = Math.Log(lambda);
        var logU = Math.Log(1 - lambda);
        for (var k = 0; k < levels.Length; k++)
        {
            var l = levels[k];
            if (l >= 0)
            {
                logM += Math.Log(M[k][l]);
                logU += Math.Log(U[k][l]);
            }
        }

        return 1 / (1 + Math.Exp(logU - logM));
    }
}
