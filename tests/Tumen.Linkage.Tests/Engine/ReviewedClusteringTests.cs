using Tumen.Linkage.Engine;

namespace Tumen.Linkage.Tests.Engine;

public sealed class ReviewedClusteringTests
{
    private static LinkResult LinkFourRecords()
    {
        IReadOnlyDictionary<string, string?> Record(string id, string name, string born) =>
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["id"] = id, ["name"] = name, ["birth_date"] = born };
        IReadOnlyList<IReadOnlyDictionary<string, string?>> records =
        [
            Record("r1", "이금순", "1985-04-02"),
            Record("r2", "Lee Keum-soon", "1985-04-02"),
            Record("r3", "李今顺", "1985-04-02"),
            Record("r4", "박영희", "1962-11-30"),
            Record("r5", "최미란", "1990-07-15"),
        ];
        var table = RecordTable.FromRecords("id", [records]);
        return new LinkEngine().Link(table, LinkSettings.Infer(["id", "name", "birth_date"]), cancellationToken: TestContext.Current.CancellationToken);
    }

    private static string[] Clusters(LinkResult result, params PairDecision[] decisions)
    {
        var clusters = ReviewedClustering.Cluster(result, decisions);
        return [.. Enumerable.Range(0, clusters.Length).Select(i => clusters[i].ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Fact]
    public void WithoutDecisions_TheMachinesClustersStand()
    {
        var result = LinkFourRecords();
        var clusters = Clusters(result);
        clusters[0].ShouldBe(clusters[1]);
        clusters[0].ShouldBe(clusters[2]);
        clusters[3].ShouldNotBe(clusters[0]);
    }

    [Fact]
    public void TwoRecordsSaidToBeDifferentPeople_EndUpApart_GivingUpTheFewestLinks()
    {
        var clusters = Clusters(LinkFourRecords(), new PairDecision("r2", "r1", Same: false));
        clusters[0].ShouldNotBe(clusters[1]);
        // r3 stays with one of them: only the links that would join r1 and r2 are given up.
        (clusters[2] == clusters[0] || clusters[2] == clusters[1]).ShouldBeTrue();
        clusters.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void TwoRecordsSaidToBeOnePerson_AreLinked_AndUnknownIdsAreIgnored()
    {
        var clusters = Clusters(LinkFourRecords(), new PairDecision("r4", "r5", Same: true), new PairDecision("r4", "nobody", Same: false));
        clusters[3].ShouldBe(clusters[4]);
        clusters.Distinct().Count().ShouldBe(2);
    }
}
