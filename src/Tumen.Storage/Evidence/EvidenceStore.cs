using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tumen.Storage.Rows;
using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Evidence;

/// <summary>
/// Keeps original files (documents, scans, recordings) as evidence: found again by a keyed hash of
/// their content (a plain SHA-256 would let anyone holding a copy of a file confirm the workspace
/// holds it), encrypted with the record id as associated data, with the plain SHA-256 kept encrypted
/// for custody records, and a chain of custody that starts at intake. The same content is stored once.
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
        var contentKey = ContentKey(_session, sha256);
        var existing = await _db.Evidence.AsNoTracking()
            .SingleOrDefaultAsync(e => e.ContentKey == contentKey || e.Sha256 == sha256, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing;
        }

        var id = Guid.NewGuid();
        var row = new EvidenceRow
        {
            Id = id,
            ContentKey = contentKey,
            Sha256Sealed = _session.Protect(sha256, Table, id, "sha256"),
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

    /// <summary>The SHA-256 recorded at intake (decrypted), for custody records and court exhibits.</summary>
    public static string RecordedSha256(WorkspaceSession session, EvidenceRow row) =>
        row.Sha256Sealed is { } sealedHash ? session.Unprotect<string>(sealedHash, Table, row.Id, "sha256")
        : row.Sha256 ?? throw new TamperedException($"evidence_files row {row.Id:D}: it has no recorded hash");

    /// <summary>The keyed lookup hash of a file with this SHA-256.</summary>
    public static string ContentKey(WorkspaceSession session, string sha256) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(session.Keys.EvidenceKey, System.Text.Encoding.ASCII.GetBytes(sha256)));

    /// <summary>What is wrong with a stored file (content, recorded hash, lookup hash), or null: shared by <see cref="Open"/> and verify.</summary>
    public static string? Problem(WorkspaceSession session, EvidenceRow row, out byte[] content)
    {
        if (!session.Keys.TryDecrypt(row.Content, WorkspaceSession.Context(Table, row.Id, "content"), out content))
        {
            return $"evidence file {row.Id:D}: its content does not decrypt (altered, or moved from another record)";
        }

        if (row.Sha256Sealed is not null && !session.CanOpen(row.Sha256Sealed, Table, row.Id, "sha256"))
        {
            return $"evidence file {row.Id:D}: its recorded hash does not decrypt (altered, or moved from another record)";
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!string.Equals(sha256, RecordedSha256(session, row), StringComparison.Ordinal))
        {
            return $"evidence file {row.Id:D}: its SHA-256 no longer matches the hash recorded at intake";
        }

        return row.ContentKey is null || string.Equals(row.ContentKey, ContentKey(session, sha256), StringComparison.Ordinal)
            ? null
            : $"evidence file {row.Id:D}: its lookup hash does not match its content";
    }

    /// <summary>The original bytes, checked against the hash recorded at intake; the read is audited.</summary>
    public byte[] Open(EvidenceRow row)
    {
        if (Problem(_session, row, out var content) is { } problem)
        {
            throw new TamperedException(problem);
        }

        _db.RecordAccess("read", Table, row.RowId);
        return content;
    }
}
