using Tumen.Linkage.Comparisons;

namespace Tumen.Linkage.Engine;

/// <summary>A scored candidate pair (record indices into the <see cref="RecordTable"/>).</summary>
public readonly record struct ScoredPair(int Left, int Right, double Probability);

/// <summary>What one comparison contributed to a pair's match weight.</summary>
public sealed record Contribution(string Column, string Kind, string Level, double Weight, double TermFrequencyAdjustment);

/// <summary>Why a pair scored what it scored: the prior, each comparison's contribution, the total and the probability.</summary>
public sealed record PairExplanation(string LeftId, string RightId, double PriorWeight, IReadOnlyList<Contribution> Contributions, double TotalWeight, double Probability);

/// <summary>Counts and timings of a run.</summary>
public sealed record LinkStatistics(
    int Records,
    long Comparisons,
    long PairsAboveThreshold,
    int Clusters,
    double Seconds,
    long SkippedBlocks,
    long SkippedPairs,
    int EmIterations,
    double MatchShare);

/// <summary>The outcome of linking: clusters, scored pairs, the estimated model and a way to explain any pair.</summary>
public sealed class LinkResult
{
    private readonly IReadOnlyList<Comparison> _comparisons;
    private readonly FellegiSunter _model;

    internal LinkResult(RecordTable records, LinkSettings settings, int[] clusterOf, IReadOnlyList<ScoredPair> pairs, IReadOnlyList<Comparison> comparisons, FellegiSunter model, LinkStatistics statistics)
    {
        Records = records;
        Settings = settings;
        ClusterOf = clusterOf;
        Pairs = pairs;
        _comparisons = comparisons;
        _model = model;
        Statistics = statistics;
        Parameters = model.Parameters();
    }

    /// <summary>The linked records.</summary>
    public RecordTable Records { get; }

    /// <summary>The settings used.</summary>
    public LinkSettings Settings { get; }

    /// <summary>Cluster index of each record (0-based, dense).</summary>
    public IReadOnlyList<int> ClusterOf { get; }

    /// <summary>Scored pairs at or above the review threshold, best first.</summary>
    public IReadOnlyList<ScoredPair> Pairs { get; }

    /// <summary>Pairs between the review threshold and the match threshold: the uncertain ones a person should decide.</summary>
    public IEnumerable<ScoredPair> ReviewPairs => Pairs.Where(p => p.Probability < Settings.Threshold);

    /// <summary>Estimated m and u per comparison level.</summary>
    public IReadOnlyList<ComparisonParameters> Parameters { get; }

    /// <summary>Estimated share of candidate pairs that are matches (λ).</summary>
    public double MatchShare => _model.Lambda;

    /// <summary>Counts and timing.</summary>
    public LinkStatistics Statistics { get; }

    /// <summary>The cluster id of a record: the id of the first record of its cluster, in input order.</summary>
    public IReadOnlyList<string> ClusterIds()
    {
        var first = new Dictionary<int, string>();
        var ids = new string[Records.Count];
        for (var i = 0; i < Records.Count; i++)
        {
            if (!first.TryGetValue(ClusterOf[i], out var id))
            {
                first[ClusterOf[i]] = id = Records.Ids[i];
            }

            ids[i] = id;
        }

        return ids;
    }

    /// <summary>Explains the score of any two records (whether or not they were a candidate pair).</summary>
    public PairExplanation Explain(int left, int right)
    {
        var prior = Math.Log(_model.Lambda / (1 - _model.Lambda));
        var contributions = new List<Contribution>();
        var total = prior;
        for (var k = 0; k < _comparisons.Count; k++)
        {
            var c = _comparisons[k];
            var level = c.Compare(left, right);
            if (level < 0)
            {
                contributions.Add(new Contribution(c.Column, c.Kind, "missing", 0, 0));
                continue;
            }

            var weight = Math.Log(_model.M[k][level] / _model.U[k][level]);
            var tf = _model.TermFrequencyAdjustment(k, level, left, right);
            total += weight + tf;
            contributions.Add(new Contribution(c.Column, c.Kind, c.Levels[level], weight, tf));
        }

        return new PairExplanation(Records.Ids[left], Records.Ids[right], prior, contributions, total, 1 / (1 + Math.Exp(-total)));
    }

    /// <summary>Explains a pair given by record ids.</summary>
    public PairExplanation Explain(string leftId, string rightId)
    {
        var left = IndexOf(leftId);
        var right = IndexOf(rightId);
        return Explain(left, right);
    }

    private int IndexOf(string id)
    {
        for (var i = 0; i < Records.Count; i++)
        {
            if (string.Equals(Records.Ids[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException("No record with that id.");
    }
}

/// <summary>Pairwise precision, recall and F1 of a clustering against the truth.</summary>
public sealed record PairwiseScore(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    /// <summary>Correct predicted pairs / predicted pairs.</summary>
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    /// <summary>Correct predicted pairs / true pairs.</summary>
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores predicted cluster labels against true labels (any comparable labels, one per record).</summary>
    public static PairwiseScore Compute<TPredicted, TTruth>(IReadOnlyList<TPredicted> predicted, IReadOnlyList<TTruth> truth)
        where TPredicted : notnull
        where TTruth : notnull
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var both = new Dictionary<(TPredicted, TTruth), long>();
        var p = new Dictionary<TPredicted, long>();
        var t = new Dictionary<TTruth, long>();
        for (var i = 0; i < predicted.Count; i++)
        {
            both[(predicted[i], truth[i])] = both.GetValueOrDefault((predicted[i], truth[i])) + 1;
            p[predicted[i]] = p.GetValueOrDefault(predicted[i]) + 1;
            t[truth[i]] = t.GetValueOrDefault(truth[i]) + 1;
        }

        return new PairwiseScore(t.Values.Sum(Pairs), p.Values.Sum(Pairs), both.Values.Sum(Pairs));
    }
}
