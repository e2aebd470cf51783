namespace Tumen.Ingest.Extraction;

/// <summary>A half-open character range <c>[Start, End)</c> in a document's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
}

/// <summary>
/// A figure a document states: a value or a low–high range, its unit, how it is hedged, what it
/// counts and who the text says asserts it. <see cref="Rule"/> names the rule that found it.
/// </summary>
/// <param name="Unit">Lower-case: <c>people</c>, <c>percent</c>, <c>usd</c>, <c>gbp</c>, <c>eur</c>, <c>krw</c>, <c>cny</c>, <c>cases</c>, <c>years</c>, <c>age</c>, or <c>count</c>.</param>
/// <param name="Qualifier">Canonical hedge: <c>about</c>, <c>more than</c>, <c>less than</c>, <c>at least</c>, <c>up to</c>, <c>nearly</c>, <c>as young as</c>, <c>as little as</c>; null when none.</param>
/// <param name="Counts">The noun phrase that says what is counted (for shares: the population and what is true of it).</param>
public sealed record NumericClaim(
    string Text,
    double? Value,
    double? Low,
    double? High,
    string Unit,
    string? Qualifier,
    string? Counts,
    string? AssertedBy,
    TextSpan Span,
    string Rule)
{
    /// <summary>For shares, the part of <see cref="Counts"/> that says what is true of the population.</summary>
    public string? Predicate { get; init; }

    /// <summary>A figure given in words for an order of magnitude ("tens of thousands"), not a measured number.</summary>
    public bool Vague { get; init; }

    /// <summary>The same figure restated in another unit in the text, e.g. "(£86m)".</summary>
    public IReadOnlyList<NumericClaim> Alternatives { get; init; } = [];
}

/// <summary>
/// A date or period. <see cref="Start"/>/<see cref="End"/> are ISO 8601 prefixes (<c>2023</c>,
/// <c>2023-03</c>, <c>2023-03-28</c>); both null when the text is relative ("during the pandemic").
/// </summary>
public sealed record DateMention(string Text, string? Start, string? End, string Kind, TextSpan Span, string Rule);

/// <summary>A gazetteer place named in the text.</summary>
public sealed record PlaceMention(string Text, string PlaceId, string NameEnglish, TextSpan Span, string Rule)
{
    /// <summary>How precisely the gazetteer knows where the place is: a country, a region, a town or a site.</summary>
    public Tumen.Core.Places.PlacePrecision Precision { get; init; } = Tumen.Core.Places.PlacePrecision.Settlement;

    /// <summary>The gazetteer's kind of place (<c>country</c>, <c>province</c>, <c>city</c>, <c>county</c>, <c>region</c>, ...).</summary>
    public string Kind { get; init; } = "";
}

/// <summary>A violation named in the text, as a <c>violation_type</c> vocabulary id.</summary>
public sealed record ViolationMention(string Type, string Text, TextSpan Span, string Rule);

/// <summary>A quotation and, when the text attributes it, its speaker as written ("a North Korean defector", "she").</summary>
public sealed record Quotation(string Text, string? Speaker, TextSpan Span, string Rule);

/// <summary>An organisation from the organisation list; <see cref="Name"/> is its canonical name.</summary>
public sealed record OrganisationMention(string Name, string Kind, string Text, TextSpan Span, string Rule);

/// <summary>Everything extracted from one document.</summary>
public sealed record DocumentFindings(
    Documents.SourceDocument Document,
    IReadOnlyList<NumericClaim> Claims,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<PlaceMention> Places,
    IReadOnlyList<ViolationMention> Violations,
    IReadOnlyList<Quotation> Quotes,
    IReadOnlyList<OrganisationMention> Organisations)
{
    /// <summary>When the document was published, as far as its text says (a dateline, else its latest full date); null when unknown.</summary>
    public string? DocumentDate { get; init; }
}
