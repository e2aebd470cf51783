using Tumen.Ingest.Extraction;
using Tumen.Ingest.Extraction.Corpus;

namespace Tumen.Ingest.Tests.Extraction;

/// <summary>
/// An original release and its rewrites, in the same language and across English, Korean and Chinese, that share
/// figures, quotes and named sources but few words. Every document here was written for this test.
/// </summary>
public class EchoTests
{
    private const string Original = """
        Harbour Light Network, a documentation group, said on Monday that it had recorded 2,340 cases of North Korean
        women sold in Jilin since 2019. The group estimated that brokers took in $37 million over that period and that
        860 women had been sent back across the river. "We found them in farm villages and in karaoke bars alike," said
        its director, Mi-rae Song.
        """;

    private const string EnglishRewrite = """
        Brokers have pocketed some $37 million by selling North Korean women in Jilin, according to figures published this
        week. Researchers counted 2,340 cases over five years; 860 of the women were eventually returned to the North.
        """;

    private const string KoreanRewrite = """
        탈북 여성 인신매매 사례가 지린성에서만 2,340건 기록됐다. 브로커들이 챙긴 돈은 3,700만 달러에 이르며,
        860명은 북한으로 강제 송환된 것으로 파악됐다.
        """;

    private const string ChineseRewrite = """
        报告称，自2019年以来在吉林记录了2340宗朝鲜妇女被卖案件，中介获利约3700万美元，另有860名妇女被遣返回朝鲜。
        """;

    private const string Unrelated = """
        A separate survey of 410 households in Hyesan found that 2,340 of its respondents' relatives had left, a coincidence
        of one figure only; it reported nothing about brokers.
        """;

    private static CorpusAnalysis Analyse(params (string Name, string Text)[] docs) =>
        new CorpusAnalyzer().Analyze([.. docs.Select(d => Extractor.Default.Extract(Docs.FromText(d.Text, d.Name)))]);

    [Fact]
    public void Echo_RewriteInTheSameLanguage_SharingFiguresNotWords_IsAnEcho()
    {
        var analysis = Analyse(("original.txt", Original), ("rewrite.txt", EnglishRewrite));
        analysis.Echoes.ShouldHaveSingleItem().Kind.ShouldBe("shared_figures");
    }

    [Fact]
    public void Echo_RewritesInKoreanAndChinese_JoinTheOriginalInOneCluster()
    {
        var analysis = Analyse(("original.txt", Original), ("ko.txt", KoreanRewrite), ("zh.txt", ChineseRewrite), ("other.txt", Unrelated));
        var cluster = analysis.Clusters.ShouldHaveSingleItem();
        cluster.Documents.Count.ShouldBe(3);
        analysis.Echoes.ShouldNotContain(e => e.Evidence.Count == 0);
        analysis.Echoes.Select(e => e.Kind).ShouldAllBe(k => k == "shared_figures");
    }

    [Fact]
    public void Echo_OneFigureInCommon_IsNoEcho()
    {
        var analysis = Analyse(("original.txt", Original), ("other.txt", Unrelated));
        analysis.Echoes.ShouldBeEmpty();
    }
}
