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
}
