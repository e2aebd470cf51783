namespace Tumen.Ingest.Extraction;

/// <summary>
/// Whether a violation word is denied in its own clause ("she was not beaten", "구타는 없었다", "未被遣返").
/// A text that says a violation did not happen is no evidence that it did, so such mentions are left out.
/// The checks look only within the clause: a few words before an English term, the few characters after
/// a Korean one (Korean denies after the verb) and the few before a Chinese one.
/// </summary>
internal static class Negation
{
    private const int EnglishWords = 4;
    private const int KoreanAfter = 8;
    private const int ChineseBefore = 3;

    private static readonly HashSet<string> EnglishNegators = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "without", "nor", "neither", "none", "denied", "denies", "deny", "didn't", "wasn't", "weren't", "isn't", "aren't", "hasn't", "haven't", "hadn't",
        "didn’t", "wasn’t", "weren’t", "isn’t", "aren’t", "hasn’t", "haven’t", "hadn’t",
    };

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create(".,;!?\n。，；！？");

    private static readonly string[] KoreanNegators = ["지 않", "지않", "지 못", "지못", "없었", "없다", "없는", "없이", "없고", "아니"];
    private static readonly string[] ChineseNegators = ["没", "未", "不曾", "不是", "并非", "免于", "免遭"];

    public static bool IsDenied(string text, TextSpan span)
    {
        var first = text[span.Start];
        if (TextScan.IsCjk(first))
        {
            return first is >= '\uAC00' and <= '\uD7A3' ? KoreanDenied(text, span) : ChineseDenied(text, span);
        }

        return EnglishDenied(text, span);
    }

    private static bool EnglishDenied(string text, TextSpan span)
    {
        var i = span.Start - 1;
        string? next = null;
        for (var words = 0; words < EnglishWords && i >= 0; words++)
        {
            while (i >= 0 && text[i] == ' ')
            {
                i--;
            }

            var end = i + 1;
            while (i >= 0 && (char.IsLetter(text[i]) || text[i] is '\'' or '’'))
            {
                i--;
            }

            if (end == i + 1)
            {
                return false; // punctuation ends the clause
            }

            var word = text[(i + 1)..end];
            if (EnglishNegators.Contains(word) && !string.Equals(next, "only", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            next = word;
        }

        return false;
    }

    private static bool KoreanDenied(string text, TextSpan span)
    {
        var end = Math.Min(text.Length, span.End + KoreanAfter);
        var after = text.AsSpan(span.End, end - span.End);
        var stop = after.IndexOfAny(ClauseEnds);
        if (stop >= 0)
        {
            after = after[..stop];
        }

        foreach (var negator in KoreanNegators)
        {
            if (after.Contains(negator, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // "안 맞았다": 안 as a word of its own, not the end of 동안 ("for a year").
        return span.Start >= 2 && text.AsSpan(span.Start - 2, 2).SequenceEqual("안 ")
            && (span.Start == 2 || !TextScan.IsCjk(text[span.Start - 3]));
    }

    private static bool ChineseDenied(string text, TextSpan span)
    {
        var start = Math.Max(0, span.Start - ChineseBefore);
        var before = text.AsSpan(start, span.Start - start);
        var stop = before.LastIndexOfAny(ClauseEnds);
        if (stop >= 0)
        {
            before = before[(stop + 1)..];
        }

        foreach (var negator in ChineseNegators)
        {
            if (before.Contains(negator, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
