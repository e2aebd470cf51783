namespace Tumen.Linkage.Generation;

/// <summary>Writes CSV rows for the generators (RFC 4180 quoting: a cell with a comma, quote or line break is quoted).</summary>
internal static class GeneratedCsv
{
    public static void WriteRow(TextWriter writer, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            writer.Write(cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }

        writer.Write('\n');
    }

    /// <summary>The non-empty, non-comment lines of an embedded data file, split at commas.</summary>
    public static IEnumerable<string[]> DataRows(string fileName) =>
        Tumen.Core.EmbeddedText.Read(typeof(GeneratedCsv).Assembly, fileName)
            .Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(','));
}
