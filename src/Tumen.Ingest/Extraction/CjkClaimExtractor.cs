using System.Globalization;
using System.Text.RegularExpressions;

namespace Tumen.Ingest.Extraction;

/// <summary>
/// Figures in Korean and Chinese: digits with 만/억/万/亿 ("50만 명", "8만2천여 건", "10万", "1.05亿美元"),
/// Chinese numerals ("七成", "七至八成"), vague magnitudes ("수십만", "数万"), ranges ("15만~20만", "70%至80%"),
/// hedges before (약, 최소, 约, 逾, 超过, 至少) and after (여, 이상, 가량, 多, 余, 以上, 左右).
/// </summary>
internal static partial class CjkClaimExtractor
{
    public static List<NumericClaim> Extract(string text, IReadOnlyList<TextSpan> dateSpans, AttributionFinder attribution)
    {
        var claims = new List<NumericClaim>();
        var dates = new SpanMask(text.Length, dateSpans);
        foreach (Match m in Figure().Matches(text))
        {
            var span = new TextSpan(m.Index, m.Index + m.Length);
            if (dates.Overlaps(span) || (m.Index > 0 && char.IsAsciiLetterOrDigit(text[m.Index - 1])))
            {
                continue;
            }

            var first = Parse(m.Groups["a"].Value);
            if (first is null)
            {
                continue;
            }

            var unitText = m.Groups["unit"].Value;
            var second = m.Groups["b"].Success ? Parse(m.Groups["b"].Value) : null;
            var unit = Unit(unitText, m.Groups["pa"].Success || m.Groups["pb"].Success);
            var chineseNumeral = !m.Groups["a"].Value.Any(char.IsAsciiDigit);
            if (unit is null && chineseNumeral && !m.Groups["a"].Value.Any(c => c is '万' or '亿' or '만' or '억'))
            {
                continue;
            }

            // "一名妇女" is "a woman"; "一年", "1년" are the time a story covers; 2020年 is a date.
            if ((chineseNumeral && first.Value.Value == 1) || (unit is "years" && (chineseNumeral || first.Value.Value is <= 1 or (>= 1900 and < 2100))))
            {
                continue;
            }

            double? value = first.Value.Value, low = first.Value.Low, high = first.Value.High;
            var vague = first.Value.Vague;
            if (second is not null)
            {
                low = value ?? low;
                high = second.Value.Value ?? second.Value.High;

                // "15~20만": the magnitude written once applies to both ends.
                if (second.Value.Value is { } b && value is { } a && a < b / 100)
                {
                    low = a * Math.Pow(10, Math.Floor(Math.Log10(b / a)));
                }

                value = null;
            }

            if (unitText == "成")
            {
                (value, low, high) = (value * 10, low * 10, high * 10);
            }

            var qualifier = Qualifier(m.Groups["q1"].Value, m.Groups["yeo"].Value + m.Groups["q2"].Value);
            if (unit == "age" && qualifier == "as little as")
            {
                qualifier = "as young as";
            }
            var (counts, predicate) = Counted(text, m.Index, m.Index + m.Length, unit);
            unit ??= counts is null ? null : "count";
            if (unit is null)
            {
                var big = (value ?? high ?? 0) >= 1000 || vague;
                if (!big)
                {
                    continue;
                }

                unit = "count";
            }

            claims.Add(new NumericClaim(m.Value.Trim(), value, low, high, unit, qualifier, counts, attribution.AssertedBy(text, span), span, second is null ? "cjk.figure" : "cjk.range")
            {
                Predicate = predicate,
                Vague = vague,
            });
        }

        NativeKoreanCounts(text, attribution, claims);
        return claims;
    }

    private static readonly string[] NativeTens = ["열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"];
    private static readonly string[] NativeUnits = ["한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"];

    /// <summary>
    /// Counts of people in native Korean numerals ("다섯 명", "스무 명", "열두 명"): the way Korean writes small
    /// numbers of people. "한 명" is "one person", not a figure, as with "一名".
    /// </summary>
    private static void NativeKoreanCounts(string text, AttributionFinder attribution, List<NumericClaim> claims)
    {
        if (!text.Contains('명', StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match m in NativeCount().Matches(text))
        {
            var start = m.Index + (m.Value.Length - m.Value.TrimStart().Length);
            var end = m.Index + m.Length;
            if ((start > 0 && Documents.LanguageDetector.IsHangul(text[start - 1]))
                || (end < text.Length && Documents.LanguageDetector.IsHangul(text[end]) && !"이의을은도만과씩에가를와쯤".Contains(text[end], StringComparison.Ordinal)))
            {
                continue; // inside a word: 세명대학교 is a university
            }

            var tens = m.Groups["t"].Value;
            var units = m.Groups["u"].Value;
            var value = (tens.Length == 0 ? 0 : tens == "스무" ? 20 : (Array.IndexOf(NativeTens, tens) + 1) * 10)
                + (units.Length == 0 ? 0 : Array.IndexOf(NativeUnits, units) + 1);
            var span = new TextSpan(start, m.Index + m.Length);
            if (value <= 1 || claims.Exists(c => c.Span.Overlaps(span)))
            {
                continue;
            }

            var qualifier = Qualifier(m.Groups["q1"].Value, m.Groups["yeo"].Value + m.Groups["q2"].Value);
            var (counts, predicate) = Counted(text, start, m.Index + m.Length, "people");
            claims.Add(new NumericClaim(m.Value.Trim(), value, null, null, "people", qualifier, counts, attribution.AssertedBy(text, span), span, "cjk.native")
            {
                Predicate = predicate,
            });
        }

        claims.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }

    [GeneratedRegex(@"(?<q1>약|대략|최소|적어도|최대|무려|거의)?\s?(?:(?<t>열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)(?<u>한|두|세|네|다섯|여섯|일곱|여덟|아홉)?|(?<u>한|두|세|네|다섯|여섯|일곱|여덟|아홉))(?<yeo>여)?\s?명(?<q2>\s?(?:이상|가량|정도|남짓|안팎|내외))?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex NativeCount();

    private static string? Unit(string unit, bool percent) => percent ? "percent" : unit switch
    {
        "명" or "人" or "名" or "만 명" => "people",
        "건" or "宗" or "起" or "件" or "个案" => "cases",
        "달러" or "美元" or "美金" => "usd",
        "파운드" or "英镑" => "gbp",
        "유로" or "欧元" => "eur",
        "원" or "韩元" => "krw",
        "위안" or "元" or "人民币" => "cny",
        "세" or "살" or "岁" => "age",
        "년" or "年" => "years",
        "成" or "%" or "퍼센트" or "％" => "percent",
        _ => null,
    };

    private static string? Qualifier(string before, string after)
    {
        var b = before.Trim();
        var a = after.Trim();
        return b switch
        {
            "약" or "대략" or "约" or "大约" or "约有" or "估计" => "about",
            "최소" or "적어도" or "至少" or "起码" => "at least",
            "최대" or "무려" or "多达" or "高达" => "up to",
            "逾" or "超过" or "超" or "逾越" => "more than",
            "近" or "将近" or "거의" => "nearly",
            "불과" or "仅" or "只有" => "as little as",
            _ => a switch
            {
                "여" or "余" or "多" or "이상" or "넘는" or "넘게" or "남짓" or "以上" or "之多" => "more than",
                "가량" or "정도" or "안팎" or "내외" or "左右" or "上下" => "about",
                "미만" or "以下" or "이하" => "less than",
                _ => null,
            },
        };
    }

    /// <summary>What is counted: the phrase after a measure word or 의/的, else the clause before the figure.</summary>
    private static (string? Counts, string? Predicate) Counted(string text, int start, int end, string? unit)
    {
        var after = Clause(text, end, forward: true);
        var before = Clause(text, start, forward: false);
        if (unit == "percent")
        {
            var population = before.TrimEnd('의', '중', '的', '有', ' ').TrimStart('在', '其', '中', ' ');
            var predicate = after.TrimStart('가', '이', '는', '은', '的', '被', ' ');
            var both = (population + " " + predicate).Trim();
            return (both.Length == 0 ? null : both, predicate.Length == 0 ? null : predicate);
        }

        if (after.StartsWith('의') || after.StartsWith('的'))
        {
            var np = FirstPhrase(after[1..]);
            return (np.Length == 0 ? null : np, null);
        }

        if (unit is "people" && after.Length > 0 && LanguageOfHan(after))
        {
            var np = FirstPhrase(after);
            return (np.Length == 0 ? null : np, null);
        }

        var last = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(3);
        var counts = string.Join(' ', last).TrimEnd('은', '는', '이', '가', '의', '中', '的', '有', '共').Trim();
        return (counts.Length == 0 ? null : counts, null);
    }

    private static bool LanguageOfHan(string s) => s.Length > 0 && Documents.LanguageDetector.IsHan(s[0]);

    private static string FirstPhrase(string s)
    {
        var stop = s.IndexOfAny([' ', '이', '가', '을', '를', '은', '는', '被', '在', '从', '遭', '，', '。']);
        var phrase = stop < 0 ? s : s[..stop];
        return phrase.Length > 12 ? phrase[..12] : phrase;
    }

    private static string Clause(string text, int from, bool forward)
    {
        const int Max = 24;
        var i = from;
        if (forward)
        {
            while (i < text.Length && i - from < Max && !Breaks(text[i]))
            {
                i++;
            }

            return text[from..i].Trim();
        }

        while (i > 0 && from - i < Max && !Breaks(text[i - 1]))
        {
            i--;
        }

        return text[i..from].Trim();
    }

    private static bool Breaks(char c) => c is '，' or '。' or ',' or '.' or '、' or '；' or ';' or '：' or ':' or '\n' or '“' or '”' or '"' or '「' or '」' or '(' or ')' or '（' or '）';

    /// <summary>Parses "8만2천", "1.05억", "十万", "七", "수십만" into a value, or a range for vague magnitudes.</summary>
    internal static (double? Value, double? Low, double? High, bool Vague)? Parse(string s)
    {
        s = s.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (s.StartsWith('수') || s.StartsWith('数') || s.StartsWith('數'))
        {
            var rest = s[1..];
            var unit = Parse("1" + rest);
            if (unit?.Value is not { } u)
            {
                return null;
            }

            return (null, u, (u * 10) - 1, true);
        }

        double total = 0, section = 0, current = 0;
        var hasDigit = false;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c) || c == '.')
            {
                var j = i;
                while (j < s.Length && (char.IsAsciiDigit(s[j]) || s[j] == '.'))
                {
                    j++;
                }

                if (!double.TryParse(s.AsSpan(i, j - i), NumberStyles.Float, CultureInfo.InvariantCulture, out current))
                {
                    return null;
                }

                hasDigit = true;
                i = j;
                continue;
            }

            var digit = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c is '〇')
            {
                digit = 0;
            }

            if (c is '两' or '兩')
            {
                digit = 2;
            }

            if (digit >= 0)
            {
                current = digit;
                hasDigit = true;
                i++;
                continue;
            }

            double small = c switch { '十' or '십' => 10, '百' or '백' => 100, '千' or '천' => 1000, _ => 0 };
            if (small > 0)
            {
                section += (current == 0 && !hasDigit ? 1 : current) * small;
                current = 0;
                hasDigit = true;
                i++;
                continue;
            }

            double large = c switch { '万' or '萬' or '만' => 1e4, '亿' or '億' or '억' => 1e8, '조' or '兆' => 1e12, _ => 0 };
            if (large > 0)
            {
                total += (section + current == 0 ? 1 : section + current) * large;
                section = 0;
                current = 0;
                i++;
                continue;
            }

            return null;
        }

        return hasDigit || total > 0 ? (total + section + current, null, null, false) : null;
    }

    [GeneratedRegex(@"(?<q1>약|대략|최소|적어도|최대|무려|거의|불과|约有|大约|约|至少|起码|多达|高达|逾|超过|将近|近|仅|只有)?\s?(?<a>수(?:십|백|천)?(?:만|억|천|백|십)|数(?:十|百|千)?(?:万|亿|千|百|十)|(?:\d[\d,]*(?:\.\d+)?|[一二三四五六七八九十两〇零百千]+)(?:\s?(?:조|억|만|천|백|亿|万|千|百)(?:\s?\d[\d,]*|[一二三四五六七八九十两百千]+)?)*(?:\s?(?:조|억|만|천|백|亿|万|千|百))?)(?<pa>\s?[%％]|\s?퍼센트)?(?:\s?(?:~|-|–|에서|至|到|、)\s?(?<b>(?:\d[\d,]*(?:\.\d+)?|[一二三四五六七八九十两百千]+)(?:\s?(?:조|억|만|천|백|亿|万|千|百)(?:\s?\d[\d,]*|[一二三四五六七八九十两百千]+)?)*(?:\s?(?:조|억|만|천|백|亿|万|千|百))?)(?<pb>\s?[%％]|\s?퍼센트)?)?(?<yeo>여|余|多)?\s?(?<unit>명|건|달러|파운드|유로|원|위안|세|살|년|人民币|美元|美金|英镑|欧元|韩元|元|名|人|宗|起|件|个案|岁|年|成)?(?<q2>\s?(?:이상|이하|가량|정도|미만|넘는|넘게|남짓|안팎|내외|以上|以下|左右|上下|之多))?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex Figure();
}
