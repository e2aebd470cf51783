namespace Tumen.Ingest.Extraction;

/// <summary>Sentence and clause boundaries shared by the extractors (three scripts, no dictionaries).</summary>
internal static class TextScan
{
    private const int MaxSentence = 600;

    /// <summary>The sentence around <paramref name="span"/>: from the previous terminator or line break to the next one.</summary>
    public static TextSpan Sentence(string text, TextSpan span)
    {
        // A "sentence" without a terminator in sight is cut at MaxSentence characters either side.
        var start = span.Start;
        while (start > 0 && span.Start - start < MaxSentence && !EndsSentence(text, start - 1))
        {
            start--;
        }

        var end = span.End;
        while (end < text.Length && end - span.End < MaxSentence && !EndsSentence(text, end))
        {
            end++;
        }

        return new TextSpan(start, Math.Min(text.Length, end + 1));
    }

    /// <summary>Whether the character at <paramref name="i"/> closes a sentence.</summary>
    public static bool EndsSentence(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '。' or '！' or '？' or '!' or '?' or ';' or '；')
        {
            return true;
        }

        if (c != '.')
        {
            return false;
        }

        // "U.S." and "Ms." and "3.5" do not end a sentence; ". The" does.
        if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] is not ('"' or '”' or '’'))
        {
            return false;
        }

        var wordStart = i;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, i - wordStart);
        return !(word.Length == 1 && char.IsUpper(word[0])) && !IsAbbreviation(word);
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word) =>
        word is "Mr" or "Ms" or "Mrs" or "Dr" or "St" or "No" or "art" or "Art" or "vs" or "etc" or "Jan" or "Feb" or "Mar" or "Apr"
            or "Jun" or "Jul" or "Aug" or "Sep" or "Sept" or "Oct" or "Nov" or "Dec" or "approx" or "est" or "Gov" or "Prof";

    public static bool IsLatinLetter(char c) => c < 0x0250 && char.IsLetter(c);

    /// <summary>Whether a CJK script (Hangul or Han) is at <paramref name="c"/>.</summary>
    public static bool IsCjk(char c) => Documents.LanguageDetector.IsHangul(c) || Documents.LanguageDetector.IsHan(c);

    /// <summary>Whether any Hangul or Han character is in <paramref name="text"/>; Latin text is skipped by a vectorised search.</summary>
    public static bool ContainsCjk(ReadOnlySpan<char> text)
    {
        while (true)
        {
            // Hangul jamo (U+1100) is the lowest CJK code point counted; below it, nothing needs a look.
            var at = text.IndexOfAnyInRange('\u1100', '\uFFFF');
            if (at < 0)
            {
                return false;
            }

            if (IsCjk(text[at]))
            {
                return true;
            }

            text = text[(at + 1)..];
        }
    }

    /// <summary>Findings (in text order) inside <paramref name="outer"/>, found by binary search so long documents stay cheap.</summary>
    public static IEnumerable<T> Within<T>(IReadOnlyList<T> sorted, Func<T, TextSpan> span, TextSpan outer)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (span(sorted[mid]).Start < outer.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < sorted.Count && span(sorted[i]).Start < outer.End; i++)
        {
            if (span(sorted[i]).End <= outer.End)
            {
                yield return sorted[i];
            }
        }
    }
}
