using System.Globalization;
using Tumen.Core;
using Tumen.Core.Files;

namespace Tumen.Estimation.Input;

/// <summary>
/// Reads capture histories from CSV. Two shapes are accepted:
/// <list type="bullet">
/// <item>one 0/1 column per list and a last column with the number of people sharing the row's
/// pattern (any header name; recognised by its name — count, n, freq, frequency, number, total,
/// cases — or by holding a value other than 0 and 1);</item>
/// <item>one row per person, every column a 0/1 list column.</item>
/// </list>
/// The first row is a header of list names unless every field in it is a number, in which case
/// lists are named A, B, C, ... A column headed <c>stratum</c> splits the rows into strata.
/// Error messages name lines and columns, never field contents.
/// </summary>
public static class CaptureCsv
{
    private static readonly HashSet<string> CountHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "count", "counts", "n", "freq", "frequency", "number", "total", "cases", "weight",
    };

    /// <summary>
    /// The largest capture-history file read (checked before reading, see <see cref="InputFile"/>): a row
    /// per person for ten million people fits well within it.
    /// </summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Reads the file at <paramref name="path"/>, pooling strata if it has any.</summary>
    public static CaptureHistories ReadFile(string path) => ReadStratifiedFile(path).Total;

    /// <summary>Reads CSV text; <paramref name="source"/> names the input in error messages.</summary>
    public static CaptureHistories Read(TextReader reader, string source) => ReadStratified(reader, source).Total;

    /// <summary>Reads the file at <paramref name="path"/>, keeping strata apart when it has a <c>stratum</c> column.</summary>
    public static StratifiedHistories ReadStratifiedFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = InputFile.ReadAllBytes(path, MaxFileBytes);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), detectEncodingFromByteOrderMarks: true);
        return ReadStratified(reader, Path.GetFileName(path));
    }

    /// <summary>
    /// Reads CSV text whose header may include a column named <c>stratum</c> (period, province,
    /// sex, age group...): the total pools all rows, and each stratum is read on its own.
    /// </summary>
    public static StratifiedHistories ReadStratified(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        source = DisplayPath.Of(source);
        var rows = ReadRows(reader, source);
        if (rows.Count == 0)
        {
            throw new TumenException($"{source}: the file is empty.", ExitCode.BadInput);
        }

        var hasHeader = !rows[0].Fields.All(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var width = rows[0].Fields.Length;
        var stratumColumn = hasHeader
            ? Array.FindIndex(rows[0].Fields, f => string.Equals(f.Trim(), "stratum", StringComparison.OrdinalIgnoreCase))
            : -1;
        var columns = Enumerable.Range(0, width).Where(i => i != stratumColumn).ToArray();
        var header = hasHeader ? columns.Select(i => rows[0].Fields[i]).ToArray() : null;
        var data = hasHeader ? rows.Skip(1).ToList() : rows;
        if (data.Count == 0)
        {
            throw new TumenException($"{source}: the file has a header but no rows.", ExitCode.BadInput);
        }

        foreach (var row in data.Where(r => r.Fields.Length != width))
        {
            throw new TumenException(
                $"{source}: line {Line(row)} has {row.Fields.Length} fields where the first line has {width}.",
                ExitCode.BadInput);
        }

        var values = data.Select(r => columns.Select(i => r.Fields[i]).ToArray()).ToList();
        var hasCount = HasCountColumn(header, values, columns.Length);
        var listCount = hasCount ? columns.Length - 1 : columns.Length;
        if (listCount < 2)
        {
            throw new TumenException(
                $"{source}: estimation needs at least two list columns; found {listCount}.", ExitCode.BadInput);
        }

        var lists = Enumerable.Range(0, listCount)
            .Select(i => header is null || header[i].Trim().Length == 0 ? DefaultName(i) : header[i].Trim())
            .ToList();
        for (var i = 0; i < lists.Count; i++)
        {
            // List names are source labels, kept encrypted at rest: messages name columns by position.
            var again = lists.FindIndex(i + 1, l => string.Equals(l, lists[i], StringComparison.Ordinal));
            if (again >= 0)
            {
                throw new TumenException(
                    $"{source}: list columns {columns[i] + 1} and {columns[again] + 1} have the same name; each list needs its own.", ExitCode.BadInput);
            }
        }

        var patterns = new List<(string Stratum, PatternCount Pattern)>(data.Count);
        for (var r = 0; r < data.Count; r++)
        {
            var row = data[r];
            var fields = values[r];
            var mask = 0;
            for (var i = 0; i < listCount; i++)
            {
                var value = fields[i].Trim();
                if (string.Equals(value, "1", StringComparison.Ordinal))
                {
                    mask |= 1 << i;
                }
                else if (!string.Equals(value, "0", StringComparison.Ordinal))
                {
                    throw new TumenException(
                        $"{source}: line {Line(row)}, column {columns[i] + 1} must be 0 or 1.", ExitCode.BadInput);
                }
            }

            var count = hasCount ? ParseCount(row, columns[^1], source) : 1;
            if (mask == 0 && count > 0)
            {
                throw new TumenException(
                    $"{source}: line {Line(row)} puts people on no list; someone on no list cannot have been observed.",
                    ExitCode.BadInput);
            }

            if (count > 0)
            {
                var stratum = stratumColumn >= 0 ? row.Fields[stratumColumn].Trim() : string.Empty;
                patterns.Add((stratum, new PatternCount(mask, count)));
            }
        }

        var total = Create(lists, patterns.Select(p => p.Pattern), source);
        var strata = stratumColumn < 0
            ? []
            : patterns.GroupBy(p => p.Stratum, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Stratum(g.Key, lists, [.. g.Select(p => p.Pattern)]))
                .ToList();
        return new StratifiedHistories(total, strata);
    }

    private static CaptureHistories Create(List<string> lists, IEnumerable<PatternCount> patterns, string source)
    {
        try
        {
            return CaptureHistories.Create(lists, patterns);
        }
        catch (TumenException ex)
        {
            throw new TumenException($"{source}: {ex.Message}", ex, ex.ExitCode);
        }
    }

    private static bool HasCountColumn(string[]? header, List<string[]> data, int width)
    {
        if (header is not null && CountHeaders.Contains(header[width - 1].Trim()))
        {
            return true;
        }

        return data.Exists(fields =>
        {
            var value = fields[width - 1].Trim();
            return !string.Equals(value, "0", StringComparison.Ordinal) && !string.Equals(value, "1", StringComparison.Ordinal);
        });
    }

    private static long ParseCount(Row row, int column, string source)
    {
        var text = row.Fields[column].Trim();
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new TumenException(
                $"{source}: line {Line(row)}, count column {column + 1} is not a number.", ExitCode.BadInput);
        }

        if (value < 0)
        {
            throw new TumenException(
                $"{source}: line {Line(row)}, count column {column + 1} is negative; counts of people must be 0 or more.",
                ExitCode.BadInput);
        }

        if (value != decimal.Truncate(value))
        {
            throw new TumenException(
                $"{source}: line {Line(row)}, count column {column + 1} is fractional; counts of people must be whole numbers.",
                ExitCode.BadInput);
        }

        if (value > long.MaxValue / 4)
        {
            throw new TumenException($"{source}: line {Line(row)}, count column {column + 1} is too large.", ExitCode.BadInput);
        }

        return (long)value;
    }

    private static string Line(Row row) => row.Line.ToString(CultureInfo.InvariantCulture);

    private static string DefaultName(int i) =>
        i < 26 ? ((char)('A' + i)).ToString() : "L" + (i + 1).ToString(CultureInfo.InvariantCulture);

    private static List<Row> ReadRows(TextReader reader, string source)
    {
        var text = reader.ReadToEnd();
        try
        {
            return [.. Csv.Read(text, Csv.DetectDelimiter(text))
                .Where(r => r.Cells.Count > 1 || !string.IsNullOrWhiteSpace(r.Cells[0]))
                .Select(r => new Row((int)r.Line, [.. r.Cells]))];
        }
        catch (CsvFormatException ex)
        {
            throw new TumenException($"{source}: {ex.Message}.", ex, ExitCode.BadInput);
        }
    }

    private sealed record Row(int Line, string[] Fields);
}
