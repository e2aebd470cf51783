using Tumen.Ingest.Extraction;

namespace Tumen.Ingest.Tests.Extraction;

/// <summary>The Korean and Chinese test reports carry the same kinds of facts as the English one, and the extractors find them.</summary>
public class MultilingualReportTests
{
    [Theory]
    [InlineData("en-origin-report.txt")]
    [InlineData("ko-report.txt")]
    [InlineData("zh-report.txt")]
    public void Report_SameKindsOfFacts_InEveryLanguage(string file)
    {
        var f = Docs.Corpus(file);
        f.Claims.ShouldContain(c => c.Unit == "cases" && c.Value == 9_400 && c.Qualifier == "more than" && c.AssertedBy == "Transitional Justice Working Group");
        f.Claims.ShouldContain(c => c.Unit == "percent" && c.Low == 60 && c.High == 65);
        f.Claims.ShouldContain(c => c.Unit == "people" && c.Value == 180_000 && c.Qualifier == "about");
        f.Claims.ShouldContain(c => c.Unit == "usd" && c.Value == 48_000_000);
        f.Claims.ShouldContain(c => c.Unit == "age" && c.Value == 14);
        f.Claims.ShouldContain(c => c.Vague && c.Low == 10_000 && c.High == 99_999);
        foreach (var place in new[] { "CN-JL-YB", "CN-JL", "CN-LN", "CN-HL" })
        {
            f.Places.ShouldContain(p => p.PlaceId == place, place);
        }

        foreach (var type in new[] { "forced_marriage", "trafficking", "forced_repatriation", "detention", "torture" })
        {
            f.Violations.ShouldContain(v => v.Type == type, type);
        }

        f.Dates.ShouldContain(d => d.Kind == "since" && d.Start == "2020");
        f.Dates.ShouldContain(d => d.Kind == "relative");
        f.DocumentDate.ShouldNotBeNull().ShouldStartWith("2024-05-1");
        f.Organisations.ShouldContain(o => o.Name == "Transitional Justice Working Group");
        var quote = f.Quotes.ShouldHaveSingleItem();
        quote.Speaker.ShouldNotBeNullOrEmpty();
        f.Places.ShouldContain(p => p.PlaceId == "CN-JL-YB" && quote.Span.Start <= p.Span.Start && p.Span.End <= quote.Span.End);
    }
}
