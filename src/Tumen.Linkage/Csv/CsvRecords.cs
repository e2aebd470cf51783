using System.Globalization;
using CsvHelper;
using Tumen.Core;
using Tumen.Linkage.Engine;

namespace Tumen.Linkage.Csv;

/// <summary>Reads record lists from CSV into a <see cref="RecordTable"/> and writes clusters and pairs back.</summary>
public static class CsvRecords
{
    private static readonly CsvReaderOptions Options = new() { TrimWhitespace = true, TrackLineNumbers = true };

    /// <summary>Reads the header of a CSV file (trimmed); throws a <see cref="TumenException"/> for an empty file.</summary>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        using var csv = Open(path);
        var header = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new TumenException($"{DisplayPath.NameOf(path)} is empty: expected a header line and records.", ExitCode.BadInput);
        }

        return header;
    }

    /// <summary>Reads one or more CSV files (each a source); every file must hold the id column.</summary>
    public static RecordTable Read(IReadOnlyList<string> paths, string idColumn)
    {
        var headers = paths.Select(ReadHeader).ToList();
        var columns = new List<string>();
        foreach (var h in headers.SelectMany(h => h))
        {
            if (!columns.Contains(h, StringComparer.Ordinal))
            {
                columns.Add(h);
            }
        }

        var builder = new RecordTable.Builder(idColumn, columns, paths.Select(Path.GetFileName).Select(n => n ?? "input").ToArray());
        for (var source = 0; source < paths.Count; source++)
        {
            var path = paths[source];
            var name = DisplayPath.NameOf(path);
            if (!headers[source].Contains(idColumn, StringComparer.Ordinal))
            {
                throw new TumenException($"{name} has no id column '{DisplayPath.Of(idColumn)}'.", ExitCode.BadInput);
            }

            var positions = columns.Select(c => Array.IndexOf(headers[source].ToArray(), c)).ToArray();
            using var csv = Open(path);
            var before = builder.Count;
            while (csv.Read())
            {
                var values = new string?[columns.Count];
                var any = false;
                for (var c = 0; c < columns.Count; c++)
                {
                    var p = positions[c];
                    values[c] = p >= 0 && p < csv.FieldCount ? csv.GetString(p) : null;
                    any |= !string.IsNullOrWhiteSpace(values[c]);
                }

                if (any)
                {
                    builder.Add(source, values, (int)csv.LineNumber);
                }
            }

            if (builder.Count == before)
            {
                throw new TumenException($"{name} has a header but no records.", ExitCode.BadInput);
            }
        }

        return builder.Build();
    }

    /// <summary>Writes <c>id,cluster_id</c> for every record.</summary>
    public static void WriteClusters(string path, LinkResult result)
    {
        using var csv = CsvWriter.ToFile(path);
        csv.WriteRecord("id", "cluster_id");
        var clusterIds = result.ClusterIds();
        for (var i = 0; i < result.Records.Count; i++)
        {
            csv.WriteRecord(result.Records.Ids[i], clusterIds[i]);
        }
    }

    /// <summary>Writes <c>id_l,id_r,match_probability</c> for the pairs at or above <paramref name="minimum"/>.</summary>
    public static void WritePairs(string path, LinkResult result, double minimum)
    {
        using var csv = CsvWriter.ToFile(path);
        csv.WriteRecord("id_l", "id_r", "match_probability");
        foreach (var p in result.Pairs.Where(p => p.Probability >= minimum))
        {
            csv.WriteRecord(result.Records.Ids[p.Left], result.Records.Ids[p.Right], p.Probability.ToString("0.######", CultureInfo.InvariantCulture));
        }
    }

    private static CsvReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new TumenException($"Input file not found: {DisplayPath.Of(path)}", ExitCode.BadInput);
        }

        return CsvReader.FromFile(path, Options);
    }
}
