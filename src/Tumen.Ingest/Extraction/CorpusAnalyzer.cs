using Tumen.Ingest.Extraction.Corpus;

namespace Tumen.Ingest.Extraction;

/// <summary>
/// What a set of documents shows together: echoes and their clusters, testimonies quoted in several
/// documents, and claim groups with verdicts. Works on findings in memory, so the same analysis serves
/// <c>tumen extract</c> and the workspace import.
/// </summary>
public sealed class CorpusAnalyzer
{
    /// <summary>Analyses <paramref name="documents"/>; document ids must be unique.</summary>
    public CorpusAnalysis Analyze(IReadOnlyList<DocumentFindings> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var testimonies = TestimonyMatcher.Match(documents);
        var (echoes, clusters) = EchoDetector.Detect(documents, testimonies);
        var groups = ClaimGrouper.Group(documents);
        return new CorpusAnalysis(echoes, clusters, testimonies, groups);
    }
}
