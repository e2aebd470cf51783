namespace Tumen.Storage.Rows;

/// <summary>
/// A stored row that carries a seal: an HMAC over all its other columns, so any change made outside
/// Tumen — a flipped byte, a swapped ciphertext, an edited vocabulary id — is found by <c>tumen verify</c>.
/// </summary>
public interface ISealedRow
{
    /// <summary>The row's key, as text, for audit entries and error messages.</summary>
    string RowId { get; }

    byte[] Seal { get; set; }
}

/// <summary>
/// Marks a column added after rows were first sealed: it is left out of the seal while null, so rows
/// sealed before it existed still verify, and is sealed like any other column once it holds a value.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SealedWhenSetAttribute : Attribute;

/// <summary>Workspace settings: format version, the wrapped key and its KDF settings.</summary>
public sealed class MetaRow
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}

public sealed class PersonRow : ISealedRow
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    /// <summary>Comma-separated <c>person_role</c> ids.</summary>
    public string Roles { get; set; } = "";

    public string Sex { get; set; } = "unknown";

    public string? OriginPlaceId { get; set; }

    public Guid? SourceId { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    /// <summary>Encrypted JSON of every identifying field (<see cref="Persons.PersonSecrets"/>).</summary>
    public required byte[] Secrets { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

public sealed class EventRow : ISealedRow
{
    public Guid Id { get; set; }

    public string StartDate { get; set; } = "";

    public string EndDate { get; set; } = "";

    public string? PlaceId { get; set; }

    public string Confidentiality { get; set; } = "confidential";

    /// <summary>Encrypted title and description.</summary>
    public required byte[] Secrets { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

public sealed class ActRow : ISealedRow
{
    public Guid Id { get; set; }

    public Guid? EventId { get; set; }

    public Guid VictimId { get; set; }

    public required string ViolationType { get; set; }

    /// <summary>EDTF text; the year or range is kept in the clear for statistics, the exact day is not.</summary>
    public string DateYear { get; set; } = "";

    public string? PlaceId { get; set; }

    public int? AgeAtTime { get; set; }

    public Guid? SourceId { get; set; }

    /// <summary>Encrypted exact date, exact location and description.</summary>
    public required byte[] Secrets { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

public sealed class InvolvementRow : ISealedRow
{
    public Guid Id { get; set; }

    public Guid ActId { get; set; }

    public Guid PerpetratorId { get; set; }

    public required string Role { get; set; }

    public required string Degree { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

public sealed class SourceRow : ISealedRow
{
    public Guid Id { get; set; }

    public required string Kind { get; set; }

    public string Reliability { get; set; } = "unknown";

    public string Confidentiality { get; set; } = "confidential";

    public string Date { get; set; } = "";

    public Guid? EvidenceFileId { get; set; }

    /// <summary>Keyed hash of the normalised label, to find a list source again on the next import.</summary>
    public byte[]? LabelHash { get; set; }

    /// <summary>Encrypted title and text.</summary>
    public required byte[] Secrets { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

public sealed class EvidenceRow : ISealedRow
{
    public Guid Id { get; set; }

    /// <summary>
    /// The plain SHA-256 of files stored before format 2 (null since): anyone holding a copy of a file
    /// could confirm the workspace holds it, so new files keep it only encrypted (<see cref="Sha256Sealed"/>).
    /// </summary>
    public string? Sha256 { get; set; }

    /// <summary>Keyed hash of the content: finds the same file again without revealing which file it is.</summary>
    [SealedWhenSet]
    public string? ContentKey { get; set; }

    /// <summary>The plain SHA-256, encrypted, for custody records.</summary>
    [SealedWhenSet]
    public byte[]? Sha256Sealed { get; set; }

    public required string MediaType { get; set; }

    public long Length { get; set; }

    /// <summary>Encrypted original file name.</summary>
    public required byte[] FileName { get; set; }

    /// <summary>The file's bytes, encrypted with the evidence id as associated data.</summary>
    public required byte[] Content { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

public sealed class CustodyRow : ISealedRow
{
    public Guid Id { get; set; }

    public Guid EvidenceId { get; set; }

    public long At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

public sealed class ConsentRow : ISealedRow
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public required string Scope { get; set; }

    public bool Given { get; set; }

    public required string RecordedBy { get; set; }

    public long RecordedAt { get; set; }

    /// <summary>Encrypted note.</summary>
    public byte[]? Note { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

public sealed class ClaimRow : ISealedRow
{
    public Guid Id { get; set; }

    public Guid SourceId { get; set; }

    public double? Value { get; set; }

    public double? Low { get; set; }

    public double? High { get; set; }

    public string? Unit { get; set; }

    public string? Qualifier { get; set; }

    /// <summary>Encrypted text, what is counted and who asserts it.</summary>
    public required byte[] Secrets { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

/// <summary>One blind-index token of one field of one record.</summary>
public sealed class SearchTokenRow
{
    public required byte[] Token { get; set; }

    public required string Entity { get; set; }

    /// <summary>The record's id in "D" form (text on every provider, so bulk inserts need no provider-specific binding).</summary>
    public required string RecordId { get; set; }
}

/// <summary>One completed import, so the same file is not imported twice by accident.</summary>
public sealed class ImportRow : ISealedRow
{
    public Guid Id { get; set; }

    /// <summary>Keyed hash of the file's bytes (a plain hash would let a seized disk confirm which list was imported).</summary>
    public required byte[] FileHash { get; set; }

    public int Rows { get; set; }

    public long At { get; set; }

    public required string Actor { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

/// <summary>One entry of the hash-chained audit log. Never holds plaintext: ids and actions only.</summary>
public sealed class AuditRow
{
    public long Seq { get; set; }

    /// <summary>How <see cref="Hash"/> is computed: 1 joined fields with a separator (kept for old chains), 2 length-prefixes them.</summary>
    public int Format { get; set; } = 1;

    /// <summary>
    /// For a create or update (format 2): a keyed digest of the row's seal and its search tokens as
    /// written, so verify can tell whether a live row is the version the chain last recorded.
    /// </summary>
    public string? State { get; set; }

    public long At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string Entity { get; set; }

    public required string RecordId { get; set; }

    /// <summary>Hex MAC of the previous entry (64 zeros for the first).</summary>
    public required string Previous { get; set; }

    /// <summary>Hex MAC over this entry's fields and <see cref="Previous"/>.</summary>
    public required string Hash { get; set; }
}

/// <summary>Which cluster (the same person across records) a person record belongs to, as the last <c>tumen link</c> found.</summary>
public sealed class PersonLinkRow : ISealedRow
{
    public Guid PersonId { get; set; }

    /// <summary>The id of the cluster's first person in code order, so an unchanged cluster keeps its id.</summary>
    public Guid ClusterId { get; set; }

    public long LinkedAt { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => PersonId.ToString("D");
}

/// <summary>
/// A pair of person records the linkage was unsure about, and what a reviewer decided. Holds ids,
/// the score and which comparisons agreed — never a name.
/// </summary>
public sealed class LinkReviewRow : ISealedRow
{
    public Guid Id { get; set; }

    /// <summary>The smaller of the two person ids (pairs are stored once, in order).</summary>
    public Guid LeftId { get; set; }

    public Guid RightId { get; set; }

    /// <summary>The match probability at the last run.</summary>
    public double Probability { get; set; }

    /// <summary>pending, same or different.</summary>
    public required string Status { get; set; }

    public string? DecidedBy { get; set; }

    public long? DecidedAt { get; set; }

    public long UpdatedAt { get; set; }

    /// <summary>JSON of what each comparison contributed (levels and weights, no values).</summary>
    public required string Explanation { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}
