using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tumen.Ingest.Documents;
using Tumen.Ingest.Extraction;
using Tumen.Storage.Evidence;
using Tumen.Storage.Persons;
using Tumen.Storage.Rows;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Imports;

/// <summary>What importing one document stored.</summary>
public sealed record DocumentImportResult(Guid SourceId, int Claims, bool AlreadyStored);

/// <summary>
/// Stores a document in the workspace, in one transaction: the original file as encrypted evidence
/// (with custody from intake), a Source of kind <c>document</c> holding its title, text and
/// findings encrypted, and one Claim per numeric claim found. The same content is stored once.
/// </summary>
internal static class DocumentImporter
{
    private static readonly JsonSerializerOptions FindingsJson = new(JsonSerializerDefaults.Web);

    public static async Task<DocumentImportResult> ImportAsync(
        Workspace workspace, byte[] original, DocumentFindings findings, CancellationToken cancellationToken)
    {
        var document = findings.Document;
        await using var db = workspace.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var evidence = await new EvidenceStore(db).AddAsync(original, document.FileName, MediaType(document.Format), cancellationToken).ConfigureAwait(false);
        if (await db.Sources.AsNoTracking().Where(s => s.EvidenceFileId == evidence.Id).Select(s => (Guid?)s.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new DocumentImportResult(existing, 0, AlreadyStored: true);
        }

        var session = workspace.Session;
        var sourceId = Guid.NewGuid();
        db.Sources.Add(new SourceRow
        {
            Id = sourceId,
            Kind = "document",
            Date = findings.DocumentDate ?? "",
            EvidenceFileId = evidence.Id,
            Secrets = session.Protect(
                new SourceSecrets(document.Title, document.Text, document.FileName, JsonSerializer.Serialize(findings, FindingsJson)),
                PersonStore.SourcesTable,
                sourceId),
        });
        foreach (var claim in findings.Claims)
        {
            var id = Guid.NewGuid();
            db.Claims.Add(new ClaimRow
            {
                Id = id,
                SourceId = sourceId,
                Value = claim.Value,
                Low = claim.Low,
                High = claim.High,
                Unit = claim.Unit,
                Qualifier = claim.Qualifier,
                Secrets = session.Protect(
                    new ClaimSecrets(claim.Text, claim.Counts, claim.AssertedBy, claim.Span.Start, claim.Span.End, claim.Rule), "claims", id),
            });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new DocumentImportResult(sourceId, findings.Claims.Count, AlreadyStored: false);
    }

    private static string MediaType(Tumen.Ingest.Documents.DocumentFormat format) => format switch
    {
        Tumen.Ingest.Documents.DocumentFormat.Markdown => "text/markdown",
        Tumen.Ingest.Documents.DocumentFormat.Html => "text/html",
        Tumen.Ingest.Documents.DocumentFormat.Pdf => "application/pdf",
        Tumen.Ingest.Documents.DocumentFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/plain",
    };
}
