using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Tumen.Ingest.Documents;

/// <summary>
/// Text of a PDF, page by page in reading order (PdfPig). A damaged or truncated file is a clear error.
/// Every stream PdfPig decodes goes through a <see cref="PdfStreamBudget"/>, nesting is capped, and the
/// page loop stops when the read is abandoned (see <see cref="BoundedRead"/>).
/// </summary>
internal static class PdfTextReader
{
    public static string ToText(byte[] bytes, string fileName, ReaderLimits limits, List<string> warnings, CancellationToken cancellation, out string? title)
    {
        var budget = new PdfStreamBudget(fileName, limits, cancellation);
        try
        {
            var options = new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                FilterProvider = budget,
                MaxStackDepth = limits.MaxPdfNesting,
            };
            using var pdf = PdfDocument.Open(bytes, options);
            title = string.IsNullOrWhiteSpace(pdf.Information.Title) ? null : pdf.Information.Title.Trim();
            var sb = new StringBuilder();
            var pages = Math.Min(pdf.NumberOfPages, limits.MaxPdfPages);
            if (pdf.NumberOfPages > pages)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"Only the first {pages} of {pdf.NumberOfPages} pages were read."));
            }

            for (var n = 1; n <= pages && sb.Length <= limits.MaxTextChars; n++)
            {
                cancellation.ThrowIfCancellationRequested();
                var page = pdf.GetPage(n);
                sb.Append(ContentOrderTextExtractor.GetText(page)).Append("\n\n");
                if (budget.Failure is { } failure)
                {
                    throw failure;
                }
            }

            return sb.ToString();
        }
        catch (Exception ex) when (ex is not DocumentReadException and not OutOfMemoryException and not OperationCanceledException)
        {
            if (budget.Failure is { } failure)
            {
                throw failure;
            }

            throw new DocumentReadException($"{fileName} is not a readable PDF (damaged or truncated: {ex.GetType().Name}).", ex);
        }
    }
}
