using Tumen.Core.Places;

namespace Tumen.Core.Tests;

public class GazetteerTests
{
    [Theory]
    [InlineData("Yanbian Korean Autonomous Prefecture", "CN-JL-YB")]
    [InlineData("Yanbian Korea Autonomous Prefecture", "CN-JL-YB")]
    [InlineData("延边朝鲜族自治州", "CN-JL-YB")]
    [InlineData("연변", "CN-JL-YB")]
    [InlineData("옌볜", "CN-JL-YB")]
    [InlineData("Dandong", "CN-LN-DD")]
    [InlineData("단동", "CN-LN-DD")]
    [InlineData("丹东市", "CN-LN-DD")]
    [InlineData("Jilin Province", "CN-JL")]
    [InlineData("heilongjiang", "CN-HL")]
    [InlineData("Hoeryong", "KP-NH-HR")]
    public void Lookup_NameInAnyScript_FindsPlace(string name, string id) =>
        Gazetteer.Default.Lookup(name)?.Id.ShouldBe(id);

    [Fact]
    public void Lookup_UnknownName_GivesNull() => Gazetteer.Default.Lookup("Atlantis").ShouldBeNull();

    [Fact]
    public void Ancestry_Yanji_RunsUpToChina() =>
        Gazetteer.Default.Ancestry("CN-JL-YB-YJ").Select(p => p.Id).ShouldBe(["CN-JL-YB-YJ", "CN-JL-YB", "CN-JL", "CN"]);

    [Fact]
    public void Default_EveryPlaceHasThreeScriptsAndACoordinate()
    {
        Gazetteer.Default.Places.Count.ShouldBeGreaterThan(70);
        foreach (var place in Gazetteer.Default.Places)
        {
            place.NameEnglish.ShouldNotBeNullOrWhiteSpace();
            place.NameKorean.ShouldMatch(@"\p{IsHangulSyllables}");
            place.NameChinese.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
            place.Latitude.ShouldBeInRange(-90, 90);
        }
    }

    [Fact]
    public void Display_CityLevelPlaces_AreNeverExactPoints()
    {
        var cityLevel = Gazetteer.Default.Places.Where(p => p.Precision is PlacePrecision.Settlement or PlacePrecision.Region or PlacePrecision.Country).ToList();
        cityLevel.ShouldNotBeEmpty();
        foreach (var place in cityLevel)
        {
            var display = place.Display();
            display.IsPoint.ShouldBeFalse(place.Id);
            display.RadiusKm.ShouldBeGreaterThanOrEqualTo(10, place.Id);
        }
    }

    [Fact]
    public void Display_HoldingCentreKnownOnlyToCity_IsAnArea()
    {
        var onsong = Gazetteer.Default.Find("KP-FAC-ONSONG-MSS")!;
        onsong.Precision.ShouldBe(PlacePrecision.Settlement);
        onsong.Display().IsPoint.ShouldBeFalse();
    }

    [Fact]
    public void Display_PublishedSiteCoordinates_IsAPoint() =>
        Gazetteer.Default.Find("KP-FAC-KHS12")!.Display().IsPoint.ShouldBeTrue();
}
