using System.Text;
using Tumen.Ingest.Documents;
using Tumen.Ingest.Extraction;

namespace Tumen.Ingest.Tests.Extraction;

/// <summary>Builds documents and findings from strings and from the test corpus in Data/Corpus.</summary>
internal static class Docs
{
    private static readonly DocumentReader Reader = new();

    public static SourceDocument FromText(string text, string name = "doc.txt") => Reader.Read(name, Encoding.UTF8.GetBytes(text));

    public static DocumentFindings Extract(string text) => Extractor.Default.Extract(FromText(text));

    public static DocumentFindings Corpus(string file) =>
        Extractor.Default.Extract(Reader.Read(Path.Combine(AppContext.BaseDirectory, "Data", "Corpus", file)));

    public static NumericClaim Single(string text) => Extract(text).Claims.ShouldHaveSingleItem();
}
