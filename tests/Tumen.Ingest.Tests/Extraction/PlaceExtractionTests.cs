using Tumen.Core.Places;

namespace Tumen.Ingest.Tests.Extraction;

/// <summary>Places beyond the border towns, in the three languages, each with the precision the gazetteer gives it.</summary>
public class PlaceExtractionTests
{
    private static List<(string Id, PlacePrecision Precision)> Places(string text) =>
        [.. Docs.Extract(text).Places.Select(p => (p.PlaceId, p.Precision))];

    [Fact]
    public void Places_CapitalsCountriesAndRegions_English()
    {
        var found = Places("""
            A Seoul-based charity and a London-based law firm told a panel in the Netherlands that women held in
            Northeast China are moved along the China-North Korea border before they reach Thailand, Laos or
            Mongolia; some are flown to Beijing and Shenyang, others walk to Vietnam.
            """);
        found.ShouldContain(("KR-SEL", PlacePrecision.Settlement));
        found.ShouldContain(("GB-LON", PlacePrecision.Settlement));
        found.ShouldContain(("NL", PlacePrecision.Country));
        found.ShouldContain(("CN-NE", PlacePrecision.Region));
        found.ShouldContain(("XB-CNKP", PlacePrecision.Region));
        found.ShouldContain(("TH", PlacePrecision.Country));
        found.ShouldContain(("LA", PlacePrecision.Country));
        found.ShouldContain(("MN", PlacePrecision.Country));
        found.ShouldContain(("CN-BJ", PlacePrecision.Settlement));
        found.ShouldContain(("CN-LN-SY", PlacePrecision.Settlement));
        found.ShouldContain(("VN", PlacePrecision.Country));
    }

    [Theory]
    [InlineData("the border between North Korea and China")]
    [InlineData("the North Korean-Chinese border")]
    [InlineData("the Sino-North Korean border")]
    [InlineData("the DPRK–China border")]
    public void Places_BorderWrittenAnyWay_IsTheBorderRegion(string phrase) =>
        Places($"Guards patrol {phrase} at night.").ShouldContain(("XB-CNKP", PlacePrecision.Region));

    [Fact]
    public void Places_NorthKoreanTownsInChineseCharacters_InChineseText()
    {
        var found = Places("她来自朝鲜茂山，后经会宁、惠山和满浦越境，在长白县和凭祥被拘留；另一人来自金策市。").Select(p => p.Id).ToList();
        found.ShouldBe(["KP", "KP-NH-MS", "KP-NH-HR", "KP-YG-HS", "KP-CG-MP", "CN-JL-BS-CB", "CN-GX-PX", "KP-NH-KC"]);
    }

    [Fact]
    public void Places_ChineseCountiesAndRegions_InChineseText()
    {
        var found = Places("在宽甸县、集安和临江，以及中国东北和中朝边境地区，首尔和伦敦的团体都有记录。").Select(p => p.Id).ToList();
        found.ShouldBe(["CN-LN-DD-KD", "CN-JL-TH-JA", "CN-JL-BS-LJ", "CN-NE", "XB-CNKP", "KR-SEL", "GB-LON"]);
    }

    [Fact]
    public void Places_CountiesAndCapitals_InKoreanText()
    {
        var found = Places("김책시와 영변군, 혜산에서 온 여성들이 동북3성과 북중 국경을 거쳐 라오스와 태국을 지나 서울에 왔고, 네덜란드에서 증언했다.").Select(p => p.Id).ToList();
        found.ShouldBe(["KP-NH-KC", "KP-NP-NB", "KP-YG-HS", "CN-NE", "XB-CNKP", "LA", "TH", "KR-SEL", "NL"]);
    }

    [Theory]
    [InlineData("시장에서 과일을 사고 구성원들과 안주를 나눴다.")]
    [InlineData("계획이 무산됐고 원산지 표시는 없었다.")]
    [InlineData("长江流域的平原和高原上，新兴产业发展。")]
    [InlineData("The Hwasong-17 missile was shown on television.")]
    [InlineData("Trade with South America fell.")]
    public void Places_OrdinaryWordsSpelledLikeCounties_AreNoPlace(string text) =>
        Places(text).ShouldBeEmpty();

    [Fact]
    public void Places_CurrencyPrefix_IsNotTheUnitedStates() =>
        Places("The trade is worth US$105 million a year.").ShouldBeEmpty();

    [Fact]
    public void Places_CountyWithItsSuffix_IsFoundEvenWhenTheBareNameIsAWord() =>
        Places("그는 과일군과 고원군에서 왔다.").Select(p => p.Id).ShouldBe(["KP-SHW-KI", "KP-SH-KW"]);
}
