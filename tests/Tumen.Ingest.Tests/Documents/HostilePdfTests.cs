using System.Diagnostics;
using Tumen.Ingest.Documents;

namespace Tumen.Ingest.Tests.Documents;

/// <summary>PDFs crafted to make the parser loop, recurse or eat memory: each read ends, in bounded time, with a clear error or a bounded text.</summary>
public class HostilePdfTests
{
    [Fact]
    public void Read_PdfOfMillionsOfOperators_IsGivenUpAtTheTimeLimit_AndTheParseStops()
    {
        // Two million text operators (14 MB of content, under the stream budget): seconds of PdfPig's time.
        var bytes = CraftedPdf.ManyOperators(2_000_000);
        bytes.Length.ShouldBeLessThan(200_000);
        var reader = new DocumentReader(new ReaderLimits { MaxReadTime = TimeSpan.FromMilliseconds(500) });
        var watch = Stopwatch.StartNew();
        var ex = Should.Throw<DocumentReadException>(() => reader.Read("ops.pdf", bytes));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        ex.Message.ShouldContain("ops.pdf: could not read within 0.5 s");

        // The abandoned parse is asked to stop and does so at its next page or stream, not never.
        var stopped = Stopwatch.StartNew();
        while (BoundedRead.Abandoned > 0 && stopped.Elapsed < TimeSpan.FromSeconds(120))
        {
            Thread.Sleep(100);
        }

        BoundedRead.Abandoned.ShouldBe(0);
    }

    [Fact]
    public async Task ReadAsync_PdfOfMillionsOfOperators_IsGivenUpAtTheTimeLimit()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tumen-ops-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, CraftedPdf.ManyOperators(2_000_000), TestContext.Current.CancellationToken);
        try
        {
            var reader = new DocumentReader(new ReaderLimits { MaxReadTime = TimeSpan.FromMilliseconds(500) });
            var watch = Stopwatch.StartNew();
            var ex = await Should.ThrowAsync<DocumentReadException>(() => reader.ReadAsync(path, TestContext.Current.CancellationToken));
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
            ex.Message.ShouldContain("could not read within 0.5 s");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_PdfCompressionBomb_IsRefusedBeforeItIsInflated()
    {
        // Thirty million operators (210 MB of content) compressed into a few hundred kilobytes.
        var bytes = CraftedPdf.ManyOperators(30_000_000);
        bytes.Length.ShouldBeLessThan(2_000_000);
        var watch = Stopwatch.StartNew();
        var ex = Should.Throw<DocumentReadException>(() => new DocumentReader().Read("bomb.pdf", bytes));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        ex.Message.ShouldContain("bomb.pdf");
        ex.Message.ShouldContain("decode to more than 16 MB");
    }

    [Fact]
    public void Read_PdfWithCyclicPageTreeAndXref_EndsWithAClearError()
    {
        var watch = Stopwatch.StartNew();
        var ex = Should.Throw<DocumentReadException>(() => new DocumentReader().Read("cycle.pdf", CraftedPdf.CyclicPageTree()));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        ex.Message.ShouldContain("cycle.pdf");
    }

    [Fact]
    public void Read_PdfWithSelfReferencingStreams_EndsQuickly()
    {
        var watch = Stopwatch.StartNew();
        var ex = Should.Throw<DocumentReadException>(() => new DocumentReader().Read("self.pdf", CraftedPdf.SelfReferences()));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        ex.Message.ShouldContain("self.pdf");
    }

    [Fact]
    public void Read_PdfWithHugePageTree_ReadsOnlyThePageLimit()
    {
        var reader = new DocumentReader(new ReaderLimits { MaxPdfPages = 50 });
        var watch = Stopwatch.StartNew();
        var doc = reader.Read("pages.pdf", CraftedPdf.HugePageTree(200_000));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        doc.Warnings.ShouldContain(w => w.Contains("first 50 of 200000 pages", StringComparison.Ordinal));
        doc.Text.ShouldContain("300 women");
    }
}
