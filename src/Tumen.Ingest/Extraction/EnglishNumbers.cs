using System.Globalization;
using System.Text.RegularExpressions;

namespace Tumen.Ingest.Extraction;

/// <summary>A figure as written, before context decides its unit and what it counts.</summary>
internal sealed record NumberAtom(int Start, int End, double? Value, double? Low, double? High, string? Unit, bool Vague, bool SmallWord, string Rule);

/// <summary>Finds English figures: digits with separators and magnitudes, currencies, percentages, and number words.</summary>
internal static partial class EnglishNumbers
{
    private static readonly string[] MagnitudeWords = ["thousand", "hundred", "million", "dozen"];

    public static List<NumberAtom> Atoms(string text)
    {
        var atoms = new List<NumberAtom>();
        var mask = new SpanMask(text.Length);
        // Every vague figure names a magnitude ("tens of thousands", "half a million"), within 20 characters.
        foreach (var m in AnchoredRegions.AroundWords(text, MagnitudeWords, 40, StringComparison.OrdinalIgnoreCase).Matches(Vague(), text))
        {
            var (low, high, value) = VagueRange(m.Groups["w"].Value.ToLowerInvariant());
            var unit = m.Groups["dollars"].Success ? "usd" : null;
            atoms.Add(new NumberAtom(m.Index, m.Index + m.Length, value, low, high, unit, value is null, false, "en.words"));
            mask.Take(new TextSpan(m.Index, m.Index + m.Length));
        }

        foreach (Match m in Digits().Matches(text))
        {
            if (mask.Overlaps(new TextSpan(m.Index, m.Index + m.Length)) || IsInsideToken(text, m))
            {
                continue;
            }

            var value = double.Parse(m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var mag = m.Groups["mag"].Value.Trim();
            var cur = m.Groups["cur"].Value;
            if (mag.Length > 0)
            {
                // A bare "m" or "b" is a magnitude only for money ("$105m"), never "12 m".
                if (mag.Length == 1 && mag is not ("k" or "K") && cur.Length == 0)
                {
                    continue;
                }

                value *= NumberWords.Magnitudes[mag];
            }

            var unit = m.Groups["pct"].Success ? "percent" : Currency(cur);
            atoms.Add(new NumberAtom(m.Index, m.Index + m.Length, value, null, null, unit, false, false, cur.Length > 0 ? "en.currency" : unit == "percent" ? "en.percent" : "en.digits"));
            mask.Take(new TextSpan(m.Index, m.Index + m.Length));
        }

        foreach (Match m in SmallWords().Matches(text))
        {
            if (!mask.TryTake(new TextSpan(m.Index, m.Index + m.Length)))
            {
                continue;
            }

            var value = NumberWords.Small[m.Groups["w"].Value];
            if (m.Groups["mag"].Success)
            {
                value *= NumberWords.Magnitudes[m.Groups["mag"].Value];
            }

            atoms.Add(new NumberAtom(m.Index, m.Index + m.Length, value, null, null, null, false, !m.Groups["mag"].Success, "en.words"));
        }

        atoms.Sort((a, b) => a.Start.CompareTo(b.Start));
        return atoms;
    }

    public static string? Currency(string symbol) => symbol.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal) switch
    {
        "" => null,
        "$" or "US$" or "USD" => "usd",
        "£" or "GBP" => "gbp",
        "€" or "EUR" => "eur",
        "₩" or "KRW" => "krw",
        "¥" or "RMB" or "CNY" => "cny",
        _ => null,
    };

    public static string? CurrencyWord(string word) => word.ToLowerInvariant() switch
    {
        "dollars" or "dollar" or "us dollars" => "usd",
        "pounds" or "pound" or "pounds sterling" => "gbp",
        "euros" or "euro" => "eur",
        "won" => "krw",
        "yuan" or "renminbi" => "cny",
        _ => null,
    };

    /// <summary>"Covid 19", "Tier 3", "09:22", "52nd", "No. 12", "A4": numbers that are names, ordinals or times.</summary>
    private static bool IsInsideToken(string text, Match m)
    {
        var end = m.Index + m.Length;
        if (end < text.Length && (text[end] == ':' || (char.IsLetter(text[end]) && !m.Groups["mag"].Success && !m.Groups["pct"].Success)))
        {
            return true;
        }

        if (m.Index > 0 && (char.IsLetter(text[m.Index - 1]) || text[m.Index - 1] == ':'))
        {
            return true;
        }

        if (m.Index >= 4 && text.AsSpan(m.Index - 4, 4) is "No. " or "no. ")
        {
            return true;
        }

        // "Tier 3", "Covid 19", "Article 7": a capitalised name right before a bare number.
        if (m.Groups["cur"].Success || m.Groups["pct"].Success || m.Index < 2 || text[m.Index - 1] != ' ')
        {
            return false;
        }

        var wordEnd = m.Index - 1;
        var wordStart = wordEnd;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..wordEnd];
        return word.Length > 1 && char.IsUpper(word[0]) && !NumberWords.SentenceOpeners.Contains(word);
    }

    private static (double? Low, double? High, double? Value) VagueRange(string words) => words switch
    {
        "half a million" => (null, null, 500_000),
        "a quarter of a million" or "a quarter million" => (null, null, 250_000),
        "a million" or "one million" => (null, null, 1_000_000),
        "tens of thousands" => (10_000, 99_999, null),
        "hundreds of thousands" => (100_000, 999_999, null),
        "tens of millions" => (10_000_000, 99_999_999, null),
        "hundreds of millions" => (100_000_000, 999_999_999, null),
        "a few hundred" => (200, 500, null),
        "several hundred" => (300, 900, null),
        "a few thousand" => (2_000, 5_000, null),
        "several thousand" => (3_000, 9_000, null),
        "thousands" => (1_000, 9_999, null),
        "hundreds" => (100, 999, null),
        "millions" => (1_000_000, 9_999_999, null),
        "dozens" => (24, 99, null),
        _ => (null, null, null),
    };

    [GeneratedRegex(@"(?<cur>US\s?\$|USD\s?|\$|£|€|₩|¥|GBP\s?|EUR\s?|KRW\s?|RMB\s?|CNY\s?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<mag>\s?(?:million|mln|mn|billion|bn|thousand)\b|(?:[mMkKbB]|bn|BN)\b)?(?<pct>\s?%|\s?percent\b|\sper\scent\b)?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(?<w>half a million|a quarter(?: of a)? million|(?:a|one) million|tens of (?:thousands|millions)|hundreds of (?:thousands|millions)|a few (?:hundred|thousand)|several (?:hundred|thousand)|thousands|hundreds|millions|dozens)\b(?<dollars>\s(?:US\s)?dollars\b)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex Vague();

    [GeneratedRegex(@"\b(?<w>(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a dozen|dozen))\b(?:\s(?<mag>hundred|thousand|million|billion)\b|(?=\s(?:(?:[A-Z][a-z]+|young|teenage|female|male|other|more|ethnic|pregnant|elderly|repatriated|trafficked|detained|missing)\s){0,3}(?:women|girls|men|boys|children|people|persons|defectors|refugees|victims|survivors|brides|orphans|inmates|families|cases|times)\b))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex SmallWords();
}
