namespace Tumen.Ingest.Tests.Extraction;

/// <summary>Violation types in Korean and Chinese text, and no type claimed on a text that does not report it.</summary>
public class ViolationExtractionTests
{
    private static List<string> Types(string text) => [.. Docs.Extract(text).Violations.Select(v => v.Type).Distinct(StringComparer.Ordinal)];

    [Theory]
    [InlineData("그녀는 중국에서 음란 화상채팅에 동원되었다.", "cybersex_exploitation")]
    [InlineData("브로커는 여성들에게 웹캠 앞에서 방송하게 했다.", "cybersex_exploitation")]
    [InlineData("她们被迫在网上进行色情直播。", "cybersex_exploitation")]
    [InlineData("中介强迫她们视频裸聊。", "cybersex_exploitation")]
    [InlineData("그녀는 공안에 체포되어 북한으로 송환되었다.", "forced_repatriation")]
    [InlineData("她被中国警方遣送回朝鲜。", "forced_repatriation")]
    [InlineData("그녀는 한족 농민과 강제 혼인을 해야 했다.", "forced_marriage")]
    [InlineData("她被迫嫁给一名比她大二十岁的男子。", "forced_marriage")]
    [InlineData("송환된 뒤 그녀는 온성 집결소에 구류되었다.", "detention")]
    [InlineData("她在看守所被关押了三个月。", "detention")]
    [InlineData("국경을 넘던 남성이 경비대에 사살되었다.", "killing")]
    [InlineData("一名越境者被边防军枪杀。", "killing")]
    [InlineData("The girls were forced to perform on webcam for paying clients.", "cybersex_exploitation")]
    [InlineData("She was sold into marriage with a farmer.", "forced_marriage")]
    [InlineData("Two guards beat a prisoner to death; another was murdered.", "killing")]
    public void Violations_TypeInKoreanChineseAndEnglish_IsFound(string text, string type) =>
        Types(text).Contains(type, StringComparer.Ordinal).ShouldBeTrue(text);

    [Theory]
    [InlineData("She was lured across the river by a promise of work in a restaurant.")]
    [InlineData("그의 예측이 맞았다. 그들은 유인물을 나눠 주었다.")]
    [InlineData("那个人说的话是对的，她去了城里。")]
    public void Violations_TextThatReportsNoAssaultOrAbduction_ClaimsNone(string text) =>
        Types(text).ShouldBeEmpty();

    [Theory]
    [InlineData("She said she was not beaten and never detained.")]
    [InlineData("There was no abduction; the women left of their own accord.")]
    [InlineData("그녀는 구타는 없었다고 말했다.")]
    [InlineData("그녀는 체포되지 않았다.")]
    [InlineData("她说她没有被拘留，也未被遣返。")]
    public void Violations_DeniedInTheirClause_AreNotClaimed(string text) =>
        Types(text).ShouldBeEmpty();

    [Fact]
    public void Violations_NotOnlyButAlso_StillCounts() =>
        Types("She was not only trafficked but also raped.").ShouldBe(["trafficking", "rape"]);

    [Fact]
    public void Violations_IllegalDetentionInChinese_IsDetention() =>
        Types("他们遭到非法拘留。").ShouldBe(["detention"]);

    [Fact]
    public void Violations_RapeInKorean_IsNotAlsoAssault() =>
        Types("그녀는 성폭행을 당했다.").ShouldBe(["rape"]);

    [Theory]
    [InlineData("그녀는 1년 동안 매일 맞았다.")]
    [InlineData("그녀는 남편에게 맞았다고 말했다.")]
    public void Violations_BeatenInKorean_IsAssaultEvenAfterDongan(string text) =>
        Types(text).ShouldBe(["physical_assault"]);
}
