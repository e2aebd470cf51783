using System.Text;

namespace Tumen.Core;

/// <summary>One CSV row and the line it starts on (1-based), for messages that point at it.</summary>
public sealed record CsvRow(long Line, IReadOnlyList<string> Cells);

/// <summary>A CSV problem at a line; the message never repeats cell content.</summary>
public sealed class CsvFormatException(string message, long line) : FormatException(message)
{
    public long Line { get; } = line;
}

/// <summary>
/// RFC 4180 CSV for every table Tumen reads or writes: quoted cells may hold delimiters, quotes and
/// newlines; a cell longer than the limit or a quote left open is an error with its line number.
/// </summary>
public static class Csv
{
    /// <summary>Guesses the delimiter from the first line: comma, semicolon or tab.</summary>
    public static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        char[] candidates = [',', ';', '\t'];
        return candidates.OrderByDescending(c => first.Count(x => x == c)).First();
    }

    /// <summary>Splits CSV text into rows; blank lines are skipped.</summary>
    public static IEnumerable<CsvRow> Read(string text, char delimiter = ',', int maxCellChars = int.MaxValue)
    {
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        long line = 1;
        var rowLine = line;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (cell.Length >= maxCellChars)
            {
                throw new CsvFormatException($"line {rowLine}: a cell is longer than {maxCellChars:N0} characters", rowLine);
            }

            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0 && !wasQuoted)
            {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == '"' || (wasQuoted && c != delimiter && c != '\n' && c != '\r'))
            {
                throw new CsvFormatException($"line {rowLine}: a quote is out of place (quote the whole cell and double quotes inside it)", rowLine);
            }
            else if (c == delimiter)
            {
                row.Add(cell.ToString());
                cell.Clear();
                wasQuoted = false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                wasQuoted = false;
                if (row.Count > 1 || row[0].Length > 0)
                {
                    yield return new CsvRow(rowLine, row);
                }

                row = [];
                line++;
                rowLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new CsvFormatException($"line {rowLine}: a quoted cell is never closed", rowLine);
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            yield return new CsvRow(rowLine, row);
        }
    }

    /// <summary>Parses a small embedded table into rows of cells.</summary>
    public static List<List<string>> Parse(string text) => [.. Read(text).Select(r => r.Cells.ToList())];

    /// <summary>
    /// Writes one row, quoting only cells that need it. Every cell, header cells included, goes through
    /// <see cref="GuardFormula"/> unless <paramref name="guardFormulas"/> is false (only for files no
    /// spreadsheet will open): a column name taken from an imported list is outside input too.
    /// </summary>
    public static void WriteRow(TextWriter writer, IEnumerable<string> cells, char delimiter = ',', bool guardFormulas = true)
    {
        var first = true;
        foreach (var value in cells)
        {
            if (!first)
            {
                writer.Write(delimiter);
            }

            first = false;
            var cell = guardFormulas ? GuardFormula(value) : value;
            if (cell.AsSpan().IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 || (cell.Length > 0 && (cell[0] == ' ' || cell[^1] == ' ')))
            {
                writer.Write('"');
                writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(cell);
            }
        }

        writer.Write("\r\n");
    }

    /// <summary>
    /// A cell that a spreadsheet would run as a formula (it starts with = + - @, their full-width forms
    /// ＝ ＋ － ＠ that some spreadsheets fold to them, a tab or a carriage return) with a leading
    /// apostrophe, which spreadsheets show as text and <see cref="UnguardFormula"/> removes on import.
    /// </summary>
    public static string GuardFormula(string cell) =>
        cell.Length > 0 && IsFormulaStart(cell[0]) ? "'" + cell : cell;

    /// <summary>Undoes <see cref="GuardFormula"/>.</summary>
    public static string UnguardFormula(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && IsFormulaStart(cell[1]) ? cell[1..] : cell;

    private static bool IsFormulaStart(char c) =>
        c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
}
