using Tumen.Core.Model;
using Tumen.Linkage.Engine;

namespace Tumen.Linkage.Names;

/// <summary>
/// One name column in any script from several per-script ones (name, name_ko, name_zh). The name
/// comparison and the phonetic blocking key work across scripts, but only within a column: a woman
/// written in Latin letters on one list and in Han characters on another would never meet herself if
/// each script kept its own column.
/// </summary>
public static class CombinedName
{
    /// <summary>The column that holds the combined name (it replaces a column of that name).</summary>
    public const string Column = "name";

    /// <summary>The most telling of a record's names: Hangul first (it fixes the Korean reading), then Han characters, then a romanisation.</summary>
    public static string? Preferred(IEnumerable<string?> names)
    {
        var present = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).ToList();
        return present.FirstOrDefault(n => Scripts.Detect(n) == NameScript.Hangul)
            ?? present.FirstOrDefault(n => Scripts.Detect(n) == NameScript.Han)
            ?? present.FirstOrDefault();
    }

    /// <summary>
    /// When inferred settings compare two or more whole-name columns, compares one combined column instead
    /// (blocking included); other settings are returned unchanged.
    /// </summary>
    public static (RecordTable Records, LinkSettings Settings) Apply(RecordTable records, LinkSettings inferred)
    {
        var nameColumns = inferred.Comparisons.Where(c => c.Kind == "korean_name").Select(c => c.Column).ToList();
        if (nameColumns.Count < 2)
        {
            return (records, inferred);
        }

        var values = nameColumns.Select(records.Column).ToList();
        var combined = Enumerable.Range(0, records.Count).Select(i => Preferred(values.Select(v => v[i]))).ToList();
        var comparisons = inferred.Comparisons.Where(c => !nameColumns.Contains(c.Column, StringComparer.Ordinal)).Append(new ComparisonSpec(Column, "korean_name")).ToList();
        var settings = inferred with { Comparisons = comparisons, Blocking = LinkSettings.InferBlocking(comparisons).ToList() };
        return (records.WithColumn(Column, combined), settings);
    }
}
