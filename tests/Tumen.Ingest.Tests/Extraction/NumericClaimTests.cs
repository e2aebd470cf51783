namespace Tumen.Ingest.Tests.Extraction;

public class NumericClaimTests
{
    [Theory]
    [InlineData("Up to half a million women are believed to live in hiding.", 500_000.0, "people", "up to")]
    [InlineData("The database now holds 82,000 records of abuse.", 82_000.0, "cases", null)]
    [InlineData("Traffickers make $105m a year from the trade.", 105_000_000.0, "usd", null)]
    [InlineData("The market is worth USD 105 mln per year.", 105_000_000.0, "usd", null)]
    [InlineData("It generates US$105 million a year for the gangs.", 105_000_000.0, "usd", null)]
    [InlineData("Girls as young as 12 were sold.", 12.0, "age", "as young as")]
    [InlineData("A 34-year-old farmer bought her.", 34.0, "age", null)]
    [InlineData("About 100,000 refugees were counted by the agency.", 100_000.0, "people", "about")]
    [InlineData("At least 300 women were returned.", 300.0, "people", "at least")]
    public void Extract_EnglishFigure_ValueUnitQualifier(string text, double value, string unit, string? qualifier)
    {
        var claim = Docs.Single(text);
        claim.Value.ShouldBe(value);
        claim.Unit.ShouldBe(unit);
        claim.Qualifier.ShouldBe(qualifier);
        text[claim.Span.Start..claim.Span.End].ShouldBe(claim.Text);
        claim.Rule.ShouldStartWith("en.");
    }

    [Theory]
    [InlineData("Between 240,000 and 3.5 million people died in the famine.", 240_000.0, 3_500_000.0, "people")]
    [InlineData("Some 70 to 80% of the women are trafficked.", 70.0, 80.0, "percent")]
    [InlineData("Some 70-80 percent of the women are trafficked.", 70.0, 80.0, "percent")]
    [InlineData("Between 80 percent and 90 percent of the refugees are women.", 80.0, 90.0, "percent")]
    [InlineData("An estimated 150,000-200,000 defectors live in China.", 150_000.0, 200_000.0, "people")]
    [InlineData("Tens of thousands of women fled.", 10_000.0, 99_999.0, "people")]
    [InlineData("Hundreds of thousands of girls are at risk.", 100_000.0, 999_999.0, "people")]
    [InlineData("She was sold for a few hundred dollars.", 200.0, 500.0, "usd")]
    public void Extract_EnglishRange_LowHigh(string text, double low, double high, string unit)
    {
        var claim = Docs.Single(text);
        claim.Low.ShouldBe(low);
        claim.High.ShouldBe(high);
        claim.Value.ShouldBeNull();
        claim.Unit.ShouldBe(unit);
    }

    [Fact]
    public void Extract_CurrencyWithConversion_IsOneClaimWithAlternative()
    {
        var claim = Docs.Single("Gangs profit from a $105m (£86m) trafficking industry.");
        claim.Value.ShouldBe(105_000_000);
        claim.Unit.ShouldBe("usd");
        var alternative = claim.Alternatives.ShouldHaveSingleItem();
        alternative.Value.ShouldBe(86_000_000);
        alternative.Unit.ShouldBe("gbp");
    }

    [Fact]
    public void Extract_MoreThanDouble_GivesTheDoubledFigureAndTheBase()
    {
        var claims = Docs.Extract("The number of victims is more than double the 100,000 previously estimated by the United Nations.").Claims;
        var doubled = claims.Single(c => c.Rule == "en.multiple");
        doubled.Value.ShouldBe(200_000);
        doubled.Qualifier.ShouldBe("more than");
        var basis = claims.First(c => c.Value == 100_000 && c.Rule != "en.multiple");
        basis.AssertedBy.ShouldBe("United Nations");
    }

    [Fact]
    public void Extract_Share_CountsPopulationAndPredicate()
    {
        var claim = Docs.Single("As many as 70 to 80% of these female refugees in China are trafficked into the sex industry.");
        claim.Counts.ShouldBe("female refugees in China trafficked into the sex industry");
        claim.Predicate.ShouldBe("trafficked into the sex industry");
        claim.Qualifier.ShouldBe("up to");
    }

    [Fact]
    public void Extract_CountedNounPhrase_StopsAtVerb()
    {
        var claim = Docs.Single("Last reports suggested that 150,000 North Korean defectors in China had no papers.");
        claim.Counts.ShouldBe("North Korean defectors in China");
        claim.Unit.ShouldBe("people");
    }

    [Theory]
    [InlineData("Human Rights Watch said more than 1,200 women were returned.", "Human Rights Watch")]
    [InlineData("According to the Korea Future database, 4,000 cases were logged.", "Korea Future database")]
    [InlineData("About 60 percent were sold, rights groups say.", "rights groups")]
    public void Extract_AssertedBy_FromTheSentence(string text, string source) =>
        Docs.Extract(text).Claims[0].AssertedBy.ShouldBe(source);

    [Theory]
    [InlineData("North Korea was rated a Tier 3 country.")]
    [InlineData("The Covid 19 pandemic closed the border.")]
    [InlineData("The famine of 1994-1998 killed many.")]
    [InlineData("Published: March 28, 2023 09:22 AM")]
    [InlineData("The 52nd session opened in Geneva.")]
    [InlineData("We lived together for one year.")]
    public void Extract_NamesDatesOrdinals_AreNotClaims(string text) =>
        Docs.Extract(text).Claims.ShouldBeEmpty();

    [Theory]
    [InlineData("중국 내 탈북민은 50만 명에 이른다.", 500_000.0, "people", null)]
    [InlineData("북한인권정보센터는 인권침해 8만2천여 건을 기록했다.", 82_000.0, "cases", "more than")]
    [InlineData("이 산업의 규모는 연간 1억 500만 달러다.", 105_000_000.0, "usd", null)]
    [InlineData("피해자 중에는 12세 소녀도 있었다.", 12.0, "age", null)]
    [InlineData("약 10만 명의 여성이 숨어 지낸다.", 100_000.0, "people", "about")]
    public void Extract_KoreanFigure(string text, double value, string unit, string? qualifier)
    {
        var claim = Docs.Single(text);
        claim.Value.ShouldBe(value);
        claim.Unit.ShouldBe(unit);
        claim.Qualifier.ShouldBe(qualifier);
        claim.Rule.ShouldStartWith("cjk.");
    }

    [Theory]
    [InlineData("수십만 명의 여성이 위험에 처해 있다.", 100_000.0, 999_999.0, "people")]
    [InlineData("탈북민은 15만~20만 명으로 추산된다.", 150_000.0, 200_000.0, "people")]
    [InlineData("여성의 70~80%가 성매매 산업으로 팔려 간다.", 70.0, 80.0, "percent")]
    [InlineData("约有七至八成的女性难民被贩卖。", 70.0, 80.0, "percent")]
    [InlineData("数万名妇女无路可逃。", 10_000.0, 99_999.0, "people")]
    public void Extract_CjkRange(string text, double low, double high, string unit)
    {
        var claim = Docs.Single(text);
        claim.Low.ShouldBe(low);
        claim.High.ShouldBe(high);
        claim.Unit.ShouldBe(unit);
    }

    [Theory]
    [InlineData("估计约有10万名朝鲜妇女藏匿在中国。", 100_000.0, "people", "about")]
    [InlineData("逾8万宗案件已被记录。", 80_000.0, "cases", "more than")]
    [InlineData("七成的脱北者是女性。", 70.0, "percent", null)]
    [InlineData("这一产业每年获利1.05亿美元。", 105_000_000.0, "usd", null)]
    [InlineData("年仅14岁的女孩也遭贩卖。", 14.0, "age", "as young as")]
    public void Extract_ChineseFigure(string text, double value, string unit, string? qualifier)
    {
        var claim = Docs.Single(text);
        claim.Value.ShouldBe(value);
        claim.Unit.ShouldBe(unit);
        claim.Qualifier.ShouldBe(qualifier);
    }

    [Fact]
    public void Extract_ChineseYearsAndOneYear_AreNotClaims() =>
        Docs.Extract("自2020年以来，她在一年里被卖了两次。").Claims.ShouldBeEmpty();
}
