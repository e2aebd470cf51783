using Tumen.Core;
using Tumen.Linkage.Comparisons;
using Tumen.Linkage.Engine;
using Tumen.Linkage.Generation;
using Tumen.Linkage.Tests.Generation;

namespace Tumen.Linkage.Tests.Engine;

public class LinkEngineTests
{
    internal static Dictionary<string, string?> Row(string id, string name, string? birth, string? origin) =>
        new(StringComparer.Ordinal) { ["id"] = id, ["name"] = name, ["birth_date"] = birth, ["origin"] = origin, ["cluster"] = id };

    internal static (RecordTable Table, LinkResult Result) LinkWithBackground(params Dictionary<string, string?>[] extra)
    {
        var background = new PersonGenerator(77).Generate(3000, 0.3)
            .Select(r => Row(r.Id, r.Name, r.BirthDate, r.Origin))
            .Concat(extra)
            .Select(r => (IReadOnlyDictionary<string, string?>)r)
            .ToList();
        var table = RecordTable.FromRecords("id", [background]);
        var result = new LinkEngine().Link(table, LinkSettings.Infer(table.ColumnNames), cancellationToken: TestContext.Current.CancellationToken);
        return (table, result);
    }

    internal static int Index(RecordTable table, string id) => table.Ids.ToList().IndexOf(id);

    [Fact]
    public void LeeKeumSoon_AllScripts_OneClusterWhenBirthYearsAgree()
    {
        var (table, result) = LinkWithBackground(
            Row("K1", "이금순", "1975-03-02", "혜산"),
            Row("K2", "Lee Keum-soon", "1975-03-02", "Hyesan"),
            Row("K3", "Yi Kŭm-sun", "1975", null),
            Row("K4", "Ri Kum Sun", "02.03.1975", "惠山市"),
            Row("K5", "李今顺", "1975-03-02", null),
            Row("K6", "Li Jinshun", "1975", "Hyesan"));
        var cluster = result.ClusterOf[Index(table, "K1")];
        foreach (var id in new[] { "K2", "K3", "K4", "K5", "K6" })
        {
            result.ClusterOf[Index(table, id)].ShouldBe(cluster, id);
        }
    }

    [Fact]
    public void KimJeongSuk_KimJeongSun_DifferentBirthYears_NotLinked()
    {
        var (table, result) = LinkWithBackground(
            Row("J1", "김정숙", "1962-05-01", "청진"),
            Row("J2", "김정순", "1979-05-01", "청진"));
        result.ClusterOf[Index(table, "J1")].ShouldNotBe(result.ClusterOf[Index(table, "J2")]);
        result.Explain("J1", "J2").Probability.ShouldBeLessThan(0.5);
    }

    [Fact]
    public void Explain_ListsEachComparisonAndAddsUp()
    {
        var (_, result) = LinkWithBackground(
            Row("E1", "박영희", "1980-01-02", "Musan"),
            Row("E2", "Pak Yong Hui", "1980-02-01", "무산군"));
        var explanation = result.Explain("E1", "E2");
        explanation.Contributions.Select(c => c.Column).ShouldBe(["name", "birth_date", "origin"]);
        explanation.Contributions[0].Level.ShouldBe("same name (any script)");
        explanation.Contributions[1].Level.ShouldBe("day/month swapped or one day apart");
        explanation.Contributions[2].Level.ShouldBe("same place");
        var total = explanation.PriorWeight + explanation.Contributions.Sum(c => c.Weight + c.TermFrequencyAdjustment);
        explanation.TotalWeight.ShouldBe(total, 1e-9);
        explanation.Probability.ShouldBe(1 / (1 + Math.Exp(-total)), 1e-9);
        explanation.Probability.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void Clusterer_SplitsLongChainAtWeakestLink()
    {
        ScoredPair[] chain =
        [
            new(0, 1, 0.99), new(1, 2, 0.98), new(2, 3, 0.55), new(3, 4, 0.97), new(4, 5, 0.99),
        ];
        var clusters = Clusterer.Cluster(6, chain, threshold: 0.5, minDensity: 0.5);
        clusters[0].ShouldBe(clusters[2]);
        clusters[3].ShouldBe(clusters[5]);
        clusters[0].ShouldNotBe(clusters[3]);
    }

    [Fact]
    public void Clusterer_KeepsDenseCluster()
    {
        var pairs = new List<ScoredPair>();
        for (var i = 0; i < 5; i++)
        {
            for (var j = i + 1; j < 5; j++)
            {
                pairs.Add(new ScoredPair(i, j, i == 0 && j == 4 ? 0.6 : 0.95));
            }
        }

        Clusterer.Cluster(5, pairs, threshold: 0.5, minDensity: 0.5).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public void TermFrequency_CommonSurnameIsWeakerEvidenceThanRare()
    {
        var values = Enumerable.Repeat("kim", 60).Concat(Enumerable.Repeat("park", 30)).Concat(["hwangbo", "hwangbo"]).Concat(Enumerable.Range(0, 8).Select(i => "x" + i)).ToArray();
        var surname = new SurnameComparison("surname");
        surname.Prepare(values);
        var model = new FellegiSunter([surname]);
        model.EstimateU(Enumerable.Repeat(0, values.Length).ToArray(), linkOnly: false, samples: 20_000, seed: 1);
        var kim = Array.IndexOf(values, "kim");
        var hwangbo = Array.IndexOf(values, "hwangbo");
        model.TermFrequencyAdjustment(0, kim).ShouldBeLessThan(0);
        model.TermFrequencyAdjustment(0, hwangbo).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void TermFrequency_NameCommonInItsBirthCohortIsWeakerEvidence()
    {
        // 미영 is the commonest name of women born in 1975 and rare among those born in 1955: agreeing on
        // it says less about two women born in 1975.
        string[] first = ["가", "나", "다", "라", "마", "바", "사", "아", "자", "차", "카", "타", "파", "하", "고", "노", "도"];
        string[] second = ["영", "숙", "순", "희", "옥", "화", "선", "정", "경", "혜", "은", "금", "춘", "향", "실", "복"];
        var names = new List<string>();
        var years = new List<int>();
        for (var x = 0; x < 250; x++)
        {
            names.Add(x < 40 ? "이미영" : "김" + first[x % first.Length] + second[x / first.Length % second.Length]);
            years.Add(1975);
            names.Add(x < 2 ? "이미영" : "박" + first[x % first.Length] + second[x / first.Length % second.Length]);
            years.Add(1955);
        }

        var comparisons = new LinkSettings("id", LinkType.Dedupe, [new ComparisonSpec("name", "korean_name"), new ComparisonSpec("birth_date", "date")], [["name"]]).CreateComparisons();
        comparisons[0].Prepare(names);
        comparisons[1].Prepare(years.Select((y, x) => (string?)$"{y}-03-{1 + (x % 28):00}").ToList());
        CohortTermFrequencies.Apply(comparisons, names.Count);
        var model = new FellegiSunter(comparisons);
        model.EstimateU(Enumerable.Repeat(0, names.Count).ToArray(), linkOnly: false, samples: 20_000, seed: 1);
        var of1975 = Enumerable.Range(0, names.Count).First(x => names[x] == "이미영" && years[x] == 1975);
        var of1955 = Enumerable.Range(0, names.Count).First(x => names[x] == "이미영" && years[x] == 1955);
        model.TermFrequencyAdjustment(0, of1975).ShouldBeLessThan(model.TermFrequencyAdjustment(0, of1955) - 1);
    }

    [Fact]
    public void LinkOnly_NeverPairsRecordsOfTheSameSource()
    {
        var a = new PersonGenerator(3).Generate(400, 0.3).Select(r => (IReadOnlyDictionary<string, string?>)Row(r.Id, r.Name, r.BirthDate, r.Origin)).ToList();
        var b = new PersonGenerator(3).Generate(400, 0.3).Select(r => (IReadOnlyDictionary<string, string?>)Row("B" + r.Id, r.Name, r.BirthDate, r.Origin)).ToList();
        var table = RecordTable.FromRecords("id", [a, b]);
        var settings = LinkSettings.Infer(table.ColumnNames) with { LinkType = LinkType.LinkOnly };
        var result = new LinkEngine().Link(table, settings, cancellationToken: TestContext.Current.CancellationToken);
        result.Pairs.ShouldAllBe(p => table.Sources[p.Left] != table.Sources[p.Right]);
        result.Pairs.Count(p => table.Ids[p.Right] == "B" + table.Ids[p.Left] && p.Probability >= 0.5).ShouldBeGreaterThan(350);
    }

    [Fact]
    public void Infer_FebrlColumns_PicksKinds()
    {
        var settings = LinkSettings.Infer(["rec_id", "given_name", "surname", "street_number", "address_1", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"]);
        settings.IdColumn.ShouldBe("rec_id");
        settings.Comparisons.ShouldContain(new ComparisonSpec("given_name", "given_name"));
        settings.Comparisons.ShouldContain(new ComparisonSpec("surname", "surname"));
        settings.Comparisons.ShouldContain(new ComparisonSpec("date_of_birth", "date"));
        settings.Comparisons.ShouldContain(new ComparisonSpec("state", "category"));
        settings.Blocking.Count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Parse_UnknownKind_Throws() =>
        Should.Throw<TumenException>(() => LinkSettings.Parse("""{"id":"id","comparisons":{"name":"phonex"},"blocking":[["name"]]}""", ["id", "name"]))
            .ExitCode.ShouldBe(ExitCode.BadInput);

    [Fact]
    public void Parse_MissingColumn_Throws() =>
        Should.Throw<TumenException>(() => LinkSettings.Parse("""{"id":"id","comparisons":{"dob":"date"},"blocking":[["dob"]]}""", ["id", "name"]))
            .Message.ShouldContain("'dob'");

    [Fact]
    public void RecordTable_DuplicateIds_Throws() =>
        Should.Throw<TumenException>(() => RecordTable.FromRecords("id", [[Row("1", "a", null, null), Row("1", "b", null, null)]]))
            .Message.ShouldContain("duplicate id");

    [Fact]
    public void PartialDate_ReadsCommonFormats()
    {
        PartialDate.Parse("19750302").ShouldBe(new PartialDate(1975, 3, 2));
        PartialDate.Parse("1975-03-02").ShouldBe(new PartialDate(1975, 3, 2));
        PartialDate.Parse("02.03.1975").ShouldBe(new PartialDate(1975, 3, 2));
        PartialDate.Parse("1975").ShouldBe(new PartialDate(1975, 0, 0));
        PartialDate.Parse("unknown").ShouldBeNull();
    }
}
