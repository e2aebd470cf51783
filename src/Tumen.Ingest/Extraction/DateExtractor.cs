using System.Globalization;
using System.Text.RegularExpressions;

namespace Tumen.Ingest.Extraction;

/// <summary>
/// Dates and periods in English, Korean and Chinese: full dates, months, years, year ranges,
/// decades, and relative periods ("since 2020", "during the pandemic", 코로나 기간, 疫情期间) which keep
/// their text and whatever bound they give.
/// </summary>
internal static partial class DateExtractor
{
    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    /// <summary>
    /// No year-bearing rule reaches further than this from its year (the longest, "between 1994 and 1998년까지"
    /// or "September 12th, 2020", stay within 20 characters of it), so those rules scan only the text near years.
    /// </summary>
    private const int YearMargin = 40;

    /// <summary>Words one of which every English relative period contains ("during the pandemic", "two years ago").</summary>
    private static readonly string[] RelativeWords = ["pandemic", "famine", "lockdown", "crackdown", "border", "war", "year", "month", "week"];

    public static List<DateMention> Extract(string text) => Extract(text, TextScan.ContainsCjk(text));

    public static List<DateMention> Extract(string text, bool cjk)
    {
        var found = new List<DateMention>();
        var mask = new SpanMask(text.Length);
        var years = AnchoredRegions.AroundYears(text, YearMargin);

        void Add(Match m, string? start, string? end, string kind, string rule)
        {
            var span = new TextSpan(m.Index, m.Index + m.Length);
            if (mask.TryTake(span))
            {
                found.Add(new DateMention(m.Value.Trim(), start, end, kind, span, rule));
            }
        }

        foreach (var m in years.Matches(EnMonthDayYear(), text))
        {
            var d = Day(m, "y", "m", "d");
            Add(m, d, d, "date", "en.month_day_year");
        }

        foreach (var m in years.Matches(EnDayMonthYear(), text))
        {
            var d = Day(m, "y", "m", "d");
            Add(m, d, d, "date", "en.day_month_year");
        }

        foreach (var m in cjk ? years.Matches(CjkFullDate(), text) : [])
        {
            var d = Day(m, "y", "m", "d");
            Add(m, d, d, "date", "cjk.full_date");
        }

        foreach (var m in years.Matches(EnMonthYear(), text))
        {
            var d = MonthOf(m);
            Add(m, d, d, "month", "en.month_year");
        }

        foreach (var m in cjk ? years.Matches(CjkMonthYear(), text) : [])
        {
            var d = string.Create(CultureInfo.InvariantCulture, $"{m.Groups["y"].Value}-{int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture):00}");
            Add(m, d, d, "month", "cjk.month_year");
        }

        foreach (var m in years.Matches(YearRange(), text))
        {
            var y1 = m.Groups["y1"].Value;
            var y2 = m.Groups["y2"].Value;
            if (y2.Length == 2)
            {
                y2 = y1[..2] + y2;
            }

            if (string.CompareOrdinal(y1, y2) < 0)
            {
                Add(m, y1, y2, "range", "year_range");
            }
        }

        foreach (var m in years.Matches(Decade(), text))
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var (from, to) = m.Groups["part"].Value.ToLowerInvariant() switch { "early" => (y, y + 3), "mid" => (y + 3, y + 6), "late" => (y + 6, y + 9), _ => (y, y + 9) };
            Add(m, from.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture), "range", "en.decade");
        }

        foreach (var m in years.Matches(Since(), text))
        {
            Add(m, m.Groups["y"].Value, null, "since", "since_year");
        }

        foreach (var m in AnchoredRegions.AroundWords(text, RelativeWords, YearMargin).Matches(Relative(), text))
        {
            Add(m, null, null, "relative", "relative_period");
        }

        foreach (Match m in cjk ? CjkRelative().Matches(text) : Enumerable.Empty<Match>())
        {
            Add(m, null, null, "relative", "relative_period");
        }

        foreach (Match m in MonthDay().Matches(text))
        {
            Add(m, null, null, "day_without_year", "day_without_year");
        }

        foreach (var m in years.Matches(Year(), text))
        {
            Add(m, m.Groups["y"].Value, m.Groups["y"].Value, "year", "year");
        }

        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    /// <summary>
    /// The publication date a text gives: a dateline ("Published: …") near the top, else its latest full date.
    /// </summary>
    public static string? DocumentDate(string text, IReadOnlyList<DateMention> dates)
    {
        var fullDates = dates.Where(d => d.Kind == "date" && d.Start is not null).ToList();
        var dateline = fullDates.FirstOrDefault(d => d.Span.Start < 600 && Dateline().IsMatch(text[Math.Max(0, d.Span.Start - 30)..d.Span.Start]));
        return dateline?.Start ?? fullDates.Select(d => d.Start!).Max(StringComparer.Ordinal);
    }

    private static string? Day(Match m, string y, string mo, string d)
    {
        var year = int.Parse(m.Groups[y].Value, CultureInfo.InvariantCulture);
        var month = MonthNumber(m.Groups[mo].Value);
        var day = int.Parse(m.Groups[d].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}")
            : null;
    }

    private static string MonthOf(Match m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.Groups["y"].Value}-{MonthNumber(m.Groups["m"].Value):00}");

    private static int MonthNumber(string month)
    {
        if (int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        string[] names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        return Array.IndexOf(names, month[..3].ToLowerInvariant()) + 1;
    }

    [GeneratedRegex(@"\b(?<m>" + Month + @")\.?\s(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s(?<y>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex EnMonthDayYear();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s(?<m>" + Month + @")\.?,?\s(?<y>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex EnDayMonthYear();

    [GeneratedRegex(@"\b(?<m>" + Month + @")\.?,?\s(?<y>(?:19|20)\d\d)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex EnMonthYear();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)\s?[년年]\s?(?<m>\d{1,2})\s?[월月]\s?(?<d>\d{1,2})\s?[일日]", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex CjkFullDate();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)\s?[년年]\s?(?<m>\d{1,2})\s?[월月]", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex CjkMonthYear();

    [GeneratedRegex(@"(?:\b(?:from|between)\s)?(?<![\d,.])(?<y1>(?:19|20)\d\d)\s?(?:-|–|—|~|to|and|until|至|到|부터|년부터|년\s?~|年至|年到)\s?(?<y2>(?:19|20)\d\d|\d\d(?!\d))(?:\s?(?:년까지|년|年))?(?![\d%]|[,.]\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex YearRange();

    [GeneratedRegex(@"\b(?:the\s)?(?:(?<part>early|mid|late)[-\s])?(?<y>(?:19|20)\d0)s\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, 10000)]
    private static partial Regex Decade();

    [GeneratedRegex(@"\b(?:[Ss]ince|[Aa]fter)\s(?<y>(?:19|20)\d\d)\b|(?<y>(?:19|20)\d\d)\s?년\s?(?:이후|부터|이래)|(?:自|从)?(?<y>(?:19|20)\d\d)\s?年\s?(?:以来|起|后)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex Since();

    [GeneratedRegex(@"\b(?:[Dd]uring|[Ss]ince|[Aa]fter|[Bb]efore|[Tt]hroughout|[Aa]mid)\s(?:the\s)?(?:Covid(?:-19|\s19)?\s)?(?:pandemic|famine|lockdowns?|crackdown|border closures?|war)\b|\b(?:[Ll]ast|[Tt]his|[Nn]ext)\s(?:year|month|week)\b|\bin recent years\b|\b(?:a|one|two|three|four|five|six|\d{1,2})\s(?:years?|months?|weeks?)\s(?:ago|later)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex Relative();

    [GeneratedRegex(@"(?:코로나(?:19)?\s?)?(?:팬데믹|대유행|코로나(?:19)?)\s?(?:기간|동안|이후|이전|때)|고난의 행군\s?(?:기간|시기|때)?|대기근\s?(?:기간|때|이후)?|(?:新冠)?疫情(?:期间|以来|之后|后)|(?:大)?饥荒(?:期间|时期|之后)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex CjkRelative();

    [GeneratedRegex(@"\b(?:" + Month + @")\.?\s\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s\d{4})|\b\d{1,2}(?:st|nd|rd|th)?\s(?:" + Month + @")\b(?!\.?,?\s\d{4})|\bon the \d{1,2}(?:st|nd|rd|th)\b|(?<!\d)\d{1,2}\s?월\s?\d{1,2}\s?일|(?<![\d年])\d{1,2}\s?月\s?\d{1,2}\s?日|(?<![\d月年])\d{1,2}日", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(?<![\d,.$£€₩¥])(?<y>(?:19|20)\d\d)(?![\d%]|[,.]\d)(?:\s?[년年](?!\s?(?:간|동안)))?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 10000)]
    private static partial Regex Year();

    [GeneratedRegex(@"(?:Published|Updated|Posted|Date|Dated|발행|입력|게재|发布|发表|日期)\s?:?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 10000)]
    private static partial Regex Dateline();
}
