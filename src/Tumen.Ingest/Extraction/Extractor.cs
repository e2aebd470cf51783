using System.Text.RegularExpressions;
using Tumen.Core.Places;
using Tumen.Ingest.Documents;

namespace Tumen.Ingest.Extraction;

/// <summary>
/// Runs every rule-based extractor over a document. Stateless and thread-safe: one instance serves
/// a whole import. The gazetteer, organisation list and violation lexicon are data a user can extend.
/// </summary>
public sealed class Extractor
{
    private static readonly string[] BlockedPlaceSuffixes = ["족", "族", "일보", "日报", "말", "语", "되", "됐", "돼"];
    private readonly PhraseMatcher<Place?> _places;
    private readonly OrganisationList _organisations;
    private readonly ViolationLexicon _violations;

    public Extractor(Gazetteer? gazetteer = null, OrganisationList? organisations = null, ViolationLexicon? violations = null, PlaceWords? placeWords = null)
    {
        gazetteer ??= Gazetteer.Default;
        var words = (placeWords ?? PlaceWords.Default).Words;
        var ordinary = words.ToHashSet(StringComparer.Ordinal);

        // Names that are ordinary words are left out; the words themselves are matched too, as no place,
        // so a longer word that begins with a name (원산지, 무산됐다) hides the name inside it.
        _places = new PhraseMatcher<Place?>(
            gazetteer.Places
                .SelectMany(p => p.Aliases.Append(p.NameEnglish).Append(p.NameChinese).Where(a => !ordinary.Contains(a.Trim())).Select(a => (a, (Place?)p)))
                .Concat(words.Select(w => (w, (Place?)null))),
            BlockedPlaceSuffixes);
        _organisations = organisations ?? OrganisationList.Default;
        _violations = violations ?? ViolationLexicon.Default;
    }

    /// <summary>The extractor with Tumen's shipped reference data.</summary>
    public static Extractor Default { get; } = new();

    /// <summary>Everything the rules find in <paramref name="document"/>; spans are offsets into its text.</summary>
    public DocumentFindings Extract(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            return ExtractAll(document);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new DocumentReadException($"{document.FileName}: extraction gave up on text too irregular to scan in time ({ex.Pattern.Length}-character rule).", ex);
        }
    }

    private DocumentFindings ExtractAll(SourceDocument document)
    {
        var text = document.Text;
        var organisations = _organisations.Matcher.Matches(text)
            .Select(m => new OrganisationMention(m.Value.Name, m.Value.Kind, m.Text, m.Span, "organisation.list"))
            .ToList();
        var cjk = TextScan.ContainsCjk(text);
        var dates = DateExtractor.Extract(text, cjk);
        var dateSpans = dates.Select(d => d.Span).ToList();
        var attribution = new AttributionFinder(organisations);
        var cjkClaims = !cjk
            ? []
            : CjkClaimExtractor.Extract(text, dateSpans, attribution).Where(c => IsCjkFigure(text, c.Span)).ToList();
        var claims = Merge(cjkClaims, NumericClaimExtractor.Extract(text, dateSpans, attribution));
        var places = _places.Matches(text)
            .Where(m => m.Value is not null && !IsCurrencyPrefix(text, m.Span))
            .Select(m => new PlaceMention(m.Text, m.Value!.Id, m.Value.NameEnglish, m.Span, "gazetteer") { Precision = m.Value.Precision, Kind = m.Value.Kind })
            .ToList();
        var violations = _violations.Matcher.Matches(text)
            .Where(m => !Negation.IsDenied(text, m.Span))
            .Select(m => new ViolationMention(m.Value, m.Text, m.Span, "lexicon"))
            .ToList();
        var quotes = QuoteExtractor.Extract(text);
        return new DocumentFindings(document, claims, dates, places, violations, quotes, organisations)
        {
            DocumentDate = DateExtractor.DocumentDate(text, dates),
        };
    }

    /// <summary>"US$105 million" names a currency, not the United States.</summary>
    private static bool IsCurrencyPrefix(string text, TextSpan span) => span.End < text.Length && text[span.End] == '$';

    /// <summary>Gazetteer matches alone (for the benchmark's per-pass profile).</summary>
    internal int PlaceMatches(string text) => _places.Matches(text).Count;

    /// <summary>A CJK-rule match counts only where the figure is written in or next to Korean or Chinese.</summary>
    private static bool IsCjkFigure(string text, TextSpan span) =>
        text.AsSpan(span.Start, span.Length).ContainsAny(CjkMarks.Values) || (span.End < text.Length && TextScan.IsCjk(text[span.End]))
        || TextScan.ContainsCjk(text.AsSpan(span.Start, span.Length));

    private static List<NumericClaim> Merge(List<NumericClaim> cjk, List<NumericClaim> english)
    {
        var all = new List<NumericClaim>(cjk);
        if (cjk.Count == 0)
        {
            all.AddRange(english);
        }
        else
        {
            var taken = new SpanMask(cjk.Max(c => c.Span.End), cjk.Select(c => c.Span));
            all.AddRange(english.Where(e => !taken.Overlaps(e.Span)));
        }

        all.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return all;
    }

    private static class CjkMarks
    {
        public static readonly System.Buffers.SearchValues<char> Values = System.Buffers.SearchValues.Create("만억천백명건万亿千百成岁名");
    }
}
