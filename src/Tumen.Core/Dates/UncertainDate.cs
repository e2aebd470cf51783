using System.Globalization;
using System.Text.RegularExpressions;

namespace Tumen.Core.Dates;

/// <summary>What is known about when something happened.</summary>
public enum DatePrecision
{
    Unknown,
    Day,
    Month,
    Year,
    Range,
    Before,
    After,
}

/// <summary>
/// A date as testimony gives it: an exact day, a month, a year, a range, before or after a date,
/// each possibly approximate. Written in the Extended Date/Time Format (ISO 8601-2 level 1 subset):
/// <c>2019-03-14</c>, <c>2019-03</c>, <c>2019</c>, <c>2019~</c> (approximate), <c>2019/2021</c>,
/// <c>../2019</c> (before), <c>2019/..</c> (after). Every form has earliest and latest bounds, so
/// sorting, overlap and linkage all work on the same two days.
/// </summary>
public sealed partial record UncertainDate
{
    private UncertainDate(DatePrecision precision, DateOnly? earliest, DateOnly? latest, bool approximate, string text)
    {
        Precision = precision;
        Earliest = earliest;
        Latest = latest;
        Approximate = approximate;
        Text = text;
    }

    /// <summary>Nothing is known.</summary>
    public static UncertainDate Unknown { get; } = new(DatePrecision.Unknown, null, null, false, "");

    public DatePrecision Precision { get; }

    /// <summary>The first day it can have been; null when open to the past.</summary>
    public DateOnly? Earliest { get; }

    /// <summary>The last day it can have been; null when open to the future.</summary>
    public DateOnly? Latest { get; }

    /// <summary>The source says "about", "around", "c.".</summary>
    public bool Approximate { get; }

    /// <summary>The canonical EDTF text.</summary>
    public string Text { get; }

    public static UncertainDate Day(int year, int month, int day, bool approximate = false)
    {
        var d = new DateOnly(year, month, day);
        return new(DatePrecision.Day, d, d, approximate, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (approximate ? "~" : ""));
    }

    public static UncertainDate Month(int year, int month, bool approximate = false)
    {
        var first = new DateOnly(year, month, 1);
        return new(DatePrecision.Month, first, first.AddMonths(1).AddDays(-1), approximate,
            first.ToString("yyyy-MM", CultureInfo.InvariantCulture) + (approximate ? "~" : ""));
    }

    public static UncertainDate Year(int year, bool approximate = false) =>
        new(DatePrecision.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), approximate,
            year.ToString("D4", CultureInfo.InvariantCulture) + (approximate ? "~" : ""));

    public static UncertainDate Between(UncertainDate from, UncertainDate to)
    {
        if (from.Earliest is null || to.Latest is null || from.Earliest > to.Latest)
        {
            throw new ArgumentException("A date range must run forwards between two known dates.", nameof(to));
        }

        return new(DatePrecision.Range, from.Earliest, to.Latest, from.Approximate || to.Approximate, from.Text + "/" + to.Text);
    }

    public static UncertainDate Before(UncertainDate date) =>
        new(DatePrecision.Before, null, date.Latest, date.Approximate, "../" + date.Text);

    public static UncertainDate After(UncertainDate date) =>
        new(DatePrecision.After, date.Earliest, null, date.Approximate, date.Text + "/..");

    /// <summary>Whether the two dates can describe the same moment.</summary>
    public bool Overlaps(UncertainDate other) =>
        Precision != DatePrecision.Unknown && other.Precision != DatePrecision.Unknown
        && (Latest is null || other.Earliest is null || other.Earliest <= Latest)
        && (other.Latest is null || Earliest is null || Earliest <= other.Latest);

    public override string ToString() => Text;

    /// <summary>Parses EDTF text or the forms people type ("2019-3-14", "14/03/2019", "c. 2019", "before 2019", "2019-2021").</summary>
    public static UncertainDate Parse(string? text) =>
        TryParse(text, out var date) ? date
        : throw new FormatException("Not a date Tumen understands; use 2019-03-14, 2019-03, 2019, 2019~, 2019/2021, ../2019 or 2019/...");

    public static bool TryParse(string? text, out UncertainDate date)
    {
        date = Unknown;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var s = text.Trim();
        var lower = s.ToLowerInvariant();
        foreach (var prefix in (string[])["before ", "by ", "until "])
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal) && TryParse(s[prefix.Length..], out var inner) && inner.Latest is not null)
            {
                date = Before(inner);
                return true;
            }
        }

        foreach (var prefix in (string[])["after ", "since "])
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal) && TryParse(s[prefix.Length..], out var inner) && inner.Earliest is not null)
            {
                date = After(inner);
                return true;
            }
        }

        foreach (var prefix in (string[])["c. ", "ca. ", "circa ", "about ", "around ", "approx. "])
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal) && TryParse(s[prefix.Length..], out var inner) && inner.Precision is DatePrecision.Day or DatePrecision.Month or DatePrecision.Year)
            {
                date = WithApproximate(inner);
                return true;
            }
        }

        if (s.StartsWith("../", StringComparison.Ordinal))
        {
            return TryParseSingle(s[3..], out var end) && Assign(Before(end), out date);
        }

        if (s.EndsWith("/..", StringComparison.Ordinal))
        {
            return TryParseSingle(s[..^3], out var start) && Assign(After(start), out date);
        }

        var slash = s.IndexOf('/', StringComparison.Ordinal);
        var rangeMatch = YearRange().Match(s);
        if (rangeMatch.Success)
        {
            return TryBetween(rangeMatch.Groups[1].Value, rangeMatch.Groups[2].Value, out date);
        }

        if (slash > 0 && !DayMonthYear().IsMatch(s))
        {
            return TryBetween(s[..slash], s[(slash + 1)..], out date);
        }

        return TryParseSingle(s, out date);
    }

    private static bool TryBetween(string from, string to, out UncertainDate date)
    {
        date = Unknown;
        if (TryParseSingle(from, out var a) && TryParseSingle(to, out var b) && a.Earliest <= b.Latest)
        {
            date = Between(a, b);
            return true;
        }

        return false;
    }

    private static bool Assign(UncertainDate value, out UncertainDate date)
    {
        date = value;
        return true;
    }

    private static UncertainDate WithApproximate(UncertainDate d) => d.Precision switch
    {
        DatePrecision.Day => Day(d.Earliest!.Value.Year, d.Earliest.Value.Month, d.Earliest.Value.Day, approximate: true),
        DatePrecision.Month => Month(d.Earliest!.Value.Year, d.Earliest.Value.Month, approximate: true),
        _ => Year(d.Earliest!.Value.Year, approximate: true),
    };

    private static bool TryParseSingle(string text, out UncertainDate date)
    {
        date = Unknown;
        var s = text.Trim();
        var approximate = s.EndsWith('~') || s.EndsWith('?');
        if (approximate)
        {
            s = s[..^1];
        }

        var m = IsoDate().Match(s);
        if (m.Success)
        {
            return FromYearMonthDay(m, approximate, out date);
        }

        m = DayMonthYear().Match(s);
        if (m.Success)
        {
            var d = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            return Valid(y, mo, d) && Assign(Day(y, mo, d, approximate), out date);
        }

        m = KoreanOrChinese().Match(s);
        if (m.Success)
        {
            return FromYearMonthDay(m, approximate, out date);
        }

        if (DateTime.TryParseExact(s, ["MMMM yyyy", "MMM yyyy", "d MMMM yyyy", "MMMM d, yyyy", "d MMM yyyy", "MMM d, yyyy"],
                CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            var monthOnly = !s.Any(char.IsDigit) || s.Count(char.IsDigit) == 4;
            date = monthOnly ? Month(parsed.Year, parsed.Month, approximate) : Day(parsed.Year, parsed.Month, parsed.Day, approximate);
            return true;
        }

        return false;
    }

    /// <summary>A date from a match whose groups 1–3 are year, optional month, optional day.</summary>
    private static bool FromYearMonthDay(Match m, bool approximate, out UncertainDate date)
    {
        date = Unknown;
        var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!m.Groups[2].Success)
        {
            return Valid(y, 1, 1) && Assign(Year(y, approximate), out date);
        }

        var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (!m.Groups[3].Success)
        {
            return Valid(y, mo, 1) && Assign(Month(y, mo, approximate), out date);
        }

        var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return Valid(y, mo, d) && Assign(Day(y, mo, d, approximate), out date);
    }

    private static bool Valid(int year, int month, int day) =>
        year is >= 1000 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    [GeneratedRegex(@"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(\d{4})\s*[년年](?:\s*(\d{1,2})\s*[월月](?:\s*(\d{1,2})\s*[일日])?)?$")]
    private static partial Regex KoreanOrChinese();

    [GeneratedRegex(@"^(\d{4}~?)\s*[-–—]\s*(\d{4}~?)$")]
    private static partial Regex YearRange();
}
