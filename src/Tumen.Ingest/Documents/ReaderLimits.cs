namespace Tumen.Ingest.Documents;

/// <summary>
/// Bounds that keep a hostile or broken file from exhausting memory or time: a file over
/// <see cref="MaxFileBytes"/> is refused, text over <see cref="MaxTextChars"/> is cut (and flagged), a
/// parse that takes longer than <see cref="MaxReadTime"/> is given up, and a PDF whose streams decode to
/// more than <see cref="MaxPdfStreamBytes"/> each or <see cref="MaxPdfDecodedBytes"/> together is refused.
/// </summary>
public sealed record ReaderLimits
{
    /// <summary>The defaults: 64 MB per file, 4 million characters of text, 20 s per file, 2,000 PDF pages, HTML nesting 512.</summary>
    public static ReaderLimits Default { get; } = new();

    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    public int MaxTextChars { get; init; } = 4_000_000;

    /// <summary>How long one file may take to parse before the read gives up on it and the import goes on.</summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromSeconds(20);

    public int MaxPdfPages { get; init; } = 2_000;

    /// <summary>
    /// Largest decoded PDF stream (page content, form, font). A news page's content is tens of kilobytes;
    /// 16 MB of content is about two million drawing operators, a few seconds of PdfPig's time.
    /// </summary>
    public long MaxPdfStreamBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Largest total of all decoded PDF streams of one file.</summary>
    public long MaxPdfDecodedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Deepest nesting PdfPig may follow (forms in forms, nested dictionaries and arrays).</summary>
    public int MaxPdfNesting { get; init; } = 100;

    /// <summary>Deeper HTML element nesting than this is refused: no article is nested that deep.</summary>
    public int MaxHtmlDepth { get; init; } = 512;
}
