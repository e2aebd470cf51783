using System.Globalization;
using Tumen.Core.Model;
using Tumen.Core.Places;
using Tumen.Linkage.Comparisons;

namespace Tumen.Linkage.Engine;

/// <summary>
/// Settings for a file that came without any: the kind of each column from its name and, where the name says
/// little (<c>by</c>, <c>col7</c>), from its content — names in any script, years, months, days, dates, places,
/// codes. Columns that cannot tell records apart (ids unique to each record, constants) are left out, because
/// comparing them only adds noise: an id never agrees and a constant always does.
/// </summary>
public static class SettingsInference
{
    private const int Sample = 5_000;

    /// <summary>Infers settings from the columns and their values; <see cref="LinkSettings.Infer(IReadOnlyList{string})"/> reads the names only.</summary>
    public static LinkSettings Infer(RecordTable records, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var byName = LinkSettings.Infer(records.ColumnNames);
        var comparisons = new List<ComparisonSpec>();
        foreach (var spec in byName.Comparisons)
        {
            var values = records.Column(spec.Column).Where(v => !RecordTable.IsMissing(v)).Take(Sample).Select(v => v!).ToList();
            var distinct = values.Distinct(StringComparer.Ordinal).Count();
            // Constant: one value in most records (a sex column of a list of women). A name column is kept whatever it
            // holds: several name columns are combined into one name per record.
            var constant = distinct == 0 || (distinct == 1 && values.Count >= records.Count / 2 && spec.Kind != "korean_name");
            if (constant || IsIdLike(spec.Column, values, distinct, records.Count))
            {
                continue;
            }

            comparisons.Add(spec.Kind == "text" ? spec with { Kind = KindFromContent(values, gazetteer ?? Gazetteer.Default) } : spec);
        }

        if (comparisons.Count == 0)
        {
            return byName;
        }

        return byName with { Comparisons = comparisons, Blocking = LinkSettings.InferBlocking(comparisons).ToList() };
    }

    // Every value different and shaped like a number or a code: a row number or someone's record id.
    private static bool IsIdLike(string column, List<string> values, int distinct, int records)
    {
        if (distinct < values.Count || values.Count < Math.Min(records, Sample) * 0.9)
        {
            return false;
        }

        var name = column.ToLowerInvariant();
        var named = name is "no" or "nr" or "number" or "row" or "index" || name.EndsWith("id", StringComparison.Ordinal) || name.EndsWith("_no", StringComparison.Ordinal);
        return named || values.All(v => v.Any(char.IsAsciiDigit) && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/'));
    }

    /// <summary>The kind of a column whose name says nothing, from (a sample of) its values.</summary>
    public static string KindFromContent(IReadOnlyList<string> values, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(gazetteer);
        if (values.Count == 0)
        {
            return "text";
        }

        var numbers = values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        if (numbers.TrueForAll(n => n >= 0))
        {
            var (min, max) = (numbers.Min(), numbers.Max());
            return (min, max) switch
            {
                ( >= 1850, <= 2100) => "year",
                ( >= 1, <= 12) when max > 1 => "month",
                ( >= 1, <= 31) when max > 12 => "day",
                _ => "exact",
            };
        }

        bool Most(Func<string, bool> test) => values.Count(test) >= values.Count * 0.9;

        if (Most(v => PartialDate.Parse(v) is { Year: > 0 } && v.Any(char.IsAsciiDigit) && v.Length >= 6))
        {
            return "date";
        }

        if (values.Count(v => PlaceNames.Resolve(gazetteer, v) is not null) >= values.Count * 0.5)
        {
            return "place";
        }

        if (Most(v => Scripts.Detect(v) is NameScript.Hangul or NameScript.Han or NameScript.Mixed && v.Length <= 24))
        {
            return "korean_name";
        }

        if (Most(v => v.Any(char.IsAsciiDigit) && !v.Contains(' ', StringComparison.Ordinal)))
        {
            return "exact";
        }

        return "text";
    }
}
