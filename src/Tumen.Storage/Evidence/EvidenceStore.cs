using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tumen.Storage.Rows;
using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Evidence;

/// <summary>
/// Keeps original files (documents, scans, recordings) as evidence: content-addressed by SHA-256,
/// encrypted with the record id as associated data, and with a chain of custody that starts at
/// intake. The same content is stored once.
/// </summary>
public sealed class EvidenceStore
{
    public const string Table = "evidence_files";
    private readonly TumenDbContext _db;
    private readonly WorkspaceSession _session;

    public EvidenceStore(TumenDbContext db)
    {
        _db = db;
        _session = db.Session ?? throw new InvalidOperationException("The workspace must be unlocked to store evidence.");
    }

    /// <summary>Stages a file (or finds the same content already stored); the caller saves.</summary>
    public async Task<EvidenceRow> AddAsync(byte[] content, string fileName, string mediaType, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var existing = await _db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Sha256 == sha256, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var id = Guid.NewGuid();
        var row = new EvidenceRow
        {
            Id = id,
            Sha256 = sha256,
            MediaType = mediaType,
            Length = content.LongLength,
            FileName = _session.Protect(fileName, Table, id, "file_name"),
            Content = _session.Keys.Encrypt(content, WorkspaceSession.Context(Table, id, "content")),
        };
        _db.Evidence.Add(row);
        _db.Custody.Add(new CustodyRow
        {
            Id = Guid.NewGuid(),
            EvidenceId = id,
            At = _session.Now(),
            Actor = _session.Actor,
            Action = "intake",
        });
        return row;
    }

    /// <summary>The original bytes, checked against the hash recorded at intake; the read is audited.</summary>
    public byte[] Open(EvidenceRow row)
    {
        if (!_session.Keys.TryDecrypt(row.Content, WorkspaceSession.Context(Table, row.Id, "content"), out var content)
            || !string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), row.Sha256, StringComparison.Ordinal))
        {
            throw new TamperedException($"evidence file {row.Id:D} does not match the hash recorded at intake");
        }

        _db.RecordAccess("read", Table, row.RowId);
        return content;
    }
}
