using Tumen.Linkage.Csv;
using Tumen.Linkage.Engine;

namespace Tumen.Linkage.Tests.Engine;

/// <summary>
/// RLdata500 (R's RecordLinkage package): German names in two parts with NA, birth year, month and day in three
/// columns, 10 % duplicates with typos. The truth column ent_id is removed before linking.
/// </summary>
public class RLdataTests(ITestOutputHelper output)
{
    private const string Explicit = """
        {"id": "rec_id", "comparisons": {"fname_c1": "given_name", "fname_c2": "given_name", "lname_c1": "surname", "lname_c2": "surname",
         "by": "year", "bm": "month", "bd": "day"},
         "blocking": [["fname_c1"], ["lname_c1"], ["by", "bm", "bd"]]}
        """;

    private static (RecordTable Records, string[] Truth) Load()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Data", "RLdata500.csv");
        var lines = File.ReadAllLines(source);
        var header = lines[0].Split(',');
        var truthAt = Array.IndexOf(header, "ent_id");
        var truth = lines.Skip(1).Select(l => l.Split(',')[truthAt]).ToArray();
        var input = Path.Combine(Path.GetTempPath(), $"rldata500-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(input, lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != truthAt))));
        try
        {
            return (CsvRecords.Read([input], "rec_id"), truth);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private PairwiseScore Link(RecordTable records, string[] truth, LinkSettings settings)
    {
        var result = new LinkEngine().Link(records, settings, cancellationToken: TestContext.Current.CancellationToken);
        var score = PairwiseScore.Compute(result.ClusterOf, truth);
        output.WriteLine($"P={score.Precision:0.0000} R={score.Recall:0.0000} F1={score.F1:0.0000} threshold={settings.Threshold} blocking={string.Join(" | ", settings.Blocking.Select(r => string.Join("+", r)))}");
        return score;
    }

    [Fact]
    public void RLdata500_InferredSettings_F1AtLeast098()
    {
        var (records, truth) = Load();
        Link(records, truth, SettingsInference.Infer(records)).F1.ShouldBeGreaterThanOrEqualTo(0.98);
    }

    [Fact]
    public void RLdata500_ExplicitSettings_F1AtLeast098()
    {
        var (records, truth) = Load();
        Link(records, truth, LinkSettings.Parse(Explicit, records.ColumnNames)).F1.ShouldBeGreaterThanOrEqualTo(0.98);
    }

    [Fact]
    public void RLdata500_Inference_RecognisesKindsAndBlocksSelectively()
    {
        var (records, _) = Load();
        var settings = SettingsInference.Infer(records);
        settings.Comparisons.ShouldBe(
            [new("fname_c1", "given_name"), new("fname_c2", "given_name"), new("lname_c1", "surname"), new("lname_c2", "surname"), new("by", "year"), new("bm", "month"), new("bd", "day")]);
        settings.Blocking.ShouldNotContain(r => r.Count == 1 && (r[0] == "bm" || r[0] == "bd" || r[0] == "by"));
        records.Column("fname_c2").ShouldContain((string?)null);
        records.Column("fname_c2").ShouldNotContain("NA");
    }
}
