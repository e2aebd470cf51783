using Tumen.Linkage.Csv;
using Tumen.Linkage.Engine;

namespace Tumen.Linkage.Tests.Engine;

public class BenchmarkDataTests(ITestOutputHelper output)
{
    private static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    private PairwiseScore RunFebrl(string file)
    {
        var path = DataPath(file);
        var settings = LinkSettings.Infer(CsvRecords.ReadHeader(path));
        var table = CsvRecords.Read([path], settings.IdColumn);
        var result = new LinkEngine().Link(table, settings, cancellationToken: TestContext.Current.CancellationToken);
        var truth = table.Ids.Select(id => id.Split('-')[1]).ToArray();
        var score = PairwiseScore.Compute(result.ClusterOf, truth);
        output.WriteLine($"{file}: P={score.Precision:0.0000} R={score.Recall:0.0000} F1={score.F1:0.0000} candidates={result.Statistics.Comparisons} lambda={result.MatchShare:0.0000} em={result.Statistics.EmIterations}");
        foreach (var c in result.Parameters)
        {
            output.WriteLine($"  {c.Column} ({c.Kind}): " + string.Join("; ", c.Levels.Select(l => $"{l.Label} m={l.M:0.000} u={l.U:0.0000}")));
        }

        return score;
    }

    [Theory]
    [InlineData("dataset1.csv")]
    [InlineData("dataset2.csv")]
    [InlineData("dataset3.csv")]
    public void Febrl_Unsupervised_F1AtLeast098(string file) => RunFebrl(file).F1.ShouldBeGreaterThanOrEqualTo(0.98);

    [Fact]
    public void Fake1000_F1AtLeast090()
    {
        var path = DataPath("fake_1000.csv");
        var settings = LinkSettings.Infer(CsvRecords.ReadHeader(path));
        settings.Comparisons.ShouldNotContain(c => c.Column == "cluster");
        var table = CsvRecords.Read([path], settings.IdColumn);
        var result = new LinkEngine().Link(table, settings, cancellationToken: TestContext.Current.CancellationToken);
        var score = PairwiseScore.Compute(result.ClusterOf, table.Column("cluster").Select(c => c!).ToArray());
        output.WriteLine($"fake_1000: P={score.Precision:0.0000} R={score.Recall:0.0000} F1={score.F1:0.0000} candidates={result.Statistics.Comparisons} lambda={result.MatchShare:0.0000} above={result.Statistics.PairsAboveThreshold} maxcluster={result.ClusterOf.GroupBy(c => c).Max(g => g.Count())}");
        output.WriteLine(string.Join(" | ", result.Settings.Blocking.Select(r => string.Join("+", r))));
        foreach (var c in result.Parameters)
        {
            output.WriteLine($"  {c.Column} ({c.Kind}): " + string.Join("; ", c.Levels.Select(l => $"{l.Label} m={l.M:0.000} u={l.U:0.0000}")));
        }

        score.F1.ShouldBeGreaterThanOrEqualTo(0.90);
    }
}
