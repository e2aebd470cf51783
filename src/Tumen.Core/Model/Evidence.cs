namespace Tumen.Core.Model;

/// <summary>
/// A file kept as evidence: identified by the SHA-256 of its original bytes, stored encrypted, with
/// every handling recorded so its chain of custody can be shown to a court.
/// </summary>
public sealed record EvidenceFile
{
    public required Guid Id { get; init; }

    /// <summary>Lower-case hex SHA-256 of the original bytes.</summary>
    public required string Sha256 { get; init; }

    public required string MediaType { get; init; }

    public required long Length { get; init; }

    /// <summary>The original file name (encrypted: names of files often carry names of people).</summary>
    public string? FileName { get; init; }

    public IReadOnlyList<CustodyEntry> Custody { get; init; } = [];
}

/// <summary>One step in a file's chain of custody.</summary>
/// <param name="Action">received, stored, viewed, exported, verified, ...</param>
public sealed record CustodyEntry(DateTimeOffset At, string Actor, string Action, string? Note);

/// <summary>
/// What a person agreed to, recorded by whom and when. A withdrawal is a new record, never an edit,
/// so the history of consent stays visible.
/// </summary>
/// <param name="Scope">A <c>consent_scope</c> id.</param>
public sealed record Consent(Guid Id, Guid PersonId, string Scope, bool Given, string RecordedBy, DateTimeOffset RecordedAt, string? Note);
