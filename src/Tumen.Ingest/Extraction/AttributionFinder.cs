using System.Text.RegularExpressions;

namespace Tumen.Ingest.Extraction;

/// <summary>
/// Who a sentence says a figure comes from: "according to X", "X said/reported/estimates", "says X",
/// an organisation next to a reporting verb, in English, Korean (…에 따르면, …는 밝혔다) and Chinese (据…, …表示).
/// </summary>
internal sealed partial class AttributionFinder
{
    private readonly IReadOnlyList<OrganisationMention> _organisations;

    public AttributionFinder(IReadOnlyList<OrganisationMention> organisations) => _organisations = organisations;

    private readonly Dictionary<(int, int), string?> _bySentence = [];

    public string? AssertedBy(string text, TextSpan span)
    {
        var sentence = TextScan.Sentence(text, span);
        var orgs = TextScan.Within(_organisations, o => o.Span, sentence).ToList();

        // Without an organisation in the sentence, the answer is the same for every figure in it.
        if (orgs.Count == 0 && _bySentence.TryGetValue((sentence.Start, sentence.End), out var cached))
        {
            return cached;
        }

        var found = Find(text[sentence.Start..sentence.End], orgs, span);
        if (orgs.Count == 0)
        {
            _bySentence[(sentence.Start, sentence.End)] = found;
        }

        return found;
    }

    private static string? Find(string s, List<OrganisationMention> orgs, TextSpan span)
    {

        var according = AccordingTo().Match(s);
        if (according.Success)
        {
            return Clean(according.Groups["src"].Value);
        }

        // The organisation nearest the figure in a sentence that carries a reporting verb.
        var cjkText = TextScan.ContainsCjk(s);
        if (orgs.Count > 0 && (ReportVerb().IsMatch(s) || (cjkText && CjkReportVerb().IsMatch(s))))
        {
            return orgs.OrderBy(o => Math.Abs(o.Span.Start - span.Start)).ThenBy(o => o.Kind == "media" ? 1 : 0).First().Name;
        }

        var subject = SubjectVerb().Match(s);
        if (subject.Success && !NumberWords.SentenceOpeners.Contains(subject.Groups["src"].Value) && subject.Groups["src"].Value is not ("It" or "Last" or "This" or "That" or "These" or "Those" or "A" or "Many" or "Most"))
        {
            return Clean(subject.Groups["src"].Value);
        }

        var inverted = VerbSubject().Match(s);
        if (inverted.Success)
        {
            return Clean(inverted.Groups["src"].Value);
        }

        if (!cjkText)
        {
            return null;
        }

        var cjk = CjkSource().Match(s);
        return cjk.Success ? Clean(cjk.Groups["src"].Value) : null;
    }

    private static string? Clean(string source)
    {
        var t = source.Trim().Trim(',', '.', '"', '“', '”', '，');
        if (t.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            t = t[4..];
        }

        return t.Length is 0 or > 80 ? null : t;
    }

    [GeneratedRegex(@"\b(?:[Aa]ccording to|[Aa]s reported by|[Ee]stimated by|[Rr]ecorded by|[Dd]ocumented by)\s(?<src>[^,.;:“”""()]{2,80}?)(?=[,.;:()]|\s(?:is|are|was|were|has|have|had|in|on|at|last|which|who)\b|$)", RegexOptions.CultureInvariant, 10000)]
    private static partial Regex AccordingTo();

    [GeneratedRegex(@"\b(?:said|says|say|reported|reports|estimates?|estimated|found|documented|recorded|alleges|alleged|pointed out|revealed|warns|warned|claims|claimed|stated|noted|believes|brings|told|indicated|shows|showed)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 10000)]
    private static partial Regex ReportVerb();

    [GeneratedRegex(@"밝혔|말했|추산|추정|보고|발표|따르면|기록|주장|집계|전했|表示|指出|估计|估算|报告|报道|据|发布|记录|认为|称|说", RegexOptions.CultureInvariant, 10000)]
    private static partial Regex CjkReportVerb();

    [GeneratedRegex(@"(?<src>\b(?:[Rr]ights groups?|[Rr]esearchers|[Ii]nvestigators|[Aa]ctivists|[Ee]xperts|[Oo]fficials|[Tt]he group|[Tt]he report|[Rr]eports|(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*))\s(?:has\s|have\s)?(?:said|says|say|reported|reports|estimates?|estimated|found|documented|recorded|alleges|alleged|pointed out|revealed|warns|warned|claims|stated|noted|believes|brings)\b", RegexOptions.CultureInvariant, 10000)]
    private static partial Regex SubjectVerb();

    [GeneratedRegex(@"\b(?:said|says|say|explains|explained|added)\s(?<src>(?:Ms\.?\s|Mr\.?\s|Dr\.?\s)?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}|rights groups?|the group|researchers)", RegexOptions.CultureInvariant, 10000)]
    private static partial Regex VerbSubject();

    [GeneratedRegex(@"(?:据|根据)(?<src>[^，。、：“”]{2,20}?)(?:的)?(?:报告|估计|统计|数据|报道|称|表示)|(?<src>[^\s，。“”]{2,20}?)(?:에 따르면|의 보고서에 따르면)", RegexOptions.CultureInvariant, 10000)]
    private static partial Regex CjkSource();
}
