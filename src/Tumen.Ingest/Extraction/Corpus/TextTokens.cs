namespace Tumen.Ingest.Extraction.Corpus;

/// <summary>
/// The one tokenisation behind shingles and word pairs: Latin words (letters, digits, apostrophes;
/// lower-cased, ’ read as ') hashed with FNV-1a, and each Hangul or Han character as a token of its own.
/// </summary>
internal static class TextTokens
{
    public static List<(ulong Hash, bool Cjk)> Of(string text)
    {
        var tokens = new List<(ulong, bool)>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (TextScan.IsCjk(c))
            {
                tokens.Add((c, true));
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            ulong h = 14695981039346656037UL;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’') && !TextScan.IsCjk(text[i]))
            {
                var ch = text[i] == '’' ? '\'' : char.ToLowerInvariant(text[i]);
                h = (h ^ ch) * 1099511628211UL;
                i++;
            }

            tokens.Add((h, false));
        }

        return tokens;
    }

    /// <summary>Items indexed by each of their keys: the postings of an inverted index.</summary>
    public static Dictionary<TKey, List<int>> Index<TKey>(int count, Func<int, IEnumerable<TKey>> keysOf)
        where TKey : notnull
    {
        var postings = new Dictionary<TKey, List<int>>();
        for (var i = 0; i < count; i++)
        {
            foreach (var key in keysOf(i))
            {
                if (!postings.TryGetValue(key, out var list))
                {
                    postings[key] = list = [];
                }

                list.Add(i);
            }
        }

        return postings;
    }
}
