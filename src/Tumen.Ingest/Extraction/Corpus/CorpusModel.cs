namespace Tumen.Ingest.Extraction.Corpus;

/// <summary>
/// Two documents where one repeats the other or both repeat one origin. <see cref="Kind"/> is the
/// strongest link found: <c>near_duplicate</c> (text Jaccard ≥ 0.8), <c>text_reuse</c> (shared
/// passages), <c>shared_testimony</c> (the same quotation), <c>shared_origin</c> (both attribute
/// the same figures to the same organisation), or <c>shared_figures</c> (three or more of the same precise figures). <see cref="Evidence"/> says why, without document text.
/// </summary>
public sealed record Echo(string DocumentA, string DocumentB, double Similarity, string Kind, string? Origin, IReadOnlyList<string> Evidence);

/// <summary>Documents linked by echoes: one story and the outlets it passed through.</summary>
/// <param name="Origin">The organisation the documents attribute their content to, when they share one.</param>
/// <param name="Via">Outlets the documents cite as carrying the story ("told MailOnline", "iNews reported").</param>
/// <param name="Earliest">The earliest dated document of the cluster.</param>
/// <param name="Fullest">The document with the most findings: the best place to read the story.</param>
public sealed record EchoCluster(IReadOnlyList<string> Documents, string? Origin, IReadOnlyList<string> Via, string? Earliest, string? Fullest);

/// <summary>Where a quotation occurs.</summary>
public sealed record QuoteOccurrence(string Document, TextSpan Span, string Text, string? Speaker);

/// <summary>One testimony and every place it is quoted, despite small edits or translation.</summary>
public sealed record Testimony(string Id, string Text, string? Speaker, IReadOnlyList<QuoteOccurrence> Occurrences);

/// <summary>A claim in a group, with its document's date.</summary>
public sealed record GroupedClaim(string Document, string? Date, NumericClaim Claim);

/// <summary>
/// Claims about the same quantity side by side. <see cref="Verdict"/>: <c>consistent</c> (the same
/// figure), <c>rounded</c> (compatible figures at different precision or hedges), <c>contradictory</c>
/// (figures that cannot both be true). <see cref="Source"/> is the earliest (then fullest) document
/// stating it; <see cref="RepeatedBy"/> the documents whose claim agrees with it.
/// </summary>
public sealed record ClaimGroup(string Counts, string Unit, IReadOnlyList<GroupedClaim> Claims, string Verdict, string? Source, IReadOnlyList<string> RepeatedBy);

/// <summary>What the corpus shows across documents.</summary>
public sealed record CorpusAnalysis(
    IReadOnlyList<Echo> Echoes,
    IReadOnlyList<EchoCluster> Clusters,
    IReadOnlyList<Testimony> Testimonies,
    IReadOnlyList<ClaimGroup> ClaimGroups);
