namespace Tumen.Ingest.Tests.Extraction;

/// <summary>Counts of people written in words: English number words before a noun phrase, Korean native numerals.</summary>
public class CountWordsTests
{
    [Theory]
    [InlineData("Police found at least seven North Korean women in the flat.", 7, "at least")]
    [InlineData("About twelve North Korean women were held in the basement.", 12, "about")]
    [InlineData("The broker sold fourteen young women to farmers.", 14, null)]
    [InlineData("Nineteen repatriated defectors were sent to a labour camp.", 19, null)]
    public void Counts_EnglishNumberWordBeforeNounPhrase_AreFound(string text, double value, string? qualifier)
    {
        var claim = Docs.Extract(text).Claims.ShouldHaveSingleItem();
        claim.Value.ShouldBe(value);
        claim.Qualifier.ShouldBe(qualifier);
        claim.Unit.ShouldBeOneOf("people", "count");
    }

    [Theory]
    [InlineData("탈북 여성 다섯 명이 공안에 붙잡혔다.", 5, null)]
    [InlineData("최소 스무 명의 여성이 팔려 갔다.", 20, "at least")]
    [InlineData("열두 명이 한꺼번에 북송되었다.", 12, null)]
    [InlineData("약 서른다섯 명의 여성이 구금되었다.", 35, "about")]
    public void Counts_KoreanNativeNumerals_AreFound(string text, double value, string? qualifier)
    {
        var claim = Docs.Extract(text).Claims.ShouldHaveSingleItem();
        claim.Value.ShouldBe(value);
        claim.Unit.ShouldBe("people");
        claim.Qualifier.ShouldBe(qualifier);
    }

    [Theory]
    [InlineData("한 명의 여성이 증언했다.")]
    [InlineData("그는 세명대학교를 졸업했다.")]
    [InlineData("Seven days later she crossed the river.")]
    public void Counts_OnePersonOrNoCount_GiveNoFigure(string text) =>
        Docs.Extract(text).Claims.ShouldBeEmpty();
}
