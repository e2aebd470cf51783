using System.CommandLine;
using Tumen.Core;
using Tumen.Ingest.Documents;
using Tumen.Ingest.Extraction;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen extract FILE... --json</c>: reads documents, runs every extractor and the cross-document
/// analysis, and prints one JSON object (the contract of issue 3). Needs no workspace. A file that
/// cannot be read is reported on stderr and skipped; the command fails only when none can be read.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(CliEnvironment env)
    {
        var files = new Argument<string[]>("FILE") { Description = "Documents (.txt, .md, .html, .pdf, .docx) or folders of them.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the findings as JSON (the default and only output)." };
        var command = new Command("extract", "Extract figures, dates, places, violations, quotes, organisations and echoes from documents.")
        {
            files,
            json,
        };
        command.SetAction(async (parseResult, ct) =>
        {
            var paths = Expand(parseResult.GetValue(files) ?? []);
            var reader = new DocumentReader();
            var documents = new List<SourceDocument>();
            var failures = new List<string>();
            foreach (var path in paths)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    documents.Add(await reader.ReadAsync(path, ct).ConfigureAwait(false));
                }
                catch (DocumentReadException ex)
                {
                    failures.Add(ex.Message);
                }
            }

            if (documents.Count == 0)
            {
                await ReportAsync(env, failures).ConfigureAwait(false);
                throw new TumenException("No document could be read.", ExitCode.BadInput);
            }

            var findings = documents.Select(Extractor.Default.Extract).ToList();
            var analysis = new CorpusAnalyzer().Analyze(findings);
            CliJson.Write(env.Out, ExtractOutput.From(findings, analysis) with { Skipped = failures });

            // Bad files do not stop the others; they are reported once everything else is done.
            await ReportAsync(env, failures).ConfigureAwait(false);
            return failures.Count == 0 ? 0 : (int)ExitCode.BadInput;
        });
        return command;
    }

    private static async Task ReportAsync(CliEnvironment env, List<string> failures)
    {
        foreach (var failure in failures)
        {
            await env.Error.WriteLineAsync($"tumen: skipped {failure}").ConfigureAwait(false);
        }
    }

    private static List<string> Expand(IEnumerable<string> paths)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                result.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(DocumentReader.CanRead)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                result.Add(path);
            }
        }

        return result;
    }
}

/// <summary>The JSON contract of <c>tumen extract</c> (snake_case through <see cref="CliJson"/>).</summary>
internal sealed record ExtractOutput(
    IReadOnlyList<ExtractOutput.DocumentJson> Documents,
    IReadOnlyList<ExtractOutput.ClaimJson> Claims,
    IReadOnlyList<ExtractOutput.DateJson> Dates,
    IReadOnlyList<ExtractOutput.PlaceJson> Places,
    IReadOnlyList<ExtractOutput.ViolationJson> Violations,
    IReadOnlyList<ExtractOutput.QuoteJson> Quotes,
    IReadOnlyList<ExtractOutput.OrganisationJson> Organisations,
    IReadOnlyList<ExtractOutput.EchoJson> Echoes,
    IReadOnlyList<ExtractOutput.ClusterJson> EchoClusters,
    IReadOnlyList<ExtractOutput.ClaimGroupJson> ClaimGroups)
{
    /// <summary>Files that could not be read, each with the reason (file name and problem, never content).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public static ExtractOutput From(IReadOnlyList<DocumentFindings> findings, Tumen.Ingest.Extraction.Corpus.CorpusAnalysis analysis) => new(
        [.. findings.Select(f => new DocumentJson(f.Document.Id, f.Document.FileName, f.Document.Language, f.Document.Sha256, f.Document.Title, f.DocumentDate, f.Document.Format.ToString().ToLowerInvariant(), f.Document.Text.Length, f.Document.Warnings))],
        [.. findings.SelectMany(f => f.Claims.Select(c => ClaimJson.From(f.Document.Id, c) with { Date = f.DocumentDate }))],
        [.. findings.SelectMany(f => f.Dates.Select(d => new DateJson(f.Document.Id, d.Text, d.Start, d.End, d.Kind, Span(d.Span), d.Rule)))],
        [.. findings.SelectMany(f => f.Places.Select(p => new PlaceJson(f.Document.Id, p.Text, p.PlaceId, p.NameEnglish, Span(p.Span), p.Rule, p.Precision.ToString().ToLowerInvariant(), p.Kind)))],
        [.. findings.SelectMany(f => f.Violations.Select(v => new ViolationJson(f.Document.Id, v.Type, v.Text, Span(v.Span), v.Rule)))],
        [.. analysis.Testimonies.Select(t => new QuoteJson(t.Id, t.Text, t.Speaker, [.. t.Occurrences.Select(o => new OccurrenceJson(o.Document, Span(o.Span), o.Speaker))]))],
        [.. findings.SelectMany(f => f.Organisations.Select(o => new OrganisationJson(f.Document.Id, o.Name, o.Kind, o.Text, Span(o.Span), o.Rule)))],
        [.. analysis.Echoes.Select(e => new EchoJson([e.DocumentA, e.DocumentB], e.Similarity, e.Kind, e.Origin, e.Evidence))],
        [.. analysis.Clusters.Select(c => new ClusterJson(c.Documents, c.Origin, c.Via, c.Earliest, c.Fullest))],
        [.. analysis.ClaimGroups.Select(g => new ClaimGroupJson(g.Counts, g.Unit, [.. g.Claims.Select(c => ClaimJson.From(c.Document, c.Claim) with { Date = c.Date })], g.Verdict, g.Source, g.RepeatedBy))]);

    internal static int[] Span(TextSpan s) => [s.Start, s.End];

    internal sealed record DocumentJson(string Id, string File, string Language, string Sha256, string? Title, string? Date, string Format, int Characters, IReadOnlyList<string> Warnings);

    internal sealed record ClaimJson(string Document, string Text, double? Value, double? Low, double? High, string Unit, string? Qualifier, string? Counts, string? AssertedBy, int[] Span, string Rule, bool Vague)
    {
        public string? Date { get; init; }

        public static ClaimJson From(string document, NumericClaim c) =>
            new(document, c.Text, c.Value, c.Low, c.High, c.Unit, c.Qualifier, c.Counts, c.AssertedBy, ExtractOutput.Span(c.Span), c.Rule, c.Vague);
    }

    internal sealed record DateJson(string Document, string Text, string? Start, string? End, string Kind, int[] Span, string Rule);

    internal sealed record PlaceJson(string Document, string Text, string PlaceId, string NameEn, int[] Span, string Rule, string Precision, string Kind);

    internal sealed record ViolationJson(string Document, string Type, string Text, int[] Span, string Rule);

    internal sealed record QuoteJson(string Id, string Text, string? Speaker, IReadOnlyList<OccurrenceJson> Occurrences);

    internal sealed record OccurrenceJson(string Document, int[] Span, string? Speaker);

    internal sealed record OrganisationJson(string Document, string Name, string Kind, string Text, int[] Span, string Rule);

    internal sealed record EchoJson(string[] Documents, double Similarity, string Kind, string? Origin, IReadOnlyList<string> Evidence);

    internal sealed record ClusterJson(IReadOnlyList<string> Documents, string? Origin, IReadOnlyList<string> Via, string? Earliest, string? Fullest);

    internal sealed record ClaimGroupJson(string Counts, string Unit, IReadOnlyList<ClaimJson> Claims, string Verdict, string? Source, IReadOnlyList<string> RepeatedBy);
}
