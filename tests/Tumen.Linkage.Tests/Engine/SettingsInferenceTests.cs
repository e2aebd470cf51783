using Tumen.Core.Places;
using Tumen.Linkage.Engine;

namespace Tumen.Linkage.Tests.Engine;

public class SettingsInferenceTests
{
    private static RecordTable Table(string[] columns, params string?[][] rows) =>
        RecordTable.FromRecords("id", [rows.Select(r => (IReadOnlyDictionary<string, string?>)columns.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList()]);

    [Fact]
    public void Infer_ColumnsNamedBadly_KindsFromContent()
    {
        string[] columns = ["id", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "serial", "batch"];
        var table = Table(
            columns,
            ["1", "이금순", "1975", "3", "21", "Hoeryong City", "1975-03-21", "A-1001", "X1", "same"],
            ["2", "李今顺", "1980", "12", "2", "함북 회령", "1980-12-02", "A-1002", "X2", "same"],
            ["3", "박명숙", "1968", "7", "30", "朝鲜两江道惠山市", "1968-07-30", "A-1003", "X3", "same"],
            ["4", "Kim Young-hee (김영희)", "NA", "-", ".", "NULL", "", "A-1004", "X4", "same"]);
        var settings = SettingsInference.Infer(table);
        settings.Comparisons.ShouldBe(
            [new("c1", "korean_name"), new("c2", "year"), new("c3", "month"), new("c4", "day"), new("c5", "place"), new("c6", "date")]);
        settings.Blocking.ShouldNotContain(r => r.Count == 1 && (r[0] == "c3" || r[0] == "c4"));
    }

    [Theory]
    [InlineData("NA")]
    [InlineData("NULL")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("n/a")]
    public void MissingPlaceholders_AreMissing(string cell)
    {
        RecordTable.IsMissing(cell).ShouldBeTrue();
        Table(["id", "name"], ["1", cell]).Column("name")[0].ShouldBeNull();
    }

    [Fact]
    public void MissingPlaceholders_RealValuesKept() => RecordTable.IsMissing("Nam").ShouldBeFalse();

    [Fact]
    public void KindFromContent_SmallIntegers_MonthNotYear()
    {
        SettingsInference.KindFromContent(["1", "5", "12"], Gazetteer.Default).ShouldBe("month");
        SettingsInference.KindFromContent(["1", "25", "31"], Gazetteer.Default).ShouldBe("day");
        SettingsInference.KindFromContent(["1931", "1999"], Gazetteer.Default).ShouldBe("year");
    }

    [Fact]
    public void PrintedSettings_ParseBackToTheSameSettings()
    {
        string[] columns = ["rec_id", "fname_c1", "lname_c1", "by", "bm", "bd"];
        var settings = LinkSettings.Infer(columns);
        var again = LinkSettings.Parse(settings.ToJson(), columns);
        again.Comparisons.ShouldBe(settings.Comparisons);
        again.Blocking.Select(r => string.Join('+', r)).ShouldBe(settings.Blocking.Select(r => string.Join('+', r)));
        again.Threshold.ShouldBe(settings.Threshold);
        again.IdColumn.ShouldBe("rec_id");
    }
}

public class SettingsInferenceEventColumnsTests
{
    [Fact]
    public void Infer_PersonListWithViolation_ComparesOnlyThePersonLikeTheWorkspace()
    {
        var settings = LinkSettings.Infer(["id", "code", "source", "name", "sex", "birth_date", "origin", "violation", "date", "place", "testimony"]);
        settings.Comparisons.Select(c => c.Column).ShouldBe(["name", "sex", "birth_date", "origin"]);
    }

    [Fact]
    public void Infer_DateAndPlaceWithoutBirthDateOrOrigin_AreCompared()
    {
        var settings = LinkSettings.Infer(["id", "name", "date", "place"]);
        settings.Comparisons.Select(c => c.Kind).ShouldBe(["korean_name", "date", "place"]);
    }
}
