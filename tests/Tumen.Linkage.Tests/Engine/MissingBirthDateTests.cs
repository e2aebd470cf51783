using static Tumen.Linkage.Tests.Engine.LinkEngineTests;

namespace Tumen.Linkage.Tests.Engine;

/// <summary>Records whose birth date is missing or year-only, with names and places in other scripts.</summary>
public class MissingBirthDateTests
{
    [Fact]
    public void SameWoman_DateMissingOrYearOnly_PlaceInOtherScripts_OneCluster()
    {
        var (table, result) = LinkWithBackground(
            Row("M1", "이금순", "1975-03-02", "Hoeryong City"),
            Row("M2", "李今顺 (LI JINSHUN)", null, "朝鲜咸镜北道会宁市"),
            Row("M3", "Lee Keum-soon", "1975", "함북 회령"),
            Row("M4", "리금순", null, "회령시"));
        var cluster = result.ClusterOf[Index(table, "M1")];
        foreach (var id in new[] { "M2", "M3", "M4" })
        {
            result.ClusterOf[Index(table, id)].ShouldBe(cluster, id);
        }
    }

    [Fact]
    public void SameName_DateMissing_ProvinceOnlyInOther_Linked()
    {
        var (table, result) = LinkWithBackground(
            Row("P1", "정혜영", "1979-02-17", "Hoeryong"),
            Row("P2", "鄭惠英", null, "咸镜北道"));
        result.ClusterOf[Index(table, "P1")].ShouldBe(result.ClusterOf[Index(table, "P2")]);
    }

    [Fact]
    public void SameName_YearOnly_NoPlace_Linked()
    {
        var (table, result) = LinkWithBackground(
            Row("Y1", "탁순례", "1981-07-14", "Musan County"),
            Row("Y2", "Tak Sun Rye", "1981", null));
        result.ClusterOf[Index(table, "Y1")].ShouldBe(result.ClusterOf[Index(table, "Y2")]);
    }

    [Fact]
    public void Namesakes_DifferentBirthDatesOrPlaces_NotLinked()
    {
        var (table, result) = LinkWithBackground(
            Row("N1", "박명숙", "1968-04-11", "무산군"),
            Row("N2", "박명숙", "1983-09-02", "Musan County"),
            Row("N3", "박명숙", null, "혜산"),
            Row("N4", "Pak Myong Suk", "1990", "Chongjin"));
        var clusters = new[] { "N1", "N2", "N3", "N4" }.Select(id => result.ClusterOf[Index(table, id)]).ToList();
        clusters.Distinct().Count().ShouldBe(4);
    }
}
