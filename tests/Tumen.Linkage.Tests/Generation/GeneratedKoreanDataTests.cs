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
    public void Generator_GivenNames_ManyCombinationsWithAHeavyHead()
    {
        // Names written in Hangul as family name + two-syllable given name.
        var given = new PersonGenerator(5).Generate(30_000, 0)
            .Select(r => r.Name)
            .Where(n => n.Length == 3 && Tumen.Linkage.Names.Hangul.IsAllSyllables(n))
            .Select(n => n[1..].Replace('이', '리'))
            .ToList();
        given.Count.ShouldBeGreaterThan(3_000);
        var counts = given.GroupBy(g => g, StringComparer.Ordinal).Select(g => g.Count()).OrderByDescending(c => c).ToList();
        counts.Count.ShouldBeGreaterThan(given.Count / 4);
        // The commonest given name is worn by about 1 % of women, as the commonest of a birth cohort is.
        ((double)counts[0] / given.Count).ShouldBeInRange(0.004, 0.05);
    }

    [Fact]
    public void GeneratedKorean_30PercentDuplicates_F1AtLeast095()
    {
        // Reaches P 0.985, F1 0.960 on these 20,000 records.
        var score = LinkGenerated(seed: 2026, count: 20_000);
        score.Precision.ShouldBeGreaterThanOrEqualTo(0.98);
        score.F1.ShouldBeGreaterThanOrEqualTo(0.95);
    }

    [Theory]
    [InlineData(42)]
    [InlineData(2026)]
    public void GeneratedKorean_100000Records_30PercentDuplicates_F1AtLeast095(int seed)
    {
        // The acceptance criterion of issue 4: 100,000 generated records, 30 % duplicates; seed 42 is the
        // benchmark's data (docs/BENCHMARKS.md, Linkage), 2026 the weakest of the five seeds measured there.
        // Seed 42 reaches P 0.9716, R 0.9342, F1 0.9525; seed 2026 P 0.9744, R 0.9280, F1 0.9506.
        var score = LinkGenerated(seed, count: 100_000);
        score.Precision.ShouldBeGreaterThanOrEqualTo(0.97);
        score.F1.ShouldBeGreaterThanOrEqualTo(0.95);
    }

    // Generates records with 30 % duplicates, links them with inferred settings and scores the clusters against the truth.
    private PairwiseScore LinkGenerated(int seed, int count)
    {
        var records = new PersonGenerator(seed).Generate(count, 0.3);
        var table = ToTable(records);
        var settings = LinkSettings.Infer(table.ColumnNames);
        var result = new LinkEngine().Link(table, settings, cancellationToken: TestContext.Current.CancellationToken);
        var score = PairwiseScore.Compute(result.ClusterOf, records.Select(r => r.Cluster).ToArray());
        output.WriteLine($"P={score.Precision:0.00000} R={score.Recall:0.00000} F1={score.F1:0.00000} candidates={result.Statistics.Comparisons} seconds={result.Statistics.Seconds:0.00}");
        return score;
    }
}
