using System.Text.RegularExpressions;

namespace Tumen.Ingest.Extraction;

/// <summary>
/// The parts of a text where a rule can match at all: the neighbourhood of an anchor every match must
/// contain (a year, a keyword), so a rule scans a fraction of the text instead of all of it.
/// Regions reach at least <c>margin</c> characters beyond each anchor, are widened to the whitespace
/// around them and merged when they overlap. Scanning the regions therefore finds exactly what a scan
/// of the whole text finds, provided no match (with its look-arounds) reaches more than <c>margin</c>
/// characters from its anchor: a region starts after whitespace, so <c>\b</c> and look-behinds see at
/// its start what they would see in the whole text, and likewise at its end.
/// </summary>
internal readonly struct AnchoredRegions
{
    private readonly List<(int Start, int End)> _regions;

    private AnchoredRegions(List<(int Start, int End)> regions) => _regions = regions;

    /// <summary>Regions around each four-digit year from 1900 to 2099 written in ASCII digits.</summary>
    public static AnchoredRegions AroundYears(string text, int margin)
    {
        var anchors = new List<(int, int)>();
        var span = text.AsSpan();
        var i = 0;
        while (i + 4 <= span.Length)
        {
            var at = span[i..].IndexOfAnyInRange('0', '9');
            if (at < 0)
            {
                break;
            }

            i += at;
            if (i + 4 <= span.Length && ((span[i] == '1' && span[i + 1] == '9') || (span[i] == '2' && span[i + 1] == '0'))
                && char.IsAsciiDigit(span[i + 2]) && char.IsAsciiDigit(span[i + 3]))
            {
                anchors.Add((i, i + 4));
            }

            i++;
        }

        return Build(text, anchors, margin);
    }

    /// <summary>Regions around each occurrence of any of <paramref name="words"/> (ordinal, in the given case sensitivity).</summary>
    public static AnchoredRegions AroundWords(string text, IReadOnlyList<string> words, int margin, StringComparison comparison = StringComparison.Ordinal)
    {
        var anchors = new List<(int, int)>();
        foreach (var word in words)
        {
            for (var at = text.IndexOf(word, comparison); at >= 0; at = text.IndexOf(word, at + word.Length, comparison))
            {
                anchors.Add((at, at + word.Length));
            }
        }

        anchors.Sort();
        return Build(text, anchors, margin);
    }

    /// <summary>The matches of <paramref name="regex"/> in the regions, left to right.</summary>
    public IEnumerable<Match> Matches(Regex regex, string text)
    {
        foreach (var (start, end) in _regions)
        {
            for (var m = regex.Match(text, start, end - start); m.Success; m = m.NextMatch())
            {
                yield return m;
            }
        }
    }

    private static AnchoredRegions Build(string text, List<(int Start, int End)> anchors, int margin)
    {
        var regions = new List<(int Start, int End)>();
        foreach (var (anchorStart, anchorEnd) in anchors)
        {
            var start = Math.Max(0, anchorStart - margin);
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            var end = Math.Min(text.Length, anchorEnd + margin);
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            if (regions.Count > 0 && start <= regions[^1].End)
            {
                regions[^1] = (regions[^1].Start, Math.Max(end, regions[^1].End));
            }
            else
            {
                regions.Add((start, end));
            }
        }

        return new AnchoredRegions(regions);
    }
}
