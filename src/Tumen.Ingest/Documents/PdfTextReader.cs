using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Tumen.Ingest.Documents;

/// <summary>Text of a PDF, page by page in reading order (PdfPig). A damaged or truncated file is a clear error.</summary>
internal static class PdfTextReader
{
    public static string ToText(byte[] bytes, string fileName, ReaderLimits limits, List<string> warnings, out string? title)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            title = string.IsNullOrWhiteSpace(pdf.Information.Title) ? null : pdf.Information.Title.Trim();
            var sb = new StringBuilder();
            var pages = Math.Min(pdf.NumberOfPages, limits.MaxPdfPages);
            if (pdf.NumberOfPages > pages)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"Only the first {pages} of {pdf.NumberOfPages} pages were read."));
            }

            for (var n = 1; n <= pages && sb.Length <= limits.MaxTextChars; n++)
            {
                var page = pdf.GetPage(n);
                sb.Append(ContentOrderTextExtractor.GetText(page)).Append("\n\n");
            }

            return sb.ToString();
        }
        catch (Exception ex) when (ex is not DocumentReadException and not OutOfMemoryException)
        {
            throw new DocumentReadException($"{fileName} is not a readable PDF (damaged or truncated: {ex.GetType().Name}).", ex);
        }
    }
}
