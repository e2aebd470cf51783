using System.Globalization;
using Tumen.Ingest.Documents;

namespace Tumen.Ingest.Extraction.Corpus;

/// <summary>
/// Finds the same testimony quoted in several documents. Within a language, quotations match when
/// most word pairs of the shorter one recur in the other (containment, so a quote cut short still
/// matches its full form); across languages, when they share at least two anchors — numbers, places,
/// organisations — that a translation keeps. Candidates come from an inverted index, not all pairs.
/// </summary>
internal static class TestimonyMatcher
{
    private const double MinContainment = 0.35;
    private const int MinShared = 3;
    private const int MaxPosting = 64;

    public static List<Testimony> Match(IReadOnlyList<DocumentFindings> documents)
    {
        var items = new List<(int Doc, Quotation Quote, HashSet<ulong> Pairs, HashSet<string> Anchors, string Language)>();
        for (var d = 0; d < documents.Count; d++)
        {
            var f = documents[d];
            foreach (var q in f.Quotes)
            {
                var anchors = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in TextScan.Within(f.Places, p => p.Span, q.Span))
                {
                    anchors.Add("place:" + p.PlaceId);
                }

                foreach (var o in TextScan.Within(f.Organisations, o => o.Span, q.Span))
                {
                    anchors.Add("org:" + o.Name);
                }

                foreach (var v in TextScan.Within(f.Violations, v => v.Span, q.Span))
                {
                    anchors.Add("violation:" + v.Type);
                }

                foreach (var c in TextScan.Within(f.Claims, c => c.Span, q.Span))
                {
                    anchors.Add("n:" + (c.Value ?? c.Low ?? 0).ToString(CultureInfo.InvariantCulture));
                }

                items.Add((d, q, WordPairs(q.Text), anchors, LanguageDetector.Detect(q.Text)));
            }
        }

        var sets = new UnionFind(items.Count);
        var postings = TextTokens.Index(items.Count, i => items[i].Pairs);

        for (var i = 0; i < items.Count; i++)
        {
            foreach (var (j, count) in SharedKeys(i, items[i].Pairs, postings, _ => true))
            {
                var smaller = Math.Min(items[i].Pairs.Count, items[j].Pairs.Count);
                if (count >= Math.Min(MinShared, smaller) && count >= MinContainment * smaller)
                {
                    sets.Union(i, j);
                }
            }
        }

        LinkAcrossLanguages(items.Select(x => (x.Anchors, x.Language)).ToList(), sets);

        var byRoot = new Dictionary<int, List<int>>();
        for (var i = 0; i < items.Count; i++)
        {
            var r = sets.Find(i);
            if (!byRoot.TryGetValue(r, out var list))
            {
                byRoot[r] = list = [];
            }

            list.Add(i);
        }

        var testimonies = new List<Testimony>();
        foreach (var members in byRoot.Values.OrderBy(m => m[0]))
        {
            var occurrences = members
                .Select(m => new QuoteOccurrence(documents[items[m].Doc].Document.Id, items[m].Quote.Span, items[m].Quote.Text, items[m].Quote.Speaker))
                .ToList();
            var fullest = occurrences.MaxBy(o => o.Text.Length)!;
            var speaker = occurrences.Select(o => o.Speaker).FirstOrDefault(s => s is not null && !IsPronoun(s))
                ?? occurrences.Select(o => o.Speaker).FirstOrDefault(s => s is not null);
            testimonies.Add(new Testimony("q" + (testimonies.Count + 1).ToString(CultureInfo.InvariantCulture), fullest.Text, speaker, occurrences));
        }

        return testimonies;
    }

    private static void LinkAcrossLanguages(List<(HashSet<string> Anchors, string Language)> items, UnionFind sets)
    {
        var postings = TextTokens.Index(items.Count, i => items[i].Anchors);

        for (var i = 0; i < items.Count; i++)
        {
            var language = items[i].Language;
            foreach (var (j, count) in SharedKeys(i, items[i].Anchors, postings, j => items[j].Language != language))
            {
                // Three shared anchors, one of them a place, organisation or number: a translation keeps those.
                if (count >= 3 && items[i].Anchors.Intersect(items[j].Anchors, StringComparer.Ordinal).Any(a => !a.StartsWith("violation:", StringComparison.Ordinal)))
                {
                    sets.Union(i, j);
                }
            }
        }
    }

    /// <summary>For item <paramref name="i"/>, how many keys it shares with each later item that <paramref name="accept"/> admits, skipping keys too common to tell items apart.</summary>
    private static Dictionary<int, int> SharedKeys<TKey>(int i, IEnumerable<TKey> keys, Dictionary<TKey, List<int>> postings, Func<int, bool> accept)
        where TKey : notnull
    {
        var shared = new Dictionary<int, int>();
        foreach (var key in keys)
        {
            var list = postings[key];
            if (list.Count > MaxPosting)
            {
                continue;
            }

            foreach (var j in list)
            {
                if (j > i && accept(j))
                {
                    shared[j] = shared.GetValueOrDefault(j) + 1;
                }
            }
        }

        return shared;
    }

    private static bool IsPronoun(string s) => s.ToLowerInvariant() is "she" or "he" or "they" or "그는" or "그녀는" or "她" or "他";

    /// <summary>Hashes of adjacent word pairs (Latin) and character pairs (Hangul, Han), case- and apostrophe-insensitive.</summary>
    internal static HashSet<ulong> WordPairs(string text)
    {
        var tokens = TextTokens.Of(text);
        var pairs = new HashSet<ulong>();
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            pairs.Add((tokens[k].Hash * 31) ^ (tokens[k + 1].Hash * 1099511628211UL) ^ 0x9E3779B97F4A7C15UL);
        }

        return pairs;
    }
}
