using System.Collections.Concurrent;
using Tumen.Linkage.Comparisons;

namespace Tumen.Linkage.Engine;

/// <summary>Candidate pairs with their comparison pattern, stored in chunks so millions of pairs stay cheap.</summary>
internal sealed class PairChunk(int capacity, int rule)
{
    public int Rule { get; } = rule;

    public long[] Pairs { get; } = new long[capacity];

    public int[] Patterns { get; } = new int[capacity];

    public int Count { get; set; }

    public static long Pack(int i, int j) => ((long)i << 32) | (uint)j;

    public static (int I, int J) Unpack(long pair) => ((int)(pair >> 32), (int)(pair & 0xFFFFFFFF));
}

/// <summary>
/// Union of blocking rules: a pair is a candidate when the records share the key of at least one rule.
/// Each pair is produced once, by the first rule whose key it shares; blocks larger than the cap are
/// skipped and counted, and do not suppress the pair in later rules.
/// </summary>
internal sealed class Blocker(IReadOnlyList<IReadOnlyList<string>> rules, int maxBlockSize)
{
    private const long NoKey = long.MinValue;

    /// <summary>Keys per record per rule: the main reading and up to three alternatives (other readings, other family names).</summary>
    internal const int Slots = 8;
    private const int ChunkSize = 1 << 16;

    public long SkippedBlocks { get; private set; }

    public long SkippedPairs { get; private set; }

    public long[][] ComputeKeys(RecordTable table, IReadOnlyList<Comparison> comparisons) => ComputeKeys(table, comparisons, rules);

    public long[][] ComputeKeys(RecordTable table, IReadOnlyList<Comparison> comparisons, IReadOnlyList<IReadOnlyList<string>> ruleSet)
    {
        var keys = new long[ruleSet.Count][];
        for (var r = 0; r < ruleSet.Count; r++)
        {
            var parts = ruleSet[r].Select(entry =>
            {
                var split = entry.Split(':', 2);
                var comparison = comparisons.FirstOrDefault(c => string.Equals(c.Column, split[0], StringComparison.Ordinal));
                var raw = comparison is null ? table.Column(split[0]) : null;
                return (Comparison: comparison, Part: split.Length > 1 ? split[1] : null, Raw: raw);
            }).ToArray();
            var ruleKeys = new long[table.Count * Slots];
            Parallel.For(0, table.Count, i =>
            {
                for (var slot = 0; slot < Slots; slot++)
                {
                    ruleKeys[(i * Slots) + slot] = NoKey;
                }

                for (var slot = 0; slot < Slots; slot++)
                {
                    var hash = 14695981039346656037UL;
                    var usedAlternative = false;
                    var missing = false;
                    foreach (var (comparison, part, raw) in parts)
                    {
                        string? key;
                        if (comparison is null)
                        {
                            key = Comparison.Normalise(raw![i]);
                        }
                        else
                        {
                            var alternative = slot == 0 ? null : comparison.AlternativeBlockingKey(i, part, slot);
                            usedAlternative |= alternative is not null;
                            key = alternative ?? comparison.BlockingKey(i, part);
                        }

                        if (key is null)
                        {
                            missing = true;
                            break;
                        }

                        foreach (var c in key)
                        {
                            hash = (hash ^ c) * 1099511628211UL;
                        }

                        hash = (hash ^ 0x1F) * 1099511628211UL;
                    }

                    if (missing || (slot > 0 && !usedAlternative))
                    {
                        continue;
                    }

                    var value = (long)(hash & 0x7FFFFFFFFFFFFFFF);
                    var duplicate = false;
                    for (var earlier = 0; earlier < slot; earlier++)
                    {
                        duplicate |= ruleKeys[(i * Slots) + earlier] == value;
                    }

                    if (!duplicate)
                    {
                        ruleKeys[(i * Slots) + slot] = value;
                    }
                }
            });
            keys[r] = ruleKeys;
        }

        return keys;
    }

    /// <summary>Generates the candidate pairs of every rule and scores their comparison patterns, in parallel.</summary>
    public List<PairChunk> Generate(
        long[][] keys,
        IReadOnlyList<int> sources,
        bool linkOnly,
        Func<int, int, int> pattern,
        int parallelism,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        var chunks = new ConcurrentBag<PairChunk>();
        for (var r = 0; r < keys.Length; r++)
        {
            var ruleKeys = keys[r];
            var rule = r;
            var entries = Enumerable.Range(0, ruleKeys.Length).Where(e => ruleKeys[e] != NoKey).ToArray();
            var sorted = entries.Select(e => ruleKeys[e]).ToArray();
            Array.Sort(sorted, entries);
            var order = entries.Select(e => e / Slots).ToArray();
            var groups = new List<(int Start, int Length)>();
            var oversized = new List<(int Start, int Length)>();
            for (var start = 0; start < sorted.Length;)
            {
                var end = start + 1;
                while (end < sorted.Length && sorted[end] == sorted[start])
                {
                    end++;
                }

                var length = end - start;
                if (length > maxBlockSize)
                {
                    oversized.Add((start, length));
                    SkippedBlocks++;
                    SkippedPairs += (long)length * (length - 1) / 2;
                }
                else if (length > 1)
                {
                    groups.Add((start, length));
                }

                start = end;
            }

            var earlier = keys.Take(r).ToArray();
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
            Parallel.ForEach(
                // A rule that forms no block yields an empty range (Partitioner refuses 0..0).
                System.Collections.Concurrent.Partitioner.Create(0, Math.Max(groups.Count, 1), Math.Max(1, groups.Count / (parallelism * 16))),
                options,
                () => new PairChunk(ChunkSize, rule),
                (range, _, chunk) =>
                {
                    for (var g = range.Item1; g < Math.Min(range.Item2, groups.Count); g++)
                    {
                        var (start, length) = groups[g];
                        for (var x = start; x < start + length; x++)
                        {
                            for (var y = x + 1; y < start + length; y++)
                            {
                                var a = order[x];
                                var b = order[y];
                                if (a == b || (linkOnly && sources[a] == sources[b]) || SharedEarlier(earlier, a, b) || SharedSmaller(ruleKeys, a, b, sorted[x]))
                                {
                                    continue;
                                }

                                if (chunk.Count == ChunkSize)
                                {
                                    chunks.Add(chunk);
                                    chunk = new PairChunk(ChunkSize, rule);
                                }

                                var (i, j) = a < b ? (a, b) : (b, a);
                                chunk.Pairs[chunk.Count] = PairChunk.Pack(i, j);
                                chunk.Patterns[chunk.Count] = pattern(i, j);
                                chunk.Count++;
                            }
                        }
                    }

                    return chunk;
                },
                chunk =>
                {
                    if (chunk.Count > 0)
                    {
                        chunks.Add(chunk);
                    }
                });

            // Records of oversized blocks were not paired by this rule, so later rules must not defer to it.
            foreach (var (start, length) in oversized)
            {
                for (var x = start; x < start + length; x++)
                {
                    ruleKeys[entries[x]] = NoKey;
                }
            }

            progress?.Report((r + 1.0) / keys.Length);
        }

        return [.. chunks];
    }

    /// <summary>
    /// Pattern counts of a random sample of at most about <paramref name="maxPairs"/> pairs that share
    /// <paramref name="ruleKeys"/>: the training pairs for comparisons that every prediction rule blocks on.
    /// </summary>
    public static Dictionary<int, long> SamplePatterns(long[] ruleKeys, IReadOnlyList<int> sources, bool linkOnly, Func<int, int, int> pattern, long maxPairs, int seed)
    {
        var order = Enumerable.Range(0, ruleKeys.Length / Slots).Where(i => ruleKeys[i * Slots] != NoKey).ToArray();
        var sorted = order.Select(i => ruleKeys[i * Slots]).ToArray();
        Array.Sort(sorted, order);
        var groups = new List<(int Start, int Length)>();
        long total = 0;
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] == sorted[start])
            {
                end++;
            }

            var length = end - start;
            if (length > 1 && length <= 5_000)
            {
                groups.Add((start, length));
                total += (long)length * (length - 1) / 2;
            }

            start = end;
        }

        var fraction = total <= maxPairs ? 1.0 : (double)maxPairs / total;
        var random = new Random(seed);
        var counts = new Dictionary<int, long>();
        foreach (var (start, length) in groups)
        {
            if (fraction >= 1)
            {
                for (var x = start; x < start + length; x++)
                {
                    for (var y = x + 1; y < start + length; y++)
                    {
                        Count(x, y);
                    }
                }

                continue;
            }

            // Draw the block's share of pairs at random (with replacement) instead of visiting every pair.
            var expected = (long)length * (length - 1) / 2 * fraction;
            var draws = (long)expected + (random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
            for (var d = 0L; d < draws; d++)
            {
                var x = random.Next(length);
                var y = random.Next(length - 1);
                Count(start + x, start + (y >= x ? y + 1 : y));
            }
        }

        void Count(int x, int y)
        {
            if (linkOnly && sources[order[x]] == sources[order[y]])
            {
                return;
            }

            var (i, j) = order[x] < order[y] ? (order[x], order[y]) : (order[y], order[x]);
            var p = pattern(i, j);
            counts[p] = counts.GetValueOrDefault(p) + 1;
        }

        return counts;
    }

    private static bool SharedEarlier(long[][] earlier, int a, int b)
    {
        foreach (var k in earlier)
        {
            if (Shares(k, a, b, long.MaxValue))
            {
                return true;
            }
        }

        return false;
    }

    // A pair sharing several keys of one rule is produced once, by the smallest shared key.
    private static bool SharedSmaller(long[] keys, int a, int b, long key) => Shares(keys, a, b, key);

    private static bool Shares(long[] keys, int a, int b, long below)
    {
        for (var x = 0; x < Slots; x++)
        {
            var ka = keys[(a * Slots) + x];
            if (ka == NoKey || ka >= below)
            {
                continue;
            }

            for (var y = 0; y < Slots; y++)
            {
                if (keys[(b * Slots) + y] == ka)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
