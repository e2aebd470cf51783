using Tumen.Linkage.Engine;
using Tumen.Linkage.Generation;

namespace Tumen.Linkage.Tests.Generation;

public class GeneratedKoreanDataTests(ITestOutputHelper output)
{
    internal static RecordTable ToTable(IReadOnlyList<GeneratedRecord> records) =>
        RecordTable.FromRecords("id", [records.Select(r => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["id"] = r.Id,
            ["name"] = r.Name,
            ["birth_date"] = r.BirthDate,
            ["origin"] = r.Origin,
            ["cluster"] = r.Cluster,
        }).ToList()]);

    [Fact]
    public void Generator_SameSeed_SameRecords()
    {
        var a = new PersonGenerator(7).Generate(500, 0.3);
        var b = new PersonGenerator(7).Generate(500, 0.3);
        a.ShouldBe(b);
        a.Count.ShouldBe(500);
        a.Select(r => r.Cluster).Distinct().Count().ShouldBe(350);
    }

    [Fact]
    public void Generator_WritesManyScriptsAndRomanisations()
    {
        var names = new PersonGenerator(11).Generate(3000, 0.3).Select(r => r.Name).ToList();
        names.ShouldContain(n => Tumen.Linkage.Names.Hangul.IsSyllable(n[0]));
        names.ShouldContain(n => Tumen.Linkage.Names.HanCharacters.IsHan(n[0]));
        names.ShouldContain(n => n.Contains('ŏ') || n.Contains('ŭ'));
        names.ShouldContain(n => n.StartsWith("Ri ", StringComparison.Ordinal));
        names.ShouldContain(n => n.StartsWith("Piao", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void GeneratedKorean_30PercentDuplicates_F1AtLeast095()
    {
        var records = new PersonGenerator(2026).Generate(20_000, 0.3);
        var table = ToTable(records);
        var settings = LinkSettings.Infer(table.ColumnNames);
        var result = new LinkEngine().Link(table, settings, cancellationToken: TestContext.Current.CancellationToken);
        var score = PairwiseScore.Compute(result.ClusterOf, records.Select(r => r.Cluster).ToArray());
        output.WriteLine($"P={score.Precision:0.0000} R={score.Recall:0.0000} F1={score.F1:0.0000} candidates={result.Statistics.Comparisons} seconds={result.Statistics.Seconds:0.00}");
        score.F1.ShouldBeGreaterThanOrEqualTo(0.95);
    }
}
