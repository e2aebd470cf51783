using Tumen.Linkage.Engine;
using Tumen.Linkage.Names;

namespace Tumen.Linkage.Tests.Names;

public sealed class CombinedNameTests
{
    [Fact]
    public void Preferred_TakesHangulThenHanThenARomanisation()
    {
        CombinedName.Preferred(["Lee Keum-soon", "李今顺", "이금순"]).ShouldBe("이금순");
        CombinedName.Preferred(["Lee Keum-soon", " 李今顺 ", null]).ShouldBe("李今顺");
        CombinedName.Preferred(["", "Ri Kum Sun"]).ShouldBe("Ri Kum Sun");
        CombinedName.Preferred([null, " "]).ShouldBeNull();
    }

    [Fact]
    public void Apply_ReplacesSeveralNameColumnsByOne_AndLeavesASingleNameColumnAlone()
    {
        IReadOnlyDictionary<string, string?> Row(string id, string? latin, string? han) =>
            new Dictionary<string, string?>(StringComparer.Ordinal) { ["id"] = id, ["name"] = latin, ["name_zh"] = han, ["birth_date"] = "1985-04-02" };
        var table = RecordTable.FromRecords("id", [[Row("a", "Lee Keum-soon", null), Row("b", null, "李今顺")]]);
        var inferred = LinkSettings.Infer(table.ColumnNames);

        var (records, settings) = CombinedName.Apply(table, inferred);

        records.Column(CombinedName.Column).ShouldBe(["Lee Keum-soon", "李今顺"]);
        settings.Comparisons.Where(c => c.Kind == "korean_name").Select(c => c.Column).ShouldBe([CombinedName.Column]);
        settings.Blocking.SelectMany(rule => rule).ShouldNotContain(entry => entry.StartsWith("name_zh", StringComparison.Ordinal));

        var single = LinkSettings.Infer(["id", "name", "birth_date"]);
        CombinedName.Apply(table, single).Settings.ShouldBeSameAs(single);
    }
}
