namespace Tumen.Ingest.Documents;

/// <summary>The file formats Tumen reads as documents.</summary>
public enum DocumentFormat
{
    Text,
    Markdown,
    Html,
    Pdf,
    Docx,
}

/// <summary>
/// A document as read from a file: its article text (NFC, LF line ends) and what identifies the
/// original. Every span an extractor reports is an offset into <see cref="Text"/>; the original
/// bytes are identified by <see cref="Sha256"/> so the workspace can keep them as evidence.
/// </summary>
/// <param name="Id">Stable id: the first 12 hex digits of the SHA-256; a caller may replace it (e.g. with a Source id).</param>
/// <param name="FileName">The file name as given, without directories that may reveal a case.</param>
/// <param name="Language"><c>en</c>, <c>ko</c>, <c>zh</c>, <c>mixed</c>, or <c>und</c> when there is too little text to tell.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the original bytes.</param>
/// <param name="Title">The title from the document's metadata or its first line; null when none.</param>
/// <param name="Warnings">What was repaired or cut while reading (invalid bytes, truncation); never contains document text.</param>
public sealed record SourceDocument(
    string Id,
    string FileName,
    DocumentFormat Format,
    string Language,
    string Sha256,
    string? Title,
    string Text,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Whether the text was cut at <see cref="ReaderLimits.MaxTextChars"/>.</summary>
    public bool Truncated { get; init; }
}
