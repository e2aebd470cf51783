using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Tumen.Ingest.Documents;

/// <summary>
/// Paragraph text and title of a Word document, read from memory. The package is opened with
/// <see cref="ZipArchive"/> over the file's bytes rather than through DocumentFormat.OpenXml, whose
/// System.IO.Packaging layer copies parts into a file in the temp folder: a kill in that window left a
/// survivor's testimony in plaintext on disk. Each part is read with a character cap (zip bombs) and
/// without DTDs or entity expansion.
/// </summary>
internal static class DocxTextReader
{
    private const string MainDocumentType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string StrictMainDocumentType = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
    private const string CorePropertiesType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public static string ToText(byte[] bytes, string fileName, ReaderLimits limits, CancellationToken cancellation, out string? title)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 0,
                MaxCharactersInDocument = limits.MaxTextChars * 8L,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            var relations = Relationships(zip, settings);
            var main = Part(zip, relations.GetValueOrDefault(MainDocumentType) ?? relations.GetValueOrDefault(StrictMainDocumentType) ?? "word/document.xml")
                ?? throw new DocumentReadException($"{fileName} has no document body.");
            title = Title(Part(zip, relations.GetValueOrDefault(CorePropertiesType) ?? "docProps/core.xml"), settings);
            return BodyText(main, settings, limits, cancellation);
        }
        catch (Exception ex) when (ex is not DocumentReadException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw new DocumentReadException($"{fileName} is not a readable Word document ({ex.GetType().Name}).", ex);
        }
    }

    private static ZipArchiveEntry? Part(ZipArchive zip, string target) => zip.GetEntry(target.TrimStart('/'));

    /// <summary>The package relationships by type: which part is the document and which holds its properties.</summary>
    private static Dictionary<string, string> Relationships(ZipArchive zip, XmlReaderSettings settings)
    {
        var relations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("_rels/.rels") is not { } entry)
        {
            return relations;
        }

        using var xml = XmlReader.Create(entry.Open(), settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && string.Equals(xml.LocalName, "Relationship", StringComparison.Ordinal)
                && xml.GetAttribute("Type") is { } type && xml.GetAttribute("Target") is { } target)
            {
                relations.TryAdd(type, target);
            }
        }

        return relations;
    }

    private static string? Title(ZipArchiveEntry? core, XmlReaderSettings settings)
    {
        if (core is null)
        {
            return null;
        }

        using var xml = XmlReader.Create(core.Open(), settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && string.Equals(xml.LocalName, "title", StringComparison.Ordinal)
                && string.Equals(xml.NamespaceURI, DublinCore, StringComparison.Ordinal))
            {
                var title = xml.ReadElementContentAsString().Trim();
                return title.Length == 0 ? null : title;
            }
        }

        return null;
    }

    /// <summary>The text runs (w:t) of the body, one line per paragraph (w:p), tabs as spaces.</summary>
    private static string BodyText(ZipArchiveEntry main, XmlReaderSettings settings, ReaderLimits limits, CancellationToken cancellation)
    {
        var sb = new StringBuilder();
        using var xml = XmlReader.Create(main.Open(), settings);
        xml.Read();
        while (!xml.EOF && sb.Length <= limits.MaxTextChars)
        {
            var wordprocessing = IsWordprocessing(xml.NamespaceURI);
            if (wordprocessing && xml.NodeType == XmlNodeType.Element && string.Equals(xml.LocalName, "t", StringComparison.Ordinal) && !xml.IsEmptyElement)
            {
                sb.Append(xml.ReadElementContentAsString()); // leaves the reader on the node after </w:t>
                continue;
            }

            if (wordprocessing && xml.NodeType == XmlNodeType.Element && string.Equals(xml.LocalName, "tab", StringComparison.Ordinal))
            {
                sb.Append(' ');
            }
            else if (wordprocessing && xml.NodeType == XmlNodeType.EndElement && string.Equals(xml.LocalName, "p", StringComparison.Ordinal))
            {
                cancellation.ThrowIfCancellationRequested();
                sb.Append('\n');
            }

            xml.Read();
        }

        return sb.ToString();
    }

    private static bool IsWordprocessing(string ns) =>
        string.Equals(ns, "http://schemas.openxmlformats.org/wordprocessingml/2006/main", StringComparison.Ordinal)
        || string.Equals(ns, "http://purl.oclc.org/ooxml/wordprocessingml/main", StringComparison.Ordinal);
}
