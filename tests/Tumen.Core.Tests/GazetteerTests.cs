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

    /// <summary>
    /// Cities and counties written down from the administrative lists (my own count per province), so a
    /// province that loses its entries fails here rather than in a linkage run.
    /// </summary>
    [Theory]
    [InlineData("KP-NH", 15, "KP-NH-KC")]
    [InlineData("KP-SH", 17, "KP-SH-HH")]
    [InlineData("KP-YG", 11, "KP-YG-SJY")]
    [InlineData("KP-CG", 18, "KP-CG-MP")]
    [InlineData("KP-NP", 25, "KP-NP-NB")]
    [InlineData("KP-SP", 20, "KP-SP-PS")]
    [InlineData("KP-NHW", 18, "KP-NHW-SRW")]
    [InlineData("KP-SHW", 20, "KP-SHW-HJ")]
    [InlineData("KP-KW", 17, "KP-KW-WS")]
    [InlineData("KP-PY", 2, "KP-PY-KD")]
    [InlineData("KP-NMP", 2, "KP-NMP-OC")]
    [InlineData("KP-KS", 3, "KP-KS-PM")]
    [InlineData("KP-RS", 2, "KP-RS-RJ")]
    public void Default_EveryNorthKoreanProvince_HoldsItsCitiesAndCounties(string province, int atLeast, string example)
    {
        var children = Gazetteer.Default.Places.Where(p => p.ParentId == province && p.Kind is "city" or "county" or "district").ToList();
        children.Count.ShouldBeGreaterThanOrEqualTo(atLeast, province);
        children.ShouldContain(p => p.Id == example);
        foreach (var place in children)
        {
            place.Country.ShouldBe("KP");
            place.Latitude.ShouldBeInRange(37.6, 43.1, place.Id);
            place.Longitude.ShouldBeInRange(124.1, 130.8, place.Id);
            place.Precision.ShouldBe(PlacePrecision.Settlement, place.Id);
        }
    }

    [Theory]
    [InlineData("Kimchaek", "KP-NH-KC")]
    [InlineData("Kimch'aek", "KP-NH-KC")]
    [InlineData("Gimchaek-si", "KP-NH-KC")]
    [InlineData("김책시", "KP-NH-KC")]
    [InlineData("김책", "KP-NH-KC")]
    [InlineData("金策市", "KP-NH-KC")]
    [InlineData("金策", "KP-NH-KC")]
    [InlineData("Hoeryeong", "KP-NH-HR")]
    [InlineData("Hoeryŏng", "KP-NH-HR")]
    [InlineData("会宁", "KP-NH-HR")]
    [InlineData("회령시", "KP-NH-HR")]
    [InlineData("Nyongbyon County", "KP-NP-NB")]
    [InlineData("Yeongbyeon-gun", "KP-NP-NB")]
    [InlineData("영변군", "KP-NP-NB")]
    [InlineData("녕변", "KP-NP-NB")]
    [InlineData("宁边郡", "KP-NP-NB")]
    [InlineData("Phyongsong", "KP-SP-PS")]
    [InlineData("P'yŏngsŏng", "KP-SP-PS")]
    [InlineData("Pyeongseong-si", "KP-SP-PS")]
    [InlineData("平城市", "KP-SP-PS")]
    [InlineData("Manpho", "KP-CG-MP")]
    [InlineData("满浦", "KP-CG-MP")]
    [InlineData("만포", "KP-CG-MP")]
    [InlineData("Rinsan", "KP-NHW-RS")]
    [InlineData("인산군", "KP-NHW-RS")]
    [InlineData("린산군", "KP-NHW-RS")]
    [InlineData("Hamgyeongbuk-do", "KP-NH")]
    [InlineData("Hamgyong Pukto", "KP-NH")]
    [InlineData("양강도", "KP-YG")]
    [InlineData("黄海南道", "KP-SHW")]
    [InlineData("Kangwŏn-do", "KP-KW")]
    [InlineData("Samjiyon County", "KP-YG-SJY")]
    [InlineData("Huchang", "KP-YG-KHJ")]
    [InlineData("Saebyol", "KP-NH-KW")]
    [InlineData("长白县", "CN-JL-BS-CB")]
    [InlineData("Kuandian", "CN-LN-DD-KD")]
    [InlineData("宽甸", "CN-LN-DD-KD")]
    [InlineData("관전현", "CN-LN-DD-KD")]
    [InlineData("Fusong County", "CN-JL-BS-FS")]
    [InlineData("梅河口", "CN-JL-TH-MHK")]
    [InlineData("凭祥", "CN-GX-PX")]
    [InlineData("Seoul", "KR-SEL")]
    [InlineData("首尔", "KR-SEL")]
    [InlineData("the Netherlands", "NL")]
    [InlineData("네덜란드", "NL")]
    [InlineData("London", "GB-LON")]
    [InlineData("伦敦", "GB-LON")]
    [InlineData("Northeast China", "CN-NE")]
    [InlineData("동북3성", "CN-NE")]
    [InlineData("中国东北", "CN-NE")]
    [InlineData("China-North Korea border", "XB-CNKP")]
    [InlineData("Sino-North Korean border", "XB-CNKP")]
    [InlineData("북중 국경", "XB-CNKP")]
    [InlineData("中朝边境", "XB-CNKP")]
    public void Lookup_CityCountyProvinceOrRegion_InEveryScriptAndRomanisation(string name, string id) =>
        Gazetteer.Default.Lookup(name).ShouldNotBeNull(name).Id.ShouldBe(id);

    [Theory]
    [InlineData("KR-SEL", PlacePrecision.Settlement)]
    [InlineData("NL", PlacePrecision.Country)]
    [InlineData("CN-NE", PlacePrecision.Region)]
    [InlineData("XB-CNKP", PlacePrecision.Region)]
    [InlineData("KP-NH-KC", PlacePrecision.Settlement)]
    public void Default_PlacesBeyondTheBorder_CarryTheirPrecision(string id, PlacePrecision precision) =>
        Gazetteer.Default.Find(id).ShouldNotBeNull().Precision.ShouldBe(precision);

    [Fact]
    public void Default_BorderPrefecturesOfChina_HoldTheirCountiesAndCities()
    {
        string[] expected = ["CN-JL-YB-YJ", "CN-JL-YB-TM", "CN-JL-YB-HC", "CN-JL-YB-LJ", "CN-JL-YB-HL", "CN-JL-YB-AT", "CN-JL-YB-WQ", "CN-JL-YB-DH",
            "CN-JL-BS-CB", "CN-JL-BS-LJ", "CN-JL-BS-FS", "CN-JL-BS-JYU", "CN-JL-TH-JA", "CN-JL-TH-MHK", "CN-JL-TH-THX", "CN-JL-TH-HN", "CN-JL-TH-LH",
            "CN-LN-DD-KD", "CN-LN-DD-DG", "CN-LN-DD-FC"];
        foreach (var id in expected)
        {
            var place = Gazetteer.Default.Find(id).ShouldNotBeNull(id);
            place.NameChinese.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
            place.NameKorean.ShouldMatch(@"\p{IsHangulSyllables}");
        }
    }

    [Fact]
    public void Default_EveryNorthKoreanCityAndCounty_LooksUpByEachOfItsNames()
    {
        foreach (var place in Gazetteer.Default.Places.Where(p => p.Country == "KP" && p.Kind is "city" or "county"))
        {
            Gazetteer.Default.Lookup(place.NameChinese).ShouldNotBeNull(place.Id);
            Gazetteer.Default.Lookup(place.NameKorean.Split(' ')[0]).ShouldNotBeNull(place.Id);
            place.Aliases.ShouldContain(a => a.Length > 0 && a[0] < 128, place.Id);
            place.Aliases.ShouldContain(a => a.EndsWith('군') || a.EndsWith('시') || a.EndsWith("특별시", StringComparison.Ordinal), place.Id);
        }
    }
}
