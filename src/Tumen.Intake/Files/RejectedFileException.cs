namespace Tumen.Intake.Files;

/// <summary>Why an uploaded file was refused; the portal shows a message for the reason, never the file's content.</summary>
public enum RejectionReason
{
    /// <summary>Not a JPEG, PNG, PDF or DOCX file.</summary>
    UnsupportedType,

    /// <summary>Its name or declared type says one kind and its bytes are another (or none).</summary>
    NotWhatItClaims,

    /// <summary>It starts like a supported file but its structure is broken.</summary>
    Damaged,

    /// <summary>Larger than the portal accepts.</summary>
    TooLarge,
}

/// <summary>An uploaded file the portal will not accept.</summary>
public sealed class RejectedFileException(RejectionReason reason) : Exception($"file refused: {reason}")
{
    public RejectionReason Reason { get; } = reason;
}
