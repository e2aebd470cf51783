namespace Tumen.Linkage.Engine;

/// <summary>
/// Turns pairwise links into clusters: connected components of links at or above the threshold, each
/// checked for chaining. A component whose links are sparse (A–B–C–D–E held together by single weak
/// links) is split at its weakest links until every part is dense enough or a pair; pairs scored below the
/// threshold but at or above 0.2 count towards the density too. A component that
/// holds two records a reviewer said are different people is split the same way until they are apart.
/// </summary>
internal static class Clusterer
{
    public static int[] Cluster(int count, IReadOnlyList<ScoredPair> pairs, double threshold, double minDensity) =>
        Cluster(count, pairs, threshold, minDensity, []);

    public static int[] Cluster(int count, IReadOnlyList<ScoredPair> pairs, double threshold, double minDensity, IReadOnlyCollection<(int Left, int Right)> apart)
    {
        var links = pairs.Where(p => p.Probability >= threshold).ToList();
        var parent = Enumerable.Range(0, count).ToArray();
        foreach (var p in links)
        {
            Union(parent, p.Left, p.Right);
        }

        var byRoot = new Dictionary<int, List<ScoredPair>>();
        foreach (var p in links)
        {
            var root = Find(parent, p.Left);
            if (!byRoot.TryGetValue(root, out var list))
            {
                byRoot[root] = list = [];
            }

            list.Add(p);
        }

        var supportByRoot = new Dictionary<int, List<ScoredPair>>();
        foreach (var p in pairs)
        {
            if (p.Probability < threshold && p.Probability >= SupportFloor)
            {
                var root = Find(parent, p.Left);
                if (root == Find(parent, p.Right))
                {
                    if (!supportByRoot.TryGetValue(root, out var list))
                    {
                        supportByRoot[root] = list = [];
                    }

                    list.Add(p);
                }
            }
        }

        var cluster = new int[count];
        Array.Fill(cluster, -1);
        var next = 0;
        foreach (var (root, edges) in byRoot)
        {
            foreach (var part in Split(edges, supportByRoot.GetValueOrDefault(root) ?? [], minDensity, apart, 0))
            {
                var id = next++;
                foreach (var node in part)
                {
                    cluster[node] = id;
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (cluster[i] < 0)
            {
                cluster[i] = next++;
            }
        }

        return cluster;
    }

    // Pairs below the threshold but at least this likely do not link, yet count towards a cluster's density: a
    // person whose records agree only weakly with one another is not a chain of strangers.
    private const double SupportFloor = 0.2;

    private static IEnumerable<HashSet<int>> Split(List<ScoredPair> edges, List<ScoredPair> support, double minDensity, IReadOnlyCollection<(int Left, int Right)> apart, int depth)
    {
        var nodes = new HashSet<int>();
        foreach (var e in edges)
        {
            nodes.Add(e.Left);
            nodes.Add(e.Right);
        }

        var n = nodes.Count;
        var density = n < 2 ? 1 : (edges.Count + support.Count) / (n * (n - 1) / 2.0);
        var apartHere = apart.Where(p => nodes.Contains(p.Left) && nodes.Contains(p.Right)).ToList();
        if (apartHere.Count > 0)
        {
            foreach (var part in SplitApart(edges, nodes, apartHere))
            {
                var inner = edges.Where(e => part.Contains(e.Left) && part.Contains(e.Right)).ToList();
                foreach (var piece in inner.Count == 0 ? [part] : Split(inner, Within(support, part), minDensity, apart, depth + 1))
                {
                    yield return piece;
                }
            }

            yield break;
        }

        if (n <= 3 || density >= minDensity || depth > 64)
        {
            yield return nodes;
            yield break;
        }

        // Drop the weakest links and look at what stays connected.
        var weakest = edges.Min(e => e.Probability);
        var kept = edges.Where(e => e.Probability > weakest).ToList();
        var parent = new Dictionary<int, int>();
        foreach (var node in nodes)
        {
            parent[node] = node;
        }

        foreach (var e in kept)
        {
            Union(parent, e.Left, e.Right);
        }

        var groups = nodes.GroupBy(node => Find(parent, node));
        foreach (var group in groups)
        {
            var members = group.ToHashSet();
            var inner = kept.Where(e => members.Contains(e.Left)).ToList();
            if (inner.Count == 0)
            {
                yield return members;
                continue;
            }

            foreach (var part in Split(inner, Within(support, members), minDensity, apart, depth + 1))
            {
                yield return part;
            }
        }
    }

    private static List<ScoredPair> Within(List<ScoredPair> support, HashSet<int> members) =>
        support.Count == 0 ? support : support.Where(e => members.Contains(e.Left) && members.Contains(e.Right)).ToList();

    /// <summary>
    /// Joins the component's records strongest link first, skipping any link that would put two records a
    /// reviewer kept apart into one group: the fewest, weakest links are given up.
    /// </summary>
    private static IEnumerable<HashSet<int>> SplitApart(List<ScoredPair> edges, HashSet<int> nodes, List<(int Left, int Right)> apart)
    {
        var parent = nodes.ToDictionary(node => node, node => node);
        var members = nodes.ToDictionary(node => node, node => new HashSet<int> { node });
        foreach (var e in edges.OrderByDescending(e => e.Probability).ThenBy(e => e.Left).ThenBy(e => e.Right))
        {
            var a = Find(parent, e.Left);
            var b = Find(parent, e.Right);
            if (a == b || apart.Any(p => (members[a].Contains(p.Left) && members[b].Contains(p.Right)) || (members[a].Contains(p.Right) && members[b].Contains(p.Left))))
            {
                continue;
            }

            Union(parent, a, b);
            var root = Find(parent, a);
            var other = root == a ? b : a;
            members[root].UnionWith(members[other]);
            members.Remove(other);
        }

        return members.Values;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    private static int Find(Dictionary<int, int> parent, int x)
    {
        while (parent[x] != x)
        {
            x = parent[x] = parent[parent[x]];
        }

        return x;
    }

    private static void Union(Dictionary<int, int> parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
