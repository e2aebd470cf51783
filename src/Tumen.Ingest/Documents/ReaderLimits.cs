namespace Tumen.Ingest.Documents;

/// <summary>
/// Bounds that keep a hostile or broken file from exhausting memory or time: a file over
/// <see cref="MaxFileBytes"/> is refused, text over <see cref="MaxTextChars"/> is cut (and flagged).
/// </summary>
public sealed record ReaderLimits
{
    /// <summary>The defaults: 64 MB per file, 4 million characters of text, 2,000 PDF pages, HTML nesting 512.</summary>
    public static ReaderLimits Default { get; } = new();

    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    public int MaxTextChars { get; init; } = 4_000_000;

    public int MaxPdfPages { get; init; } = 2_000;

    /// <summary>Deeper HTML element nesting than this is refused: no article is nested that deep.</summary>
    public int MaxHtmlDepth { get; init; } = 512;
}
