using System.Text.RegularExpressions;

namespace Tumen.Ingest.Extraction;

/// <summary>
/// Finds figures in English text and decides, from the words around each, its range, unit, hedge,
/// what it counts and who asserts it. A bare number with nothing that says what it counts is left
/// out: precision matters as much as recall, because every claim will be compared with others.
/// </summary>
internal static partial class NumericClaimExtractor
{
    public static List<NumericClaim> Extract(string text, IReadOnlyList<TextSpan> dateSpans, AttributionFinder attribution)
    {
        var dates = new SpanMask(text.Length, dateSpans);
        var atoms = EnglishNumbers.Atoms(text).Where(a => !dates.Overlaps(new TextSpan(a.Start, a.End))).ToList();
        var claims = new List<NumericClaim>();
        var used = new bool[atoms.Count];
        for (var i = 0; i < atoms.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            var atom = atoms[i];
            var start = atom.Start;
            var rule = atom.Rule;
            double? value = atom.Value, low = atom.Low, high = atom.High;
            var unit = atom.Unit;
            var vague = atom.Vague;

            // Ranges: "70 to 80%", "150,000-200,000", "between 240,000 and 3.5 million".
            var between = Before(text, start, Between());
            if (i + 1 < atoms.Count && Joins(text, atom, atoms[i + 1], between.Success))
            {
                var second = atoms[i + 1];
                used[i + 1] = true;
                var a = atom.Value ?? atom.Low;
                var b = second.Value ?? second.High;
                if (a is not null && b is not null && atom.Unit is null && second.Unit is not null && a < 1000 && b >= 1000 && second.Rule != "en.words")
                {
                    a *= MagnitudeOf(text, second);
                }

                low = a;
                high = b;
                value = null;
                unit = second.Unit ?? atom.Unit;
                vague = atom.Vague || second.Vague;
                rule = "en.range";
                atom = atom with { End = second.End };
            }

            if (between.Success && rule == "en.range")
            {
                start = between.Index;
            }

            var qualifier = Qualifier(text, start, out var qualifierStart);
            if (qualifierStart >= 0)
            {
                start = qualifierStart;
            }

            var end = atom.End;
            var after = text.AsSpan(end, Math.Min(60, text.Length - end));

            // "more than double the 100,000": the claim is the doubled figure.
            var multiple = Before(text, qualifierStart >= 0 ? qualifierStart : atom.Start, Multiple());
            if (multiple.Success && value is not null)
            {
                var factor = multiple.Groups["m"].Value.ToLowerInvariant() switch { "double" or "twice" => 2, "triple" or "three times" => 3, _ => 0.5 };
                claims.Add(Build(text, multiple.Index, end, value * factor, null, null, "people", multiple.Groups["q"].Success ? "more than" : null, false, "en.multiple", attribution));
            }

            var unitWord = UnitWordAfter().Match(after.ToString());
            if (unitWord.Success)
            {
                end += unitWord.Length;
                var word = unitWord.Groups["w"].Value;
                unit = EnglishNumbers.CurrencyWord(word) ?? (word.Contains("old", StringComparison.OrdinalIgnoreCase) ? "age"
                    : word.StartsWith("month", StringComparison.OrdinalIgnoreCase) ? "months" : "years");
            }

            if (qualifier == "as young as" || Before(text, start, Aged()).Success)
            {
                unit = "age";
            }

            var alternatives = new List<NumericClaim>();
            var alt = Alternative().Match(text, end);
            if (alt.Success && alt.Index == end)
            {
                var altAtom = EnglishNumbers.Atoms(alt.Groups["a"].Value).FirstOrDefault();
                if (altAtom?.Unit is { } altUnit)
                {
                    alternatives.Add(new NumericClaim(alt.Groups["a"].Value, altAtom.Value, null, null, altUnit, qualifier, null, null, new TextSpan(alt.Index + 1, alt.Index + alt.Length - 1), "en.alternative"));
                    end = alt.Index + alt.Length;
                    for (var k = i + 1; k < atoms.Count && atoms[k].Start < end; k++)
                    {
                        used[k] = true;
                    }
                }
            }

            var (counts, predicate, countsUnit) = CountedPhrase(text, end, unit == "percent");
            unit ??= countsUnit;
            if (unit is null)
            {
                // A figure with no unit and nothing counted is kept only when it clearly is a count.
                var hasThousands = text.AsSpan(atom.Start, atom.End - atom.Start).Contains(',') || (value ?? low ?? 0) >= 10_000 || vague;
                if (atom.SmallWord || !hasThousands || (value ?? high ?? 0) < 100)
                {
                    continue;
                }

                unit = vague ? "people" : "count";
            }
            else if (atom.SmallWord && unit is "years" or "months")
            {
                continue;
            }

            if (unit == "months")
            {
                continue;
            }

            var claim = Build(text, start, end, value, low, high, unit, qualifier, vague, rule, attribution) with
            {
                Counts = counts,
                Predicate = predicate,
                Alternatives = alternatives,
            };
            claims.Add(claim);
        }

        return claims;
    }

    private static NumericClaim Build(string text, int start, int end, double? value, double? low, double? high, string unit, string? qualifier, bool vague, string rule, AttributionFinder attribution)
    {
        var span = new TextSpan(start, end);
        return new NumericClaim(text[start..end].Trim(), value, low, high, unit, qualifier, null, attribution.AssertedBy(text, span), span, rule) { Vague = vague };
    }

    private static bool Joins(string text, NumberAtom first, NumberAtom second, bool between)
    {
        var gap = text.AsSpan(first.End, second.Start - first.End).Trim();
        if (gap.Length == 0 || second.Start - first.End > 12)
        {
            return false;
        }

        var joined = gap is "-" or "–" or "—" or "~" or "to" || (between && gap is "and");
        if (!joined)
        {
            return false;
        }

        // Both ends must be the same kind of figure: "80 percent and 90 percent", "$100m to $105m".
        return first.Unit is null || second.Unit is null || first.Unit == second.Unit;
    }

    private static double MagnitudeOf(string text, NumberAtom atom)
    {
        var s = text.AsSpan(atom.Start, atom.End - atom.Start);
        return s.Contains("billion", StringComparison.OrdinalIgnoreCase) || s.EndsWith("bn", StringComparison.OrdinalIgnoreCase) ? 1e9
            : s.Contains("million", StringComparison.OrdinalIgnoreCase) || s.Contains("mln", StringComparison.OrdinalIgnoreCase) || s.EndsWith('m') ? 1e6
            : s.Contains("thousand", StringComparison.OrdinalIgnoreCase) ? 1e3 : 1;
    }

    private static Match Before(string text, int position, Regex regex)
    {
        var from = Math.Max(0, position - 40);
        return regex.Match(text, from, position - from);
    }

    private static string? Qualifier(string text, int position, out int start)
    {
        start = -1;
        var from = Math.Max(0, position - 30);
        var trimmed = text.AsSpan(from, position - from).TrimEnd();
        foreach (var (phrase, qualifier) in NumberWords.Qualifiers)
        {
            if (trimmed.EndsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                var at = from + trimmed.Length - phrase.Length;
                if (at > 0 && char.IsLetter(text[at - 1]))
                {
                    continue;
                }

                start = at;
                return qualifier;
            }
        }

        return null;
    }

    /// <summary>
    /// What a figure counts: the noun phrase after it ("of these female refugees in China") and, for a
    /// share, what is said of that population ("are trafficked in the sex industry").
    /// </summary>
    private static (string? Counts, string? Predicate, string? Unit) CountedPhrase(string text, int position, bool share)
    {
        var words = new List<string>();
        string? unit = null;
        var i = position;
        var first = true;
        var stoppedAt = "";
        while (words.Count < 9)
        {
            var (word, next) = NextWord(text, i);
            if (word is null)
            {
                stoppedAt = next < text.Length ? text[next].ToString() : "";
                i = next;
                break;
            }

            if (first && word.Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                i = next;
                first = false;
                continue;
            }

            if (words.Count == 0 && word.ToLowerInvariant() is "the" or "these" or "those" or "all" or "their" or "its" or "her" or "his" or "our" or "them")
            {
                if (word.Equals("those", StringComparison.OrdinalIgnoreCase))
                {
                    words.Add(word);
                }

                i = next;
                first = false;
                continue;
            }

            // "those who fled North Korea": a relative clause is the phrase itself.
            var relative = words.Count == 1 && words[0].Equals("those", StringComparison.OrdinalIgnoreCase) && word.Equals("who", StringComparison.OrdinalIgnoreCase);
            if (!relative && NumberWords.PhraseStops.Contains(word) && !(words.Count > 0 && words[0].Equals("those", StringComparison.OrdinalIgnoreCase) && word is "fled" or "who"))
            {
                stoppedAt = word;
                break;
            }

            first = false;
            words.Add(word);
            if (words.Count <= 4)
            {
                unit ??= NumberWords.PeopleNouns.Contains(word) ? "people" : NumberWords.CaseNouns.Contains(word) ? "cases" : null;
            }
            i = next;
        }

        var counts = words.Count == 0 ? null : string.Join(' ', words);
        if (counts is not null && counts.Equals("those", StringComparison.OrdinalIgnoreCase))
        {
            counts = null;
        }

        string? predicate = null;
        if (share)
        {
            predicate = Predicate(text, i, stoppedAt);
            if (predicate is not null)
            {
                counts = counts is null ? predicate : counts + " " + predicate;
            }

            unit = null;
        }

        return (counts, predicate, unit);
    }

    private static string? Predicate(string text, int position, string stoppedAt)
    {
        var i = position;
        if (stoppedAt == ",")
        {
            // Skip an aside: ", especially women and young children,".
            var (word, _) = NextWord(text, i + 1);
            if (word?.ToLowerInvariant() is "especially" or "including" or "mostly" or "particularly" or "mainly")
            {
                var close = text.IndexOf(',', i + 1);
                if (close < 0 || close - i > 80)
                {
                    return null;
                }

                i = close + 1;
            }
            else
            {
                return null;
            }
        }
        else if (stoppedAt.Length == 1 && !char.IsLetter(stoppedAt[0]))
        {
            return null;
        }

        var words = new List<string>();
        while (words.Count < 8)
        {
            var (word, next) = NextWord(text, i);
            if (word is null || (words.Count > 0 && word.ToLowerInvariant() is "with" or "and" or "because" or "while" or "who" or "which" or "where"))
            {
                break;
            }

            i = next;
            if (words.Count == 0 && Auxiliary(word))
            {
                continue;
            }

            words.Add(word);
        }

        // "are believed to be women", "are expected to be women": keep what follows "to be".
        var text2 = string.Join(' ', words);
        var toBe = text2.IndexOf("to be ", StringComparison.OrdinalIgnoreCase);
        if (toBe >= 0)
        {
            text2 = text2[(toBe + 6)..];
        }

        return text2.Length == 0 ? null : text2;
    }

    private static bool Auxiliary(string word) => word.ToLowerInvariant() is "are" or "is" or "were" or "was" or "will" or "would" or "be" or "been" or "have" or "has" or "had" or "being" or "get" or "got";

    /// <summary>The next word (letters, digits, apostrophes, inner hyphens) from <paramref name="i"/>, or null at punctuation.</summary>
    private static (string? Word, int Next) NextWord(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' or '-' && i > start && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
        {
            i++;
        }

        return i == start ? (null, start) : (text[start..i], i);
    }

    [GeneratedRegex(@"\bbetween\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 10000)]
    private static partial Regex Between();

    [GeneratedRegex(@"\b(?<q>more than\s)?(?<m>double|twice|triple|three times|half)\s(?:the\s)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex Multiple();

    [GeneratedRegex(@"\baged\s$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 10000)]
    private static partial Regex Aged();

    [GeneratedRegex(@"^(?:\s?(?<w>(?:US\s)?dollars?|pounds(?:\ssterling)?|euros?|won|yuan|renminbi)\b|(?<w>-year-old|\syears?\sold|-years?-old)|\s(?<w>years?|months?)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex UnitWordAfter();

    [GeneratedRegex(@"\G\s?\((?<a>(?:US\s?\$|\$|£|€|₩|¥|GBP\s?|EUR\s?|USD\s?|KRW\s?|CNY\s?)[\d.,]+\s?(?:[mMkKbB]|bn|million|billion)?)\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex Alternative();
}
