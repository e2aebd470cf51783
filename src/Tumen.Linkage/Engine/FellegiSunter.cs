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

    public double Lambda { get; private set; } = 1e-4;

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

    /// <summary>
    /// Estimates u from about <paramref name="samples"/> random pairs (Laplace-smoothed), ten times as many
    /// for cheap comparisons, in parallel with fixed seeds.
    /// </summary>
    public void EstimateU(IReadOnlyList<int> sources, bool linkOnly, int samples, int seed)
    {
        var n = sources.Count;
        if (n < 2)
        {
            return;
        }

        const int Partitions = 8;
        const int CheapFactor = 10;
        var cheap = _comparisons.Select(c => c.IsCheap).ToArray();
        var partials = new double[Partitions][][];
        Parallel.For(0, Partitions, part =>
        {
            var counts = _comparisons.Select(c => new double[c.Levels.Count]).ToArray();
            var random = new Random(seed + part);
            var target = samples / Partitions;
            var drawn = 0;
            for (var attempt = 0; drawn < target * CheapFactor && attempt < target * CheapFactor * 4; attempt++)
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
                    if (drawn > target && !cheap[k])
                    {
                        continue;
                    }

                    var level = _comparisons[k].Compare(i, j);
                    if (level >= 0)
                    {
                        counts[k][level]++;
                    }
                }
            }

            partials[part] = counts;
        });

        for (var k = 0; k < _comparisons.Count; k++)
        {
            var total = partials.Sum(p => p[k].Sum());
            for (var l = 0; l < U[k].Length; l++)
            {
                U[k][l] = (partials.Sum(p => p[k][l]) + 0.5) / (total + (0.5 * U[k].Length));
            }
        }
    }

    /// <summary>
    /// One EM training session over the pattern counts of pairs found by one blocking rule: estimates m
    /// of the comparisons not in <paramref name="blocked"/> (agreement on a blocked column is forced by
    /// the rule, so it says nothing), with u fixed from random pairs. Returns m per comparison, null
    /// where not estimated.
    /// </summary>
    public double[]?[] TrainSession(IReadOnlyDictionary<int, long> patternCounts, IReadOnlySet<int> blocked, int maxIterations = 100) =>
        TrainSession(patternCounts, blocked, out _, maxIterations);

    /// <summary>As <see cref="TrainSession(IReadOnlyDictionary{int, long}, IReadOnlySet{int}, int)"/>, also giving the expected number of matches among the session's pairs.</summary>
    public double[]?[] TrainSession(IReadOnlyDictionary<int, long> patternCounts, IReadOnlySet<int> blocked, out double expectedMatches, int maxIterations = 100)
    {
        var result = new double[]?[_comparisons.Count];
        expectedMatches = 0;
        var patterns = patternCounts.Keys.ToArray();
        var counts = patterns.Select(p => (double)patternCounts[p]).ToArray();
        var total = counts.Sum();
        if (total < 30 || blocked.Count == _comparisons.Count)
        {
            return result;
        }

        var levels = patterns.Select(p => Enumerable.Range(0, _comparisons.Count).Select(k => blocked.Contains(k) ? -1 : Level(p, k)).ToArray()).ToArray();
        var m = M.Select(row => row.ToArray()).ToArray();
        var lambda = 0.05;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Iterations++;
            var mNew = _comparisons.Select(c => new double[c.Levels.Count]).ToArray();
            var mSeen = new double[_comparisons.Count];
            var matchMass = 0.0;
            for (var p = 0; p < patterns.Length; p++)
            {
                var w = Posterior(levels[p], lambda, m) * counts[p];
                matchMass += w;
                for (var k = 0; k < _comparisons.Count; k++)
                {
                    var l = levels[p][k];
                    if (l >= 0)
                    {
                        mNew[k][l] += w;
                        mSeen[k] += w;
                    }
                }
            }

            var lambdaNew = Math.Clamp(matchMass / total, 1e-7, 1 - 1e-7);
            var change = Math.Abs(lambdaNew - lambda);
            lambda = lambdaNew;
            for (var k = 0; k < m.Length; k++)
            {
                if (blocked.Contains(k) || mSeen[k] <= 0)
                {
                    continue;
                }

                for (var l = 0; l < m[k].Length; l++)
                {
                    var value = (mNew[k][l] + 1e-3) / (mSeen[k] + (1e-3 * m[k].Length));
                    change = Math.Max(change, Math.Abs(value - m[k][l]));
                    m[k][l] = value;
                }
            }

            if (change < 1e-6)
            {
                break;
            }
        }

        for (var k = 0; k < m.Length; k++)
        {
            if (!blocked.Contains(k))
            {
                result[k] = m[k];
            }
        }

        expectedMatches = lambda * total;
        return result;
    }

    /// <summary>
    /// Sets m to the average of the sessions' estimates weighted by the matches each session found (a rule
    /// that found a hundred matches says less than one that found thousands); comparisons no session
    /// estimated keep their prior.
    /// </summary>
    public void UseSessions(IEnumerable<(double[]?[] M, double Matches)> sessions)
    {
        var all = sessions.ToList();
        for (var k = 0; k < M.Length; k++)
        {
            var estimates = all.Where(s => s.M[k] is not null).Select(s => (M: s.M[k]!, Weight: Math.Max(s.Matches, 1e-9))).ToList();
            if (estimates.Count == 0)
            {
                continue;
            }

            var total = estimates.Sum(e => e.Weight);
            for (var l = 0; l < M[k].Length; l++)
            {
                M[k][l] = estimates.Sum(e => e.M[l] * e.Weight) / total;
            }
        }
    }

    /// <summary>
    /// Sets λ, the probability that two records drawn at random are a match, from the expected number of
    /// matching pairs the blocking rules found and the number of possible pairs.
    /// </summary>
    public void SetLambda(double expectedMatches, double possiblePairs) =>
        Lambda = Math.Clamp(expectedMatches / Math.Max(1, possiblePairs), 1e-12, 0.5);

    /// <summary>
    /// With m and u fixed, the share of matches among candidate pairs (EM on λ alone); the fallback when
    /// the data are too few for training sessions.
    /// </summary>
    public double CandidateMatchShare(IReadOnlyDictionary<int, long> patternCounts)
    {
        var patterns = patternCounts.Keys.ToArray();
        var counts = patterns.Select(p => (double)patternCounts[p]).ToArray();
        var total = counts.Sum();
        if (total <= 0)
        {
            return 0;
        }

        var levels = patterns.Select(p => Enumerable.Range(0, _comparisons.Count).Select(k => Level(p, k)).ToArray()).ToArray();
        var share = 0.1;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var mass = 0.0;
            for (var p = 0; p < patterns.Length; p++)
            {
                mass += Posterior(levels[p], share, M) * counts[p];
            }

            var next = Math.Clamp(mass / total, 1e-6, 1 - 1e-6);
            if (Math.Abs(next - share) < 1e-9)
            {
                break;
            }

            share = next;
        }

        return share;
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
    public double TermFrequencyAdjustment(int k, int record) => TermFrequencyAdjustment(k, 0, record, record);

    /// <summary>
    /// Term-frequency adjustment for a pair at <paramref name="level"/> of comparison <paramref name="k"/>;
    /// 0 for levels the comparison does not adjust. At level 0 (exact agreement) the rarer of the two
    /// records' values decides (a cross-script pair may hold two spellings of one value, and the rarer is
    /// the one the pair shares); at a lossy level such as a name read through pinyin, which merges several
    /// Korean names, the commoner decides. A value's share within the records' birth cohort is used when
    /// known. Clamped to ±3 nats.
    /// </summary>
    public double TermFrequencyAdjustment(int k, int level, int left, int right)
    {
        var comparison = _comparisons[k];
        if (comparison.ValueIds is null || comparison.ValueShare is null || level < 0 || level >= comparison.TermFrequencyLevels)
        {
            return 0;
        }

        var l = Share(comparison, left);
        var r = Share(comparison, right);
        var share = l <= 0 ? r : r <= 0 ? l : level == 0 ? Math.Min(l, r) : Math.Max(l, r);
        return share <= 0 ? 0 : Math.Clamp(Math.Log(U[k][0] / Math.Max(share, 1e-9)), -3, 3);
    }

    private static double Share(Comparison comparison, int record)
    {
        if (comparison.RecordShare is { } cohort && cohort[record] > 0)
        {
            return cohort[record];
        }

        var id = comparison.ValueIds![record];
        return id < 0 ? 0 : comparison.ValueShare![id];
    }

    public IReadOnlyList<ComparisonParameters> Parameters() =>
        _comparisons.Select((c, k) => new ComparisonParameters(
            c.Column, c.Kind, c.Levels.Select((label, l) => new LevelParameters(label, M[k][l], U[k][l])).ToArray())).ToArray();

    private double Posterior(int[] levels, double lambda, double[][] m)
    {
        var logM = Math.Log(lambda);
        var logU = Math.Log(1 - lambda);
        for (var k = 0; k < levels.Length; k++)
        {
            var l = levels[k];
            if (l >= 0)
            {
                logM += Math.Log(m[k][l]);
                logU += Math.Log(U[k][l]);
            }
        }

        return 1 / (1 + Math.Exp(logU - logM));
    }
}
