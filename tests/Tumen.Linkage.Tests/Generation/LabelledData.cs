using System.Text;
using Tumen.Linkage.Csv;
using Tumen.Linkage.Engine;
using Tumen.Linkage.Generation.FieldRecords;
using Tumen.Linkage.Generation.GermanLists;

namespace Tumen.Linkage.Tests.Generation;

/// <summary>
/// Records with known truth, read as <c>tumen link --input</c> reads them (the truth column removed from the
/// file), for tests of the form "F1 ≥ X on generator Y at seed Z":
/// <code>
/// var score = LabelledData.FieldRecords(100_000, seed: 11).Link(ct);
/// score.F1.ShouldBeGreaterThanOrEqualTo(0.95);
/// </code>
/// Settings are inferred from the header as without <c>--settings</c>, or parsed from <paramref name="settingsJson"/>.
/// </summary>
internal static class LabelledData
{
    /// <summary>Korean women's records from five kinds of sources (docs/generators.md), truth <c>person_id</c>.</summary>
    public static LabelledTable FieldRecords(int count, int seed, string? settingsJson = null)
    {
        var records = new FieldRecordGenerator(seed).Generate(count);
        return Load($"field-{count}-{seed}", w => FieldRecordGenerator.WriteCsv(w, records, withTruth: false), records.Select(r => r.PersonId).ToArray(), settingsJson);
    }

    /// <summary>German-style lists in RLdata500's shape, 10 % duplicates by default, truth <c>ent_id</c>.</summary>
    public static LabelledTable GermanList(int count, int seed, string? settingsJson = null, double duplicates = 0.1)
    {
        var records = new GermanListGenerator(seed).Generate(count, duplicates);
        return Load($"german-{count}-{seed}", w => GermanListGenerator.WriteCsv(w, records, withTruth: false), records.Select(r => r.EntityId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), settingsJson);
    }

    /// <summary>RLdata500 from R's RecordLinkage package (tests' Data folder), <c>ent_id</c> removed from the input.</summary>
    public static LabelledTable RLdata500(string? settingsJson = null)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "RLdata500.csv"));
        var header = lines[0].Split(',');
        var truthAt = Array.IndexOf(header, "ent_id");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        return Load(
            "rldata500",
            w =>
            {
                foreach (var cells in new[] { header }.Concat(rows))
                {
                    w.Write(string.Join(',', cells.Where((_, i) => i != truthAt)) + "\n");
                }
            },
            rows.Select(r => r[truthAt]).ToArray(),
            settingsJson);
    }

    /// <summary>Settings naming the columns of the German lists and RLdata500 (as a user would write them).</summary>
    public const string GermanSettings = """
        {"id": "rec_id", "comparisons": {"fname_c1": "given_name", "fname_c2": "given_name", "lname_c1": "surname", "lname_c2": "surname", "by": "exact", "bm": "exact", "bd": "exact"},
         "blocking": [["lname_c1", "by"], ["fname_c1", "by"], ["by", "bm", "bd"], ["fname_c1", "lname_c1"]]}
        """;

    /// <summary>Settings naming the columns of the field records, each name column compared as a Korean name.</summary>
    public const string FieldSettings = """
        {"id": "id", "comparisons": {"name": "korean_name", "name_ko": "korean_name", "name_zh": "korean_name", "sex": "category", "birth_date": "date", "origin": "place"},
         "blocking": [["name", "birth_date:year"], ["name_ko", "birth_date:year"], ["name_zh", "birth_date:year"], ["name_ko", "origin"], ["name_zh", "origin"], ["name", "origin"]]}
        """;

    private static LabelledTable Load(string name, Action<TextWriter> write, IReadOnlyList<string> truth, string? settingsJson)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tumen-labelled-{name}-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
            {
                write(writer);
            }

            var header = CsvRecords.ReadHeader(path);
            var settings = settingsJson is null ? LinkSettings.Infer(header) : LinkSettings.Parse(settingsJson, header);
            var table = CsvRecords.Read([path], settings.IdColumn);
            table.Count.ShouldBe(truth.Count, "every generated record is read");
            return new LabelledTable(table, settings, truth);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>A table as linkage reads it, the settings to link it with, and the truth per record (same order).</summary>
internal sealed record LabelledTable(RecordTable Table, LinkSettings Settings, IReadOnlyList<string> Truth)
{
    /// <summary>Links the table with today's engine and scores the clusters pairwise against the truth.</summary>
    public PairwiseScore Link(CancellationToken cancellationToken) => Score(new LinkEngine().Link(Table, Settings, cancellationToken: cancellationToken));

    public PairwiseScore Score(LinkResult result) => PairwiseScore.Compute(result.ClusterOf, Truth);
}
