namespace Tumen.Ingest.Extraction;

/// <summary>
/// Finds known phrases (place names, organisation names) in text, longest first, without overlaps.
/// Latin phrases must stand as whole words; Hangul and Han phrases may be followed by particles
/// (연변에서, 延边的), except where a listed suffix shows a different word (조선족 is a people, not 조선).
/// Short or all-capital phrases ("UN", "GRC") match case-sensitively, longer ones in any case.
/// Candidates are looked up by their first two characters, behind a 64K-bit filter of the pairs that
/// begin some phrase, so most positions cost one table read and a scan little more than a pass.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<int, List<(string Phrase, T Value)>> _exact = [];
    private readonly Dictionary<int, List<(string Phrase, T Value)>> _folded = [];
    private readonly string[] _blockedSuffixes;

    /// <summary>Characters that can begin a match: a phrase's first character, or any character folding to a folded phrase's.</summary>
    private readonly bool[] _first = new bool[char.MaxValue + 1];

    /// <summary>Hashes of the first two characters (case-folded for folded phrases) that begin some phrase.</summary>
    private readonly bool[] _pairs = new bool[1 << 16];

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases, IEnumerable<string>? blockedSuffixes = null)
    {
        foreach (var (phrase, value) in phrases)
        {
            var p = phrase.Trim();
            if (p.Length < 2)
            {
                continue;
            }

            var ignoreCase = p.Length > 4 && p.Any(char.IsLower);
            var table = ignoreCase ? _folded : _exact;
            var key = ignoreCase ? Key(Fold(p[0]), Fold(p[1])) : Key(p[0], p[1]);
            if (!table.TryGetValue(key, out var list))
            {
                table[key] = list = [];
            }

            list.Add((p, value));
            _pairs[ignoreCase ? PairHash(Fold(p[0]), Fold(p[1])) : PairHash(p[0], p[1])] = true;
        }

        foreach (var key in _exact.Keys)
        {
            _first[key >>> 16] = true;
        }

        var foldedFirst = _folded.Keys.Select(k => (char)(k >>> 16)).ToHashSet();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            _first[c] |= foldedFirst.Contains(Fold((char)c));
        }

        foreach (var list in _exact.Values.Concat(_folded.Values))
        {
            list.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
        }

        _blockedSuffixes = blockedSuffixes?.ToArray() ?? [];
    }

    /// <summary>All non-overlapping matches, left to right.</summary>
    public List<(TextSpan Span, string Text, T Value)> Matches(string text)
    {
        var found = new List<(TextSpan, string, T)>();
        var i = 0;
        while (i < text.Length - 1)
        {
            var c = text[i];
            if (!_first[c])
            {
                i++;
                continue;
            }

            var startsWord = i == 0 || !IsLatin(c) || !char.IsLetterOrDigit(text[i - 1]);
            if (startsWord && TryMatch(text, i, out var length, out var value))
            {
                found.Add((new TextSpan(i, i + length), text.Substring(i, length), value));
                i += length;
                continue;
            }

            i++;
        }

        return found;
    }

    private bool TryMatch(string text, int i, out int length, out T value)
    {
        length = 0;
        value = default!;
        char a = text[i], b = text[i + 1];
        if (_pairs[PairHash(a, b)] && _exact.TryGetValue(Key(a, b), out var exact))
        {
            Longest(exact, text, i, StringComparison.Ordinal, ref length, ref value);
        }

        char fa = Fold(a), fb = Fold(b);
        if (_pairs[PairHash(fa, fb)] && _folded.TryGetValue(Key(fa, fb), out var folded))
        {
            Longest(folded, text, i, StringComparison.OrdinalIgnoreCase, ref length, ref value);
        }

        return length > 0;
    }

    /// <summary>The first (longest) phrase of <paramref name="list"/> at <paramref name="i"/>, when longer than <paramref name="length"/>.</summary>
    private void Longest(List<(string Phrase, T Value)> list, string text, int i, StringComparison comparison, ref int length, ref T value)
    {
        foreach (var (phrase, v) in list)
        {
            if (phrase.Length > length && Fits(text, i, phrase, comparison))
            {
                length = phrase.Length;
                value = v;
                return;
            }
        }
    }

    private bool Fits(string text, int i, string phrase, StringComparison comparison)
    {
        if (i + phrase.Length > text.Length || string.Compare(text, i, phrase, 0, phrase.Length, comparison) != 0)
        {
            return false;
        }

        var end = i + phrase.Length;
        if (IsLatin(phrase[^1]))
        {
            return end >= text.Length || !char.IsLetterOrDigit(text[end]) || !IsLatin(text[end]);
        }

        foreach (var suffix in _blockedSuffixes)
        {
            if (string.CompareOrdinal(text, end, suffix, 0, suffix.Length) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int Key(char a, char b) => (a << 16) | b;

    private static int PairHash(char a, char b) => ((a * 31) + b) & 0xFFFF;

    private static char Fold(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    private static bool IsLatin(char c) => c < 0x0250;
}
