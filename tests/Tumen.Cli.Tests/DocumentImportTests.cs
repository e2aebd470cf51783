using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Tumen.Cli.Tests;

/// <summary><c>tumen import</c> of documents and folders: sources with encrypted evidence, bad files reported.</summary>
public sealed class DocumentImportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tumen-docs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task ImportingAFolder_StoresEachDocumentOnce_AndReportsTheBadFileAtTheEnd()
    {
        var folder = Path.Combine(_root, "inbox");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "a-report.md"),
            "# Shelter report\n\nThe shelter counted more than 1,200 women trafficked through Yanbian since 2019. " +
            "\"I was sold to a farmer in Helong,\" one survivor, 뷁똠, told researchers.\n");
        var junk = new byte[4096];
        new Random(3).NextBytes(junk);
        await File.WriteAllBytesAsync(Path.Combine(folder, "b-junk.txt"), junk);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TUMEN_WORKSPACE"] = Path.Combine(_root, "ws"),
            ["TUMEN_PASSPHRASE"] = "document import passphrase",
        };
        (await CliRunner.RunAsync(variables, "init", "--kdf-memory", "8")).ExitCode.ShouldBe(0);

        var first = await CliRunner.RunAsync(variables, "import", folder);
        first.ExitCode.ShouldBe(2);
        first.Out.ShouldContain("a-report.md: stored as source");
        first.Out.ShouldContain("1 numeric claim");
        first.Error.ShouldContain("b-junk.txt");
        first.Error.ShouldContain("1 of 2 file(s) were not imported");

        var again = await CliRunner.RunAsync(variables, "import", Path.Combine(folder, "a-report.md"));
        again.ExitCode.ShouldBe(0);
        again.Out.ShouldContain("already stored");

        var verify = await CliRunner.RunAsync(variables, "verify");
        verify.ExitCode.ShouldBe(0, verify.Error);
        verify.Out.ShouldContain("1 evidence files");

        var database = await File.ReadAllBytesAsync(Path.Combine(_root, "ws", "tumen.db"));
        database.AsSpan().IndexOf("뷁똠"u8).ShouldBe(-1);
        database.AsSpan().IndexOf("sold to a farmer"u8).ShouldBe(-1);
    }

    [Fact]
    public async Task ImportingAFolder_GoesOnPastAPdfBomb_AndReportsIt()
    {
        var folder = Path.Combine(_root, "bombs");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "a-bomb.pdf"), PdfBomb(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "b-note.txt"), "More than 82,000 cases were recorded in Jilin.\n", TestContext.Current.CancellationToken);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TUMEN_WORKSPACE"] = Path.Combine(_root, "ws-bomb"),
            ["TUMEN_PASSPHRASE"] = "document import passphrase",
        };
        (await CliRunner.RunAsync(variables, "init", "--kdf-memory", "8")).ExitCode.ShouldBe(0);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var import = await CliRunner.RunAsync(variables, "import", folder);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        import.ExitCode.ShouldBe(2);
        import.Out.ShouldContain("b-note.txt: stored as source");
        import.Error.ShouldContain("a-bomb.pdf");
        import.Error.ShouldContain("decode to more than");
        import.Error.ShouldContain("1 of 2 file(s) were not imported");

        var extract = await CliRunner.RunAsync(variables, "extract", folder, "--json");
        extract.ExitCode.ShouldBe(2);
        extract.Out.ShouldContain("b-note.txt");
        extract.Error.ShouldContain("a-bomb.pdf");
    }

    /// <summary>A one-page PDF whose page content inflates from about 200 KB to 200 MB of drawing operators.</summary>
    private static byte[] PdfBomb()
    {
        using var content = new MemoryStream();
        using (var zlib = new ZLibStream(content, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var operators = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0 0 m 1 1 l S\n", 10_000)));
            for (var i = 0; i < 1_400; i++)
            {
                zlib.Write(operators);
            }
        }

        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.4\n");
        foreach (var body in new[] { "<</Type /Catalog /Pages 2 0 R>>", "<</Type /Pages /Kids [3 0 R] /Count 1>>", "<</Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R>>" })
        {
            offsets.Add(pdf.Position);
            Write(string.Create(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj {body} endobj\n"));
        }

        offsets.Add(pdf.Position);
        Write(string.Create(CultureInfo.InvariantCulture, $"4 0 obj <</Length {content.Length} /Filter /FlateDecode>>\nstream\n"));
        content.WriteTo(pdf);
        Write("\nendstream\nendobj\n");
        var xref = pdf.Position;
        Write("xref\n0 5\n0000000000 65535 f \n" + string.Concat(offsets.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n"))));
        Write(string.Create(CultureInfo.InvariantCulture, $"trailer <</Size 5 /Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }
}
