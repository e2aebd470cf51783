namespace Tumen.Linkage.Engine;

/// <summary>A reviewer's decision on a pair of records, by record id.</summary>
/// <param name="Same">True when the reviewer said the two records are the same person.</param>
public sealed record PairDecision(string LeftId, string RightId, bool Same);

/// <summary>
/// Clusters a link result again with a reviewer's decisions on top: a pair said to be the same person is
/// linked whatever its score, and a pair said to be different people never ends up in one cluster (the
/// cluster that holds them is split at its weakest links until they are apart). The model and the
/// scores stay the machine's; only the clustering bends to the decisions.
/// </summary>
public static class ReviewedClustering
{
    /// <summary>Cluster index of each record (dense, 0-based), honouring <paramref name="decisions"/>; decisions naming unknown ids are ignored.</summary>
    public static int[] Cluster(LinkResult result, IEnumerable<PairDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(decisions);
        var index = new Dictionary<string, int>(result.Records.Count, StringComparer.Ordinal);
        for (var i = 0; i < result.Records.Count; i++)
        {
            index[result.Records.Ids[i]] = i;
        }

        var same = new HashSet<(int, int)>();
        var apart = new HashSet<(int, int)>();
        foreach (var decision in decisions)
        {
            if (index.TryGetValue(decision.LeftId, out var left) && index.TryGetValue(decision.RightId, out var right) && left != right)
            {
                (decision.Same ? same : apart).Add(Ordered(left, right));
            }
        }

        var pairs = result.Pairs
            .Where(p => !apart.Contains(Ordered(p.Left, p.Right)) && !same.Contains(Ordered(p.Left, p.Right)))
            .Concat(same.Select(p => new ScoredPair(p.Item1, p.Item2, 1.0)))
            .ToList();
        return Clusterer.Cluster(result.Records.Count, pairs, result.Settings.Threshold, result.Settings.MinClusterDensity, apart);
    }

    private static (int, int) Ordered(int a, int b) => a < b ? (a, b) : (b, a);
}
