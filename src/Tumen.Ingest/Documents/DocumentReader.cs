using System.Globalization;
using System.Security.Cryptography;
using Tumen.Core;
using Tumen.Core.Files;

namespace Tumen.Ingest.Documents;

/// <summary>
/// One file read for an import: the document and the bytes it was read from, or why it could not be
/// read (<see cref="Failure"/>, a message naming the file, never its content).
/// </summary>
public sealed record DocumentReadResult(string Path, SourceDocument? Document, byte[]? Original, string? Failure)
{
    /// <summary>Whether the file was read; when false, <see cref="Failure"/> says why.</summary>
    public bool IsRead => Document is not null;
}

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

    /// <summary>
    /// Reads a file from disk: the file is checked before it is opened (links resolved; only ordinary
    /// files; size under <see cref="ReaderLimits.MaxFileBytes"/>), read with that bound, and the read
    /// and the parse together are given up after <see cref="ReaderLimits.MaxReadTime"/>.
    /// </summary>
    public async Task<SourceDocument> ReadAsync(string path, CancellationToken cancellationToken) =>
        (await ReadFileAsync(path, cancellationToken).ConfigureAwait(false)).Document!;

    /// <summary>
    /// Reads one file of an import and never throws for a bad file: the result holds the document and
    /// the exact bytes it was read from (to store as evidence, so the file is read once), or a message
    /// naming the file and what is wrong with it, so a folder import reports it and goes on.
    /// </summary>
    public async Task<DocumentReadResult> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (TumenException ex) when (ex.ExitCode == ExitCode.BadInput)
        {
            return new DocumentReadResult(path, null, null, ex.Message);
        }
    }

    /// <summary>Reads a file from disk (synchronous convenience for tools and tests); the same checks as <see cref="ReadAsync"/>.</summary>
    public SourceDocument Read(string path)
    {
        var name = Path.GetFileName(path);
        return BoundedRead.Run(DisplayPath.Of(name), _limits.MaxReadTime, stop => Parse(name, Load(path, stop), stop));
    }

    /// <summary>
    /// Reads a document from its bytes; <paramref name="fileName"/> gives the format by its extension.
    /// The parse runs on its own thread and is given up after <see cref="ReaderLimits.MaxReadTime"/>.
    /// </summary>
    public SourceDocument Read(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        CheckSize(fileName, bytes.LongLength);
        return BoundedRead.Run(DisplayPath.Of(fileName), _limits.MaxReadTime, stop => Parse(fileName, bytes, stop));
    }

    private async Task<DocumentReadResult> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (FormatOf(name) is null)
        {
            throw new DocumentReadException($"{DisplayPath.Of(name)}: unsupported file type; Tumen reads {string.Join(", ", Extensions)}.");
        }

        return await BoundedRead.RunAsync(
            DisplayPath.Of(name),
            _limits.MaxReadTime,
            stop =>
            {
                var bytes = Load(path, stop);
                return new DocumentReadResult(path, Parse(name, bytes, stop), bytes, null);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The file's bytes, read through <see cref="InputFile"/>: checked first, then read with a bound.</summary>
    private byte[] Load(string path, CancellationToken stop)
    {
        try
        {
            return InputFile.ReadAllBytes(path, _limits.MaxFileBytes, stop);
        }
        catch (TumenException ex) when (ex is not DocumentReadException)
        {
            throw new DocumentReadException(ex.Message, ex);
        }
    }

    private SourceDocument Parse(string rawFileName, byte[] bytes, CancellationToken stop)
    {
        var fileName = DisplayPath.Of(rawFileName); // for messages; the document keeps the name as it is
        var format = FormatOf(rawFileName)
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
        return new SourceDocument(sha[..12], rawFileName, format, LanguageDetector.Detect(text), sha, title, text, warnings)
        {
            Truncated = truncated,
        };
    }

    private void CheckSize(string fileName, long length)
    {
        var name = DisplayPath.Of(fileName);
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
