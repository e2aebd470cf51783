using Tumen.Linkage.Engine;

namespace Tumen.Application.Linking;

/// <summary>One level of a comparison as the model estimated it.</summary>
public sealed record LevelSummary(string Label, double M, double U, double Weight);

/// <summary>One comparison's estimated parameters.</summary>
public sealed record ComparisonSummary(string Column, string Kind, IReadOnlyList<LevelSummary> Levels);

/// <summary>What a linkage run did and the model it estimated: the <c>--json</c> of <c>tumen link</c> and the API's answer.</summary>
public sealed record LinkSummary(
    int Records,
    long Comparisons,
    long PairsAboveThreshold,
    int Clusters,
    double Seconds,
    string LinkType,
    double Threshold,
    double ReviewThreshold,
    int ReviewPairs,
    double ProbabilityTwoRandomRecordsMatch,
    long SkippedBlocks,
    long SkippedPairs,
    string Id,
    IReadOnlyList<IReadOnlyList<string>> Blocking,
    IReadOnlyList<ComparisonSummary> Parameters)
{
    public static LinkSummary Of(LinkResult result)
    {
        var s = result.Statistics;
        return new LinkSummary(
            s.Records,
            s.Comparisons,
            s.PairsAboveThreshold,
            s.Clusters,
            Math.Round(s.Seconds, 3),
            result.Settings.LinkType == Tumen.Linkage.Engine.LinkType.LinkOnly ? "link_only" : "dedupe",
            result.Settings.Threshold,
            result.Settings.ReviewThreshold,
            result.ReviewPairs.Count(),
            result.MatchShare,
            s.SkippedBlocks,
            s.SkippedPairs,
            result.Settings.IdColumn,
            result.Settings.Blocking,
            [.. result.Parameters.Select(c => new ComparisonSummary(
                c.Column, c.Kind, [.. c.Levels.Select(l => new LevelSummary(l.Label, l.M, l.U, Math.Round(l.Weight, 4)))]))]);
    }
}
