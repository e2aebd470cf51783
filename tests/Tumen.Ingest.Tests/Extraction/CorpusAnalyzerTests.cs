using Tumen.Ingest.Extraction;

namespace Tumen.Ingest.Tests.Extraction;

/// <summary>Cross-document analysis over the test corpus: four reports of one (invented) 2024 report in three languages, and one older report.</summary>
public class CorpusAnalyzerTests
{
    private static readonly string[] Files = ["en-origin-report.txt", "en-echo-outlet.txt", "ko-report.txt", "zh-report.txt", "en-older-report.txt"];
    private readonly List<DocumentFindings> _docs = [.. Files.Select(Docs.Corpus)];
    private readonly Tumen.Ingest.Extraction.Corpus.CorpusAnalysis _analysis;

    public CorpusAnalyzerTests() => _analysis = new CorpusAnalyzer().Analyze(_docs);

    private string Id(string file) => _docs[Array.IndexOf(Files, file)].Document.Id;

    [Fact]
    public void Languages_AreDetected() =>
        _docs.Select(d => d.Document.Language).ShouldBe(["en", "en", "ko", "zh", "en"]);

    [Fact]
    public void Echoes_FourReportsOfOneOriginInThreeLanguages_OlderReportIsNoneOfThem()
    {
        var cluster = _analysis.Clusters.ShouldHaveSingleItem();
        cluster.Documents.ShouldBe([Id("en-origin-report.txt"), Id("en-echo-outlet.txt"), Id("ko-report.txt"), Id("zh-report.txt")], ignoreOrder: true);
        cluster.Origin.ShouldBe("Transitional Justice Working Group");
        cluster.Via.ShouldBe(["The Telegraph"]);
        cluster.Earliest.ShouldBe(Id("en-origin-report.txt"));
        _analysis.Echoes.ShouldNotContain(e => e.DocumentA == Id("en-older-report.txt") || e.DocumentB == Id("en-older-report.txt"));
    }

    [Fact]
    public void Testimony_SameWordsAcrossDocumentsAndLanguages_IsOne()
    {
        var testimony = _analysis.Testimonies.Single(t => t.Occurrences.Any(o => o.Text.Contains("farmer in Yanbian", StringComparison.Ordinal)));
        testimony.Occurrences.Select(o => o.Document).Distinct(StringComparer.Ordinal).ShouldBe(
            [Id("en-origin-report.txt"), Id("en-echo-outlet.txt"), Id("ko-report.txt"), Id("zh-report.txt")], ignoreOrder: true);
        testimony.Speaker.ShouldNotBeNull();
    }

    [Fact]
    public void ClaimGroups_SharesFromTwoReports_AreContradictoryWithDates()
    {
        var group = _analysis.ClaimGroups.Single(g => g.Unit == "percent" && g.Claims.Any(c => c.Claim.Low == 75));
        group.Verdict.ShouldBe("contradictory");
        group.Claims.Where(c => c.Claim.Low == 60 && c.Claim.High == 65).Select(c => c.Document).Distinct(StringComparer.Ordinal).Count().ShouldBe(4);
        group.Claims.Single(c => c.Claim.Low == 75).Date.ShouldBe("2009-10-04");
        group.Claims.First(c => c.Claim.Low == 60).Date.ShouldNotBeNull();
    }

    [Fact]
    public void ClaimGroups_SameFigureInThreeLanguages_IsConsistent()
    {
        var money = _analysis.ClaimGroups.Single(g => g.Unit == "usd" && g.Claims.Any(c => c.Claim.Value == 48_000_000));
        money.Claims.Select(c => c.Document).Distinct(StringComparer.Ordinal).Count().ShouldBe(4);
        money.Verdict.ShouldBe("consistent");
        var people = _analysis.ClaimGroups.Single(g => g.Claims.Any(c => c.Claim.Value == 180_000));
        people.Claims.Select(c => c.Document).Distinct(StringComparer.Ordinal).Count().ShouldBeGreaterThanOrEqualTo(3);
        people.Source.ShouldBe(Id("en-origin-report.txt"));
    }

    [Fact]
    public void ClaimGroups_RoundedFigure_IsRounded()
    {
        var a = Docs.Extract("The centre has documented 82,300 cases of abuse against North Korean women.");
        var b = Docs.Extract("Researchers have documented about 80,000 cases of abuse against North Korean women.");
        var c = Docs.Extract("Volunteers in Seoul have interviewed 200 women at the shelter.");
        var groups = new CorpusAnalyzer().Analyze([a, b, c]).ClaimGroups;
        groups.ShouldHaveSingleItem().Verdict.ShouldBe("rounded");
    }

    [Fact]
    public void Echoes_NearDuplicate_FoundByMinHash()
    {
        var text = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"Paragraph {i} says brokers moved women from Musan to Yanbian in week {i}."));
        var a = Docs.Extract(text);
        var b = Docs.Extract(text.Replace("week 7.", "week seven.", StringComparison.Ordinal));
        var echo = new CorpusAnalyzer().Analyze([a, b]).Echoes.ShouldHaveSingleItem();
        echo.Kind.ShouldBe("near_duplicate");
        echo.Similarity.ShouldBeGreaterThan(0.8);
    }
}
