using System.Text.RegularExpressions;

namespace Tumen.Ingest.Extraction;

/// <summary>
/// Quotations in curly, straight, corner (「」『』) and guillemet quotes, one paragraph at most (an
/// unclosed quote runs to the end of its paragraph, as news style does), with the speaker when the
/// sentence names one before or after. Scare quotes of a word or three are not quotations.
/// </summary>
internal static partial class QuoteExtractor
{
    public static List<Quotation> Extract(string text)
    {
        var quotes = new List<Quotation>();
        var paragraphStart = 0;
        while (paragraphStart < text.Length)
        {
            var paragraphEnd = text.IndexOf('\n', paragraphStart);
            if (paragraphEnd < 0)
            {
                paragraphEnd = text.Length;
            }

            ExtractParagraph(text, paragraphStart, paragraphEnd, quotes);
            paragraphStart = paragraphEnd + 1;
        }

        return quotes;
    }

    private static void ExtractParagraph(string text, int from, int to, List<Quotation> quotes)
    {
        var i = from;
        while (i < to)
        {
            var c = text[i];
            var closers = c switch
            {
                '“' => "”\"",
                '"' => "\"”",
                '‘' when i == from || !char.IsLetterOrDigit(text[i - 1]) => "’",
                '「' => "」",
                '『' => "』",
                '«' => "»",
                _ => null,
            };
            if (closers is null)
            {
                i++;
                continue;
            }

            var close = FindClose(text, i + 1, to, closers, c == '“');
            var end = close < 0 ? to : close;
            var inner = text[(i + 1)..end].Trim();
            if (IsQuotation(inner))
            {
                var spanEnd = close < 0 ? to : close + 1;
                var speaker = SpeakerAfter(text, spanEnd, to) ?? SpeakerBefore(text, from, i);
                quotes.Add(new Quotation(inner.TrimEnd(',', '，'), speaker, new TextSpan(i, spanEnd), close < 0 ? "quote.open_to_paragraph_end" : "quote." + c));
            }

            i = close < 0 ? to : close + 1;
        }
    }

    private static int FindClose(string text, int from, int to, string closers, bool curlyOpen)
    {
        for (var j = from; j < to; j++)
        {
            var c = text[j];
            if (closers.Contains(c, StringComparison.Ordinal))
            {
                return j;
            }

            // Mixed styles in the wild: “…’ closes on an apostrophe that follows punctuation.
            if (curlyOpen && c == '’' && j > from && text[j - 1] is '.' or ',' or '!' or '?' or '…' && (j + 1 >= to || !char.IsLetter(text[j + 1])))
            {
                return j;
            }
        }

        return -1;
    }

    private static bool IsQuotation(string inner)
    {
        if (inner.Length < 8)
        {
            return false;
        }

        var cjk = inner.Count(TextScan.IsCjk);
        if (cjk >= 8)
        {
            return true;
        }

        return inner.Count(c => c == ' ') >= 3;
    }

    private static string? Speaker(Match m) => m.Groups["spk"].Value.Trim().TrimEnd('.', ',') is { Length: > 0 } s ? s : null;

    private static string? SpeakerAfter(string text, int from, int to)
    {
        var window = text[from..Math.Min(to, from + 140)];
        var m = AfterSubjectVerb().Match(window);
        if (m.Success)
        {
            return Speaker(m);
        }

        m = AfterVerbSubject().Match(window);
        if (m.Success)
        {
            return Speaker(m);
        }

        m = AfterCjk().Match(window);
        return m.Success ? Speaker(m) : null;
    }

    private static string? SpeakerBefore(string text, int paragraphStart, int open)
    {
        var from = Math.Max(paragraphStart, open - 200);
        var window = text[from..open];
        var sentenceStart = Math.Max(window.LastIndexOf(". ", StringComparison.Ordinal), window.LastIndexOf('。'));
        if (sentenceStart >= 0)
        {
            window = window[(sentenceStart + 1)..];
        }

        var m = BeforeEnglish().Match(window);
        if (m.Success)
        {
            return Speaker(m);
        }

        m = BeforeCjk().Match(window);
        return m.Success ? Speaker(m) : null;
    }

    [GeneratedRegex(@"^\s*,?\s*(?<spk>(?:[Aa]n?|[Tt]he|[Aa]nother)\s[^,.;“”""]{1,50}?|[Ss]he|[Hh]e|[Tt]hey|(?:Ms\.?\s|Mr\.?\s|Dr\.?\s)?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})\s(?:further\s)?(?:said|says|told|tells|added|adds|explained|explains|stated|recalled|recounted|wrote|testified|warned|asked|recounts|reports|reported|warns|writes)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex AfterSubjectVerb();

    [GeneratedRegex(@"^\s*,?\s*(?:said|says|added|explains|explained|told|warned|recalled)\s(?<spk>(?:Ms\.?\s|Mr\.?\s|Dr\.?\s)?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}|(?:an?|the)\s[^,.;“”""]{1,50}?)(?=[,.;]|\s(?:of|from|in|at|who)\b|$)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex AfterVerbSubject();

    [GeneratedRegex(@"^\s*[，,]?\s*(?<spk>[^，。“”\s]{1,12}?)(?:说|表示|称|指出|回忆说)|^\s*(?:라고|고|며|라며)\s?(?:그는|그녀는|(?<spk>\S{1,12}?)(?:는|은|가|이)\s)?(?:말했|밝혔|전했|증언했|덧붙였|호소했|회상했)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex AfterCjk();

    [GeneratedRegex(@"^\s*(?<spk>(?:[Aa]n?|[Tt]he|[Aa]nother)\s[^,.;“”""]{1,50}?|[Ss]he|[Hh]e|[Tt]hey|(?:Ms\.?\s|Mr\.?\s|Dr\.?\s)?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})(?:,[^“”""]{0,100},)?\s(?:further\s)?(?:said|says|told|added|adds|explained|explains|stated|recalled|wrote|testified|warned|urged)\b[^“”""]{0,60}?[:,]?\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex BeforeEnglish();

    [GeneratedRegex(@"(?<spk>[^\s，。“”]{1,12}?)(?:는|은|가|이)\s[^“”""]{0,40}$|(?<spk>[^\s，。“”：]{1,12}?)(?:说|表示|称|指出|告诉[^，：“]{0,20})[：:，,]?\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex BeforeCjk();
}
