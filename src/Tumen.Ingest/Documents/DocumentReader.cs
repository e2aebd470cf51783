using System.Globalization;
using System.Security.Cryptography;

namespace Tumen.Ingest.Documents;

/// <summary>
/// Reads .txt, .md, .html/.htm, .pdf and .docx files into <see cref="SourceDocument"/>s. Every failure
/// is a <see cref="DocumentReadException"/> naming the file, so a folder import can go on past it.
/// </summary>
public sealed class DocumentReader
{
    private readonly ReaderLimits _limits;

    public DocumentReader(ReaderLimits? limits = null) => _limits = limits ?? ReaderLimits.Default;

    /// <summary>The file extensions this reader accepts, lower case with the dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx"];

    /// <summary>Whether <paramref name="path"/> has an extension this reader handles.</summary>
    public static bool CanRead(string path) => FormatOf(path) is not null;

    /// <summary>Reads a file from disk.</summary>
    public async Task<SourceDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new DocumentReadException($"{name}: no such file.");
        }

        CheckSize(name, info.Length);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new DocumentReadException($"{name} cannot be read ({ex.GetType().Name}).", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DocumentReadException($"{name} cannot be read (access denied).", ex);
        }

        CheckSize(name, bytes.LongLength);
        return await BoundedRead.RunAsync(name, _limits.MaxReadTime, stop => Parse(name, bytes, stop), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a file from disk (synchronous convenience for tools and tests).</summary>
    public SourceDocument Read(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new DocumentReadException($"{name}: no such file.");
        }

        CheckSize(name, new FileInfo(path).Length);
        return Read(name, File.ReadAllBytes(path));
    }

    /// <summary>
    /// Reads a document from its bytes; <paramref name="fileName"/> gives the format by its extension.
    /// The parse runs on its own thread and is given up after <see cref="ReaderLimits.MaxReadTime"/>.
    /// </summary>
    public SourceDocument Read(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        CheckSize(fileName, bytes.LongLength);
        return BoundedRead.Run(fileName, _limits.MaxReadTime, stop => Parse(fileName, bytes, stop));
    }

    private SourceDocument Parse(string fileName, byte[] bytes, CancellationToken stop)
    {
        var format = FormatOf(fileName)
            ?? throw new DocumentReadException($"{fileName}: unsupported file type; Tumen reads {string.Join(", ", Extensions)}.");
        if (bytes.Length == 0)
        {
            throw new DocumentReadException($"{fileName} is empty.");
        }

        var warnings = new List<string>();
        string? title = null;
        var raw = format switch
        {
            DocumentFormat.Text => TextDecoding.Decode(bytes, fileName, warnings),
            DocumentFormat.Markdown => MarkdownText.ToText(TextDecoding.Decode(bytes, fileName, warnings), out title),
            DocumentFormat.Html => HtmlArticleReader.ToText(TextDecoding.Decode(bytes, fileName, warnings), fileName, _limits, out title),
            DocumentFormat.Pdf => PdfTextReader.ToText(bytes, fileName, _limits, warnings, stop, out title),
            DocumentFormat.Docx => DocxTextReader.ToText(bytes, fileName, _limits, stop, out title),
            _ => throw new DocumentReadException($"{fileName}: unsupported file type."),
        };

        var text = TextCleanup.Clean(raw, _limits.MaxTextChars, warnings, out var truncated);
        if (text.Length == 0)
        {
            throw new DocumentReadException($"{fileName} contains no text.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        title = title is null ? FirstLine(text) : TextCleanup.Clean(title, 500, [], out _);
        return new SourceDocument(sha[..12], fileName, format, LanguageDetector.Detect(text), sha, title, text, warnings)
        {
            Truncated = truncated,
        };
    }

    private void CheckSize(string name, long length)
    {
        if (length > _limits.MaxFileBytes)
        {
            throw new DocumentReadException(string.Create(
                CultureInfo.InvariantCulture,
                $"{name} is {length / (1024 * 1024)} MB; documents over {_limits.MaxFileBytes / (1024 * 1024)} MB are not read."));
        }
    }

    private static DocumentFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".text" => DocumentFormat.Text,
        ".md" or ".markdown" => DocumentFormat.Markdown,
        ".html" or ".htm" or ".xhtml" => DocumentFormat.Html,
        ".pdf" => DocumentFormat.Pdf,
        ".docx" => DocumentFormat.Docx,
        _ => null,
    };

    private static string? FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var line = (end < 0 ? text : text[..end]).Trim();
        return line.Length == 0 ? null : line.Length <= 200 ? line : line[..200];
    }
}
