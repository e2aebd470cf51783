using Tumen.Core.Places;
using Tumen.Linkage.Comparisons;

namespace Tumen.Linkage.Tests.Comparisons;

public class PlaceComparisonTests
{
    private static PlaceComparison Prepared(params string?[] values)
    {
        var comparison = new PlaceComparison("origin", Gazetteer.Default);
        comparison.Prepare(values);
        return comparison;
    }

    [Fact]
    public void SameTown_FourScriptsAndAffixes_SamePlaceAndBlock()
    {
        string[] forms = ["Hoeryong City", "함북 회령", "朝鲜咸镜北道会宁市", "회령시"];
        var c = Prepared(forms);
        for (var i = 0; i < forms.Length; i++)
        {
            for (var j = 0; j < forms.Length; j++)
            {
                c.Compare(i, j).ShouldBe(0, $"{forms[i]} / {forms[j]}");
            }

            c.BlockingKey(i, null).ShouldBe(c.BlockingKey(0, null));
        }
    }

    [Fact]
    public void TownAndItsProvince_OneWithinTheOther_BothWays()
    {
        var c = Prepared("Hoeryong City", "함경북도");
        c.Compare(0, 1).ShouldBe(1);
        c.Compare(1, 0).ShouldBe(1);
    }

    [Fact]
    public void TwoTownsOfOneProvince_SameProvinceOnly()
    {
        var c = Prepared("朝鲜咸镜北道会宁市", "Musan County");
        c.Compare(0, 1).ShouldBe(3);
        c.Compare(1, 0).ShouldBe(3);
    }

    [Fact]
    public void UnknownPlaces_ComparedAsTextWithoutAffix()
    {
        var c = Prepared("Taehongdan County", "taehongdan", "Sambong-ri", "Hoeryong");
        c.Compare(0, 1).ShouldBe(0);
        c.Compare(1, 0).ShouldBe(0);
        c.BlockingKey(0, null).ShouldBe(c.BlockingKey(1, null));
        c.Compare(0, 2).ShouldBe(5);
        c.Compare(2, 3).ShouldBe(5);
    }
}
