namespace Tumen.Ingest.Extraction;

/// <summary>
/// Finds known phrases (place names, organisation names) in text, longest first, without overlaps.
/// Latin phrases must stand as whole words; Hangul and Han phrases may be followed by particles
/// (연변에서, 延边的), except where a listed suffix shows a different word (조선족 is a people, not 조선).
/// Short or all-capital phrases ("UN", "GRC") match case-sensitively, longer ones in any case.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<char, List<(string Phrase, T Value, bool IgnoreCase)>> _byFirst = [];
    private readonly string[] _blockedSuffixes;

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
            foreach (var first in ignoreCase ? new[] { char.ToUpperInvariant(p[0]), char.ToLowerInvariant(p[0]) }.Distinct() : [p[0]])
            {
                if (!_byFirst.TryGetValue(first, out var list))
                {
                    _byFirst[first] = list = [];
                }

                list.Add((p, value, ignoreCase));
            }
        }

        foreach (var list in _byFirst.Values)
        {
            list.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
        }

        _blockedSuffixes = blockedSuffixes?.ToArray() ?? [];
    }

    /// <summary>All non-overlapping matches, left to right.</summary>
    public IEnumerable<(TextSpan Span, string Text, T Value)> Matches(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var startsWord = i == 0 || !IsWordChar(text[i - 1]) || !IsLatin(c);
            if (startsWord && _byFirst.TryGetValue(c, out var candidates) && TryMatch(text, i, candidates, out var match))
            {
                yield return (new TextSpan(i, i + match.Phrase.Length), text.Substring(i, match.Phrase.Length), match.Value);
                i += match.Phrase.Length;
                continue;
            }

            i++;
        }
    }

    private bool TryMatch(string text, int i, List<(string Phrase, T Value, bool IgnoreCase)> candidates, out (string Phrase, T Value, bool IgnoreCase) found)
    {
        foreach (var candidate in candidates)
        {
            var p = candidate.Phrase;
            if (i + p.Length > text.Length
                || string.Compare(text, i, p, 0, p.Length, candidate.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) != 0)
            {
                continue;
            }

            var end = i + p.Length;
            if (IsLatin(p[^1]) && end < text.Length && IsWordChar(text[end]) && IsLatin(text[end]))
            {
                continue;
            }

            if (!IsLatin(p[^1]) && BlockedAt(text, end))
            {
                continue;
            }

            found = candidate;
            return true;
        }

        found = default;
        return false;
    }

    private bool BlockedAt(string text, int end)
    {
        foreach (var suffix in _blockedSuffixes)
        {
            if (string.CompareOrdinal(text, end, suffix, 0, suffix.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static bool IsLatin(char c) => c < 0x0250;
}
