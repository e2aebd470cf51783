using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tumen.Ingest.Documents;

/// <summary>Paragraph text of a Word document (DocumentFormat.OpenXml), with part sizes bounded against zip bombs.</summary>
internal static class DocxTextReader
{
    public static string ToText(byte[] bytes, string fileName, ReaderLimits limits, CancellationToken cancellation, out string? title)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxTextChars * 8L });
            title = string.IsNullOrWhiteSpace(word.PackageProperties.Title) ? null : word.PackageProperties.Title.Trim();
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new DocumentReadException($"{fileName} has no document body.");
            var sb = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                cancellation.ThrowIfCancellationRequested();
                sb.Append(paragraph.InnerText).Append('\n');
                if (sb.Length > limits.MaxTextChars)
                {
                    break;
                }
            }

            return sb.ToString();
        }
        catch (Exception ex) when (ex is not DocumentReadException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw new DocumentReadException($"{fileName} is not a readable Word document ({ex.GetType().Name}).", ex);
        }
    }
}
