namespace Tumen.Ingest.Extraction.Corpus;

/// <summary>Disjoint sets with path halving, for clustering linked items.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    public void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra != rb)
        {
            _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    /// <summary>Members of each set with more than one member, each list in index order.</summary>
    public List<List<int>> Groups()
    {
        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < _parent.Length; i++)
        {
            var r = Find(i);
            if (!groups.TryGetValue(r, out var list))
            {
                groups[r] = list = [];
            }

            list.Add(i);
        }

        return [.. groups.Values.Where(g => g.Count > 1).OrderBy(g => g[0])];
    }
}
