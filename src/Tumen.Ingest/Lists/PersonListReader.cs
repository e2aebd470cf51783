using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tumen.Core;
using Tumen.Core.Model;
using Tumen.Core.Vocabularies;

namespace Tumen.Ingest.Lists;

/// <summary>A person list read and checked in full, ready to store.</summary>
public sealed record PersonList(string Sha256, IReadOnlyList<string> Columns, IReadOnlyList<PersonRecord> Records);

/// <summary>
/// Reads a person or incident list (CSV, UTF-8) and checks every row before anything is stored.
/// Errors name the file, line and column but never repeat a cell's content: the cell may be a
/// survivor's name.
/// </summary>
public static class PersonListReader
{
    /// <summary>The largest cell accepted; testimony longer than this belongs in a document.</summary>
    public const int MaxFieldChars = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and checks <paramref name="path"/>; throws <see cref="TumenException"/> (bad input) on the first problem.</summary>
    public static PersonList Read(string path, Vocabulary? vocabulary = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TumenException($"cannot read {path}: {ex.Message}", ex, ExitCode.BadInput);
        }

        return Parse(Path.GetFileName(path), bytes, vocabulary ?? Vocabulary.Default);
    }

    /// <summary>Parses list bytes; <paramref name="label"/> names the file in messages.</summary>
    public static PersonList Parse(string label, byte[] bytes, Vocabulary vocabulary)
    {
        var text = Decode(label, bytes);
        try
        {
            using var rows = Csv.Read(text, Csv.DetectDelimiter(text), MaxFieldChars).GetEnumerator();
            if (!rows.MoveNext())
            {
                throw new TumenException($"{label} is empty: expected a header row with at least one of name, name_ko, name_zh.", ExitCode.BadInput);
            }

            var header = Header(label, rows.Current.Cells);
            var records = new List<PersonRecord>();
            while (rows.MoveNext())
            {
                var row = rows.Current;
                if (row.Cells.Count != header.Count)
                {
                    throw new TumenException(
                        $"{label}, line {row.Line}: {row.Cells.Count} cells, but the header has {header.Count}; nothing was imported.", ExitCode.BadInput);
                }

                records.Add(ToRecord(label, row.Line, header, row.Cells, vocabulary));
            }

            return new PersonList(Convert.ToHexStringLower(SHA256.HashData(bytes)), header, records);
        }
        catch (CsvFormatException ex)
        {
            throw new TumenException($"{label}, {ex.Message}; nothing was imported.", ex, ExitCode.BadInput);
        }
    }

    private static string Decode(string label, byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw new TumenException($"{label} is UTF-16; save it as UTF-8 (CSV UTF-8 in spreadsheet programs) and import again.", ExitCode.BadInput);
        }

        var zero = Array.IndexOf(bytes, (byte)0);
        if (zero >= 0)
        {
            throw new TumenException($"{label} is not a text file (a zero byte at offset {zero}); expected a UTF-8 CSV.", ExitCode.BadInput);
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException ex)
        {
            // The decoder's exception carries the undecodable bytes, which may be part of a name: keep it out.
#pragma warning disable MA0054
            throw new TumenException(
                $"{label} is not valid UTF-8 (first bad byte at offset {ex.Index}); it may be EUC-KR, GB18030 or Latin-1: save it as UTF-8 and import again.",
                ExitCode.BadInput);
#pragma warning restore MA0054
        }
    }

    private static List<string> Header(string label, IReadOnlyList<string> cells)
    {
        var header = cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
        var duplicate = header.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Key.Length > 0 && g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TumenException($"{label}: the column '{duplicate.Key}' appears twice in the header.", ExitCode.BadInput);
        }

        if (header.Any(h => h.Length == 0))
        {
            throw new TumenException($"{label}: column {header.IndexOf("") + 1} of the header has no name.", ExitCode.BadInput);
        }

        if (!header.Intersect(PersonListColumns.NameColumns, StringComparer.Ordinal).Any())
        {
            throw new TumenException(
                $"{label} has no name column: expected at least one of name, name_ko, name_zh (found: {string.Join(", ", header.Take(20))}).",
                ExitCode.BadInput);
        }

        return header;
    }

    private static PersonRecord ToRecord(string label, long line, IReadOnlyList<string> header, IReadOnlyList<string> cells, Vocabulary vocabulary)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var value = Csv.UnguardFormula(cells[i].Trim()).Normalize(NormalizationForm.FormC);
            if (PersonListColumns.Known.Contains(header[i], StringComparer.Ordinal))
            {
                values[header[i]] = value;
            }
            else if (value.Length > 0)
            {
                attributes[header[i]] = value;
            }
        }

        string Cell(string column) => values.GetValueOrDefault(column, "");
        string? Optional(string column) => Cell(column) is { Length: > 0 } v ? v : null;

        var names = PersonListColumns.NameColumns
            .SelectMany(column => Cell(column).Split(PersonListColumns.NameSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(n => PersonName.Of(n))
            .ToList();
        return new PersonRecord
        {
            ExternalId = Optional(PersonListColumns.Id),
            Source = Optional(PersonListColumns.Source),
            Names = names,
            Sex = Sex(label, line, Cell(PersonListColumns.Sex), vocabulary),
            BirthDate = Cell(PersonListColumns.BirthDate),
            Origin = Optional(PersonListColumns.Origin),
            Violation = Violation(label, line, Optional(PersonListColumns.Violation), vocabulary),
            Date = Optional(PersonListColumns.Date),
            Place = Optional(PersonListColumns.Place),
            Testimony = Optional(PersonListColumns.Testimony),
            Attributes = attributes,
        };
    }

    private static string Sex(string label, long line, string text, Vocabulary vocabulary)
    {
        if (text.Length == 0)
        {
            return "unknown";
        }

        return vocabulary.ResolveSex(text) ?? throw new TumenException(
            $"{label}, line {line}, column sex: not a known value (use female, male, other, unknown, F or M).", ExitCode.BadInput);
    }

    private static string? Violation(string label, long line, string? text, Vocabulary vocabulary)
    {
        if (text is null)
        {
            return null;
        }

        return vocabulary.Resolve(Vocabulary.ViolationType, text) ?? throw new TumenException(
            $"{label}, line {line}, column violation: not a violation type id or label; 'tumen vocab violation_type' lists them.", ExitCode.BadInput);
    }
}
