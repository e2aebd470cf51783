namespace Tumen.Ingest.Tests.Extraction;

public class ExtractorTests
{
    [Fact]
    public void Dates_EnglishForms()
    {
        var dates = Docs.Extract("The famine of 1994-1998 ended. On March 28, 2023 and 2 March 2008 and in June 2007 reports came; since 2020 and during the pandemic the border closed, as in the early 2000s.").Dates;
        dates.ShouldContain(d => d.Text == "1994-1998" && d.Start == "1994" && d.End == "1998");
        dates.ShouldContain(d => d.Text == "March 28, 2023" && d.Start == "2023-03-28");
        dates.ShouldContain(d => d.Text == "2 March 2008" && d.Start == "2008-03-02");
        dates.ShouldContain(d => d.Text == "June 2007" && d.Start == "2007-06");
        dates.ShouldContain(d => d.Text == "since 2020" && d.Start == "2020" && d.End == null);
        dates.ShouldContain(d => d.Text == "during the pandemic" && d.Start == null && d.Kind == "relative");
        dates.ShouldContain(d => d.Text == "the early 2000s" && d.Start == "2000" && d.End == "2003");
    }

    [Fact]
    public void Dates_KoreanAndChinese()
    {
        Docs.Extract("2024년 5월 12일 발표. 1994~1998년 대기근. 2020년 이후 코로나19 대유행 기간 국경이 닫혔다.").Dates
            .Select(d => (d.Start, d.End)).ShouldBe([("2024-05-12", "2024-05-12"), ("1994", "1998"), (null, null), ("2020", null), (null, null)], ignoreOrder: true);
        var zh = Docs.Extract("2024年5月13日报道。自2020年以来，疫情期间边境关闭。").Dates;
        zh.ShouldContain(d => d.Start == "2024-05-13");
        zh.ShouldContain(d => d.Kind == "since" && d.Start == "2020");
        zh.ShouldContain(d => d.Kind == "relative" && d.Text == "疫情期间");
    }

    [Fact]
    public void DocumentDate_PrefersDatelineThenLatestFullDate()
    {
        Docs.Extract("Published: May 12, 2024\nIn June 2025 and on 3 March 2026 more came.").DocumentDate.ShouldBe("2024-05-12");
        Docs.Extract("Reports of 2 March 2008 and 20 July 2005 agree.").DocumentDate.ShouldBe("2008-03-02");
        Docs.Extract("No dates here at all.").DocumentDate.ShouldBeNull();
    }

    [Fact]
    public void Places_InEveryScriptWithOffsets()
    {
        var text = "She was sold in the Yanbian Korean Autonomous Prefecture, then 延边 and 연변에서, via Dandong; Jilin, Liaoning and Heilongjiang.";
        var places = Docs.Extract(text).Places;
        places.Where(p => p.PlaceId == "CN-JL-YB").Select(p => p.Text).ShouldBe(["Yanbian Korean Autonomous Prefecture", "延边", "연변"]);
        places.ShouldContain(p => p.PlaceId == "CN-LN-DD");
        places.ShouldContain(p => p.PlaceId == "CN-JL");
        places.ShouldContain(p => p.PlaceId == "CN-LN");
        places.ShouldContain(p => p.PlaceId == "CN-HL");
        foreach (var p in places)
        {
            text[p.Span.Start..p.Span.End].ShouldBe(p.Text);
        }
    }

    [Fact]
    public void Places_EthnicKoreanIsNotNorthKorea() =>
        Docs.Extract("조선족 브로커가 연락했다. 朝鲜族中间人。").Places.ShouldNotContain(p => p.PlaceId == "KP");

    [Fact]
    public void Violations_MapToVocabularyInThreeLanguages()
    {
        Docs.Extract("She faced forced marriage, rape and forced repatriation.").Violations.Select(v => v.Type)
            .ShouldBe(["forced_marriage", "rape", "forced_repatriation"]);
        Docs.Extract("강제 북송과 인신매매, 고문을 당했다.").Violations.Select(v => v.Type).ShouldBe(["forced_repatriation", "trafficking", "torture"]);
        Docs.Extract("她遭到拐卖和强迫婚姻，后被强制遣返。").Violations.Select(v => v.Type).ShouldBe(["trafficking", "forced_marriage", "forced_repatriation"]);
    }

    [Fact]
    public void Quotes_WithSpeakersBeforeAndAfter()
    {
        var quotes = Docs.Extract("""
            “I was sold to a farmer in Yanbian,” a North Korean defector told researchers.
            Ms Park said: "We need an international investigation now."
            “The border is closed to everyone,” said Evangelou.
            It is a “red zone” they say.
            """).Quotes;
        quotes.Count.ShouldBe(3);
        quotes[0].Speaker.ShouldBe("a North Korean defector");
        quotes[0].Text.ShouldBe("I was sold to a farmer in Yanbian");
        quotes[1].Speaker.ShouldBe("Ms Park");
        quotes[2].Speaker.ShouldBe("Evangelou");
    }

    [Fact]
    public void Quotes_CornerAndKoreanQuotes()
    {
        Docs.Extract("한 여성은 “연변에 사는 한족 농부에게 팔려 갔다”고 증언했다.").Quotes.ShouldHaveSingleItem().Text.ShouldBe("연변에 사는 한족 농부에게 팔려 갔다");
        var zh = Docs.Extract("一名妇女说：「我被卖给住在延边的一个汉族农民。」").Quotes.ShouldHaveSingleItem();
        zh.Text.ShouldBe("我被卖给住在延边的一个汉族农民。");
        zh.Speaker.ShouldBe("一名妇女");
    }

    [Fact]
    public void Organisations_CanonicalNamesAndUserExtension()
    {
        var orgs = Docs.Extract("NKDB and the UN Human Rights Council heard from Amnesty and TJWG.").Organisations.Select(o => o.Name);
        orgs.ShouldBe(["Database Center for North Korean Human Rights", "UN Human Rights Council", "Amnesty International", "Transitional Justice Working Group"]);

        var extended = Tumen.Ingest.Extraction.OrganisationList.Default.With([new("Border Watch Seoul", "ngo", ["BWS", "국경감시"])]);
        var extractor = new Tumen.Ingest.Extraction.Extractor(organisations: extended);
        extractor.Extract(Docs.FromText("BWS와 국경감시 자료")).Organisations.Select(o => o.Name).ShouldBe(["Border Watch Seoul", "Border Watch Seoul"]);
    }
}

public class LargeDocumentTests
{
    [Fact]
    public void Extract_MillionsOfCharactersWithoutSentenceEnds_StaysBounded()
    {
        var unit = "brokers sold 1,200 women in Yanbian and “about 300 girls were returned to Musan by guards” according to NKDB since 2020 ";
        var text = string.Concat(Enumerable.Repeat(unit, 2_000_000 / unit.Length));
        var findings = Docs.Extract(text);
        findings.Claims.Count.ShouldBeGreaterThan(10_000);
        findings.Places.Count.ShouldBeGreaterThan(10_000);
        var analysis = new Tumen.Ingest.Extraction.CorpusAnalyzer().Analyze([findings]);
        analysis.Testimonies.ShouldNotBeEmpty();
    }
}
