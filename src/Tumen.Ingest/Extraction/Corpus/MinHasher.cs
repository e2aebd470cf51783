namespace Tumen.Ingest.Extraction.Corpus;

/// <summary>
/// MinHash signatures over word 5-shingles (character 4-grams for Korean and Chinese), and
/// locality-sensitive hashing by bands, so near-duplicate candidates come from shared buckets rather
/// than from comparing every pair: the cost grows with the number of documents, not its square.
/// </summary>
internal sealed class MinHasher
{
    public const int Hashes = 64;
    public const int Bands = 16;
    private const int Rows = Hashes / Bands;
    private static readonly ulong[] Seeds = MakeSeeds();

    /// <summary>The signature of a text; empty text gives a signature that matches nothing.</summary>
    public static ulong[] Signature(string text)
    {
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in Shingles(text))
        {
            for (var i = 0; i < Hashes; i++)
            {
                var h = Mix(shingle ^ Seeds[i]);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        return signature;
    }

    /// <summary>The estimated Jaccard similarity of the shingle sets behind two signatures.</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var i = 0; i < Hashes; i++)
        {
            if (a[i] == b[i] && a[i] != ulong.MaxValue)
            {
                same++;
            }
        }

        return (double)same / Hashes;
    }

    /// <summary>Pairs of indexes that share at least one band bucket.</summary>
    public static HashSet<(int, int)> CandidatePairs(IReadOnlyList<ulong[]> signatures, int maxBucket = 200)
    {
        var pairs = new HashSet<(int, int)>();
        for (var band = 0; band < Bands; band++)
        {
            var buckets = new Dictionary<ulong, List<int>>();
            for (var d = 0; d < signatures.Count; d++)
            {
                var s = signatures[d];
                if (s[0] == ulong.MaxValue)
                {
                    continue;
                }

                ulong key = 14695981039346656037UL;
                for (var r = 0; r < Rows; r++)
                {
                    key = Mix(key ^ s[(band * Rows) + r]);
                }

                if (!buckets.TryGetValue(key, out var list))
                {
                    buckets[key] = list = [];
                }

                list.Add(d);
            }

            foreach (var list in buckets.Values)
            {
                if (list.Count < 2 || list.Count > maxBucket)
                {
                    continue;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    for (var j = i + 1; j < list.Count; j++)
                    {
                        pairs.Add((list[i], list[j]));
                    }
                }
            }
        }

        return pairs;
    }

    private static IEnumerable<ulong> Shingles(string text)
    {
        var tokens = TextTokens.Of(text);
        var words = tokens.Where(t => !t.Cjk).Select(t => t.Hash).ToList();
        var cjk = tokens.Where(t => t.Cjk).Select(t => t.Hash).ToList();
        for (var w = 0; w + 5 <= words.Count; w++)
        {
            yield return Mix(words[w] ^ Mix(words[w + 1] ^ Mix(words[w + 2] ^ Mix(words[w + 3] ^ Mix(words[w + 4])))));
        }

        for (var k = 0; k + 4 <= cjk.Count; k++)
        {
            yield return Mix(cjk[k] | (cjk[k + 1] << 16) | (cjk[k + 2] << 32) | (cjk[k + 3] << 48));
        }
    }

    /// <summary>SplitMix64 finaliser: a fast, well-spread 64-bit mix.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Hashes];
        ulong s = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < Hashes; i++)
        {
            s += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(s);
        }

        return seeds;
    }
}
