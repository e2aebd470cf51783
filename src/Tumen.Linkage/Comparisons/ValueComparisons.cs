using System.Globalization;
using Tumen.Core.Places;

namespace Tumen.Linkage.Comparisons;

/// <summary>A comparison of normalised text values, held once per distinct value and adjusted for term frequency.</summary>
public abstract class NormalisedTextComparison(string column, string kind, IReadOnlyList<string> levels) : Comparison(column, kind, levels)
{
    /// <summary>Per record, the index of its distinct normalised value (-1 when missing).</summary>
    protected int[] Ids { get; private set; } = [];

    /// <summary>The distinct normalised values.</summary>
    protected IReadOnlyList<string> Values { get; private set; } = [];

    /// <inheritdoc/>
    public override void Prepare(IReadOnlyList<string?> values)
    {
        (Ids, var distinct) = Intern(values, Normalise);
        Values = distinct;
        SetTermFrequencies(Ids.Select(id => id < 0 ? null : distinct[id]).ToArray());
    }

    /// <inheritdoc/>
    public override string? BlockingKey(int record, string? part) => Ids[record] < 0 ? null : Values[Ids[record]];
}

/// <summary><c>exact</c> and <c>category</c>: equal or not, with term-frequency adjustment on agreement.</summary>
public sealed class ExactComparison(string column, string kind = "exact") : NormalisedTextComparison(column, kind, ["equal", "different"])
{
    /// <inheritdoc/>
    public override bool IsCheap => true;

    /// <inheritdoc/>
    public override IReadOnlyList<double> PriorM => [0.9, 0.1];

    /// <inheritdoc/>
    public override int Compare(int i, int j) => Trivial(Ids[i], Ids[j]) ?? 1;
}

/// <summary><c>text</c>: free text compared by Jaro–Winkler after normalisation.</summary>
public sealed class TextComparison(string column) : NormalisedTextComparison(column, "text", ["exact", "Jaro-Winkler >= 0.92", "Jaro-Winkler >= 0.80", "different"])
{
    /// <inheritdoc/>
    public override IReadOnlyList<double> PriorM => [0.8, 0.1, 0.05, 0.05];

    /// <inheritdoc/>
    public override int Compare(int i, int j)
    {
        var a = Ids[i];
        var b = Ids[j];
        if (Trivial(a, b) is { } level)
        {
            return level;
        }

        var jw = Similarity.JaroWinkler(Values[a], Values[b]);
        return jw >= 0.92 ? 1 : jw >= 0.8 ? 2 : 3;
    }
}

/// <summary>A possibly partial date: year, month and day (0 when unknown).</summary>
public readonly record struct PartialDate(int Year, int Month, int Day)
{
    /// <summary>Whether year, month and day are all known.</summary>
    public bool IsFull => Year > 0 && Month > 0 && Day > 0;

    /// <summary>Parses yyyymmdd, yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd, dd/mm/yyyy, dd.mm.yyyy, yyyy-mm, yyyy; null when unreadable.</summary>
    public static PartialDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        var parts = t.Split(['-', '/', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && parts[0].Length == 8 && parts[0].All(char.IsAsciiDigit))
        {
            return new PartialDate(Int(parts[0][..4]), Int(parts[0][4..6]), Int(parts[0][6..]));
        }

        if (!parts.All(p => p.All(char.IsAsciiDigit)) || parts.Length == 0 || parts.Length > 3)
        {
            return null;
        }

        if (parts[0].Length == 4)
        {
            return new PartialDate(Int(parts[0]), parts.Length > 1 ? Int(parts[1]) : 0, parts.Length > 2 ? Int(parts[2]) : 0);
        }

        if (parts.Length == 3 && parts[2].Length == 4)
        {
            return new PartialDate(Int(parts[2]), Int(parts[1]), Int(parts[0]));
        }

        return null;
    }

    /// <summary>yyyymmdd with zeros for unknown parts.</summary>
    public string Digits() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}{Month:00}{Day:00}");

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>date</c>: exact; day and month swapped or one day apart; the year one off (day and month agreeing);
/// one typing slip; same year; different. A swap, a day's difference or a year's difference with the same
/// day and month is far rarer by chance than a slip in any of eight digits, so each is its own level and EM
/// weighs it.
/// </summary>
public sealed class DateComparison(string column) : Comparison(column, "date", ["exact", "day/month swapped or one day apart", "year off by one", "one digit off", "same year, day unknown", "same year", "different"])
{
    /// <inheritdoc/>
    public override bool IsCheap => true;

    private PartialDate[] _dates = [];
    private int[] _dayNumbers = [];
    private string?[] _digits = [];
    private string?[] _years = [];
    private string?[] _monthDays = [];

    /// <inheritdoc/>
    public override IReadOnlyList<double> PriorM => [0.75, 0.06, 0.03, 0.03, 0.05, 0.04, 0.04];

    /// <inheritdoc/>
    public override void Prepare(IReadOnlyList<string?> values)
    {
        var (ids, distinct) = Intern(values, v => string.IsNullOrWhiteSpace(v) ? null : v.Trim());
        var parsed = distinct.Select(PartialDate.Parse).ToArray();
        var dayNumbers = parsed.Select(d => d is { IsFull: true } f && f.Month <= 12 && f.Day <= DateTime.DaysInMonth(Math.Clamp(f.Year, 1, 9999), f.Month) && f.Year is >= 1 and <= 9999
            ? new DateOnly(f.Year, f.Month, f.Day).DayNumber
            : -1).ToArray();
        // Keys are made once per distinct value and shared by its records.
        var digits = parsed.Select(d => d?.Digits()).ToArray();
        var years = digits.Select(d => d?[..4]).ToArray();
        var monthDays = parsed.Select((d, x) => d is { IsFull: true } ? digits[x]![4..] : null).ToArray();
        _dates = new PartialDate[ids.Length];
        _dayNumbers = new int[ids.Length];
        _digits = new string?[ids.Length];
        _years = new string?[ids.Length];
        _monthDays = new string?[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] >= 0 && parsed[ids[i]] is { } d)
            {
                _dates[i] = d;
                _dayNumbers[i] = dayNumbers[ids[i]];
                _digits[i] = digits[ids[i]];
                _years[i] = years[ids[i]];
                _monthDays[i] = monthDays[ids[i]];
            }
        }
    }

    /// <inheritdoc/>
    public override int Compare(int i, int j)
    {
        var a = _digits[i];
        var b = _digits[j];
        if (a is null || b is null)
        {
            return Missing;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return _dates[i].IsFull ? 0 : 4;
        }

        var x = _dates[i];
        var y = _dates[j];
        if (x.IsFull && y.IsFull)
        {
            if ((x.Year == y.Year && x.Month == y.Day && x.Day == y.Month)
                || (_dayNumbers[i] >= 0 && _dayNumbers[j] >= 0 && Math.Abs(_dayNumbers[i] - _dayNumbers[j]) == 1))
            {
                return 1;
            }

            // Birth years worked out from an age are often one off; the day and month then still agree.
            if (Math.Abs(x.Year - y.Year) == 1 && x.Month == y.Month && x.Day == y.Day)
            {
                return 2;
            }

            if (Similarity.Levenshtein(a, b, 1) <= 1)
            {
                return 3;
            }
        }

        if (x.Year != y.Year)
        {
            return 6;
        }

        var compatible = (x.Month == 0 || y.Month == 0 || x.Month == y.Month) && (x.Day == 0 || y.Day == 0 || x.Day == y.Day);
        return compatible ? 4 : 5;
    }

    /// <inheritdoc/>
    public override string? BlockingKey(int record, string? part)
    {
        var d = _digits[record];
        if (d is null)
        {
            return null;
        }

        return part switch
        {
            "year" => _years[record],
            "month_day" => _monthDays[record],
            "year_month" => _dates[record].IsFull ? d[..6] : null,
            _ => _dates[record].IsFull ? d : null,
        };
    }
}

/// <summary><c>year</c>: a year (or the year of a date): same, one apart, two or three apart, different.</summary>
public sealed class YearComparison(string column) : Comparison(column, "year", ["same year", "one year apart", "two or three years apart", "different"])
{
    /// <inheritdoc/>
    public override bool IsCheap => true;

    private int[] _years = [];

    /// <inheritdoc/>
    public override IReadOnlyList<double> PriorM => [0.85, 0.08, 0.04, 0.03];

    /// <summary>Reads the year from a year, a date, or text holding a four-digit year; 0 when none.</summary>
    public static int ReadYear(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        if (PartialDate.Parse(text) is { Year: > 0 } d)
        {
            return d.Year;
        }

        var t = text.AsSpan().Trim();
        for (var k = 0; k + 4 <= t.Length; k++)
        {
            if (int.TryParse(t.Slice(k, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1850 and <= 2100)
            {
                return y;
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    public override void Prepare(IReadOnlyList<string?> values)
    {
        _years = values.Select(ReadYear).ToArray();
    }

    /// <inheritdoc/>
    public override int Compare(int i, int j)
    {
        var a = _years[i];
        var b = _years[j];
        if (a == 0 || b == 0)
        {
            return Missing;
        }

        var d = Math.Abs(a - b);
        return d == 0 ? 0 : d == 1 ? 1 : d <= 3 ? 2 : 3;
    }

    /// <inheritdoc/>
    public override string? BlockingKey(int record, string? part) =>
        _years[record] == 0 ? null : _years[record].ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>place</c>: places resolved through the gazetteer in any of its languages and compared along its
/// hierarchy (same place; one within the other, as a county and its province; same county or city; same
/// province; same country); unknown places fall back to their text.
/// </summary>
public sealed class PlaceComparison(string column, Gazetteer gazetteer) : Comparison(column, "place",
    ["same place", "one place within the other", "same county or city", "same province", "same country", "different"])
{
    /// <inheritdoc/>
    public override bool IsCheap => true;

    private int[] _ids = [];
    private int[][] _ancestry = [];
    private string[] _kinds = [];
    private List<string> _distinct = [];
    private string[] _text = [];

    /// <inheritdoc/>
    public override IReadOnlyList<double> PriorM => [0.7, 0.1, 0.05, 0.05, 0.05, 0.05];

    /// <inheritdoc/>
    public override void Prepare(IReadOnlyList<string?> values)
    {
        (_ids, _distinct) = Intern(values, v => string.IsNullOrWhiteSpace(v) ? null : v.Trim());
        var placeIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _ancestry = new int[_distinct.Count][];
        _kinds = new string[_distinct.Count];
        for (var d = 0; d < _distinct.Count; d++)
        {
            var place = PlaceNames.Resolve(gazetteer, _distinct[d]);
            if (place is null)
            {
                _ancestry[d] = [];
                _kinds[d] = "";
                continue;
            }

            _kinds[d] = place.Kind;
            _ancestry[d] = gazetteer.Ancestry(place.Id).Select(p =>
            {
                if (!placeIds.TryGetValue(p.Id, out var id))
                {
                    id = placeIds.Count;
                    placeIds[p.Id] = id;
                }

                return id;
            }).ToArray();
        }

        _text = [.. _distinct.Select(PlaceNames.TextKey)];
        SetTermFrequencies(_ids.Select(id => id < 0 ? null : _ancestry[id].Length > 0 ? "#" + _ancestry[id][0].ToString(CultureInfo.InvariantCulture) : _text[id]).ToArray());
    }

    /// <inheritdoc/>
    public override int Compare(int i, int j)
    {
        var a = _ids[i];
        var b = _ids[j];
        if (Trivial(a, b) is { } level)
        {
            return level;
        }

        var pa = _ancestry[a];
        var pb = _ancestry[b];
        if (pa.Length == 0 || pb.Length == 0)
        {
            // Places the gazetteer does not know are compared as text, without their administrative affix.
            if (pa.Length != pb.Length)
            {
                return 5;
            }

            return string.Equals(_text[a], _text[b], StringComparison.Ordinal) ? 0 : Similarity.JaroWinkler(_text[a], _text[b]) >= 0.92 ? 2 : 5;
        }

        if (pa[0] == pb[0])
        {
            return 0;
        }

        // Shared ancestors, counted from the country down: depth 1 = same country, 2 = same province, 3+ = same county or city.
        var shared = 0;
        for (var k = 1; k <= Math.Min(pa.Length, pb.Length); k++)
        {
            if (pa[^k] != pb[^k])
            {
                break;
            }

            shared = k;
        }

        // A county and its province are one origin written coarsely once; two counties of one province are
        // two origins. Containment below the country is its own level.
        if (shared >= 2 && (pa.Contains(pb[0]) || pb.Contains(pa[0])))
        {
            return 1;
        }

        return shared >= 3 ? 2 : shared == 2 ? 3 : shared == 1 ? 4 : 5;
    }

    /// <inheritdoc/>
    public override string? BlockingKey(int record, string? part)
    {
        var id = _ids[record];
        if (id < 0)
        {
            return null;
        }

        var chain = _ancestry[id];
        if (chain.Length == 0)
        {
            return _text[id];
        }

        return part == "province" && chain.Length >= 2
            ? "#" + chain[^2].ToString(CultureInfo.InvariantCulture)
            : "#" + chain[0].ToString(CultureInfo.InvariantCulture);
    }
}
