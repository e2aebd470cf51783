using Tumen.Ingest.Extraction.Corpus;

namespace Tumen.Bench.Extraction;

/// <summary>
/// The quadratic baseline: MinHash signatures for every document and a similarity for every pair,
/// which is what echo detection would cost without locality-sensitive hashing.
/// </summary>
internal static class AllPairsBaseline
{
    public static int Count(List<string> texts)
    {
        var signatures = texts.Select(MinHasher.Signature).ToList();
        var pairs = 0;
        for (var i = 0; i < signatures.Count; i++)
        {
            for (var j = i + 1; j < signatures.Count; j++)
            {
                if (MinHasher.Similarity(signatures[i], signatures[j]) >= 0.3)
                {
                    pairs++;
                }
            }
        }

        return pairs;
    }
}
