using System.Text;
using Tumen.Core;

namespace Tumen.Cli.Tests;

/// <summary>
/// Bad input gets one clear line on stderr and a non-zero exit, and nothing already stored changes:
/// the audit chain head and the persons are the same afterwards.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const string Passphrase = "bad input test passphrase";
    private const string SecretName = "뷁똠비밀이름";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tumen-badinput-" + Guid.NewGuid().ToString("N"));
    private Dictionary<string, string> _variables = [];

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _variables = new(StringComparer.Ordinal)
        {
            ["TUMEN_WORKSPACE"] = Path.Combine(_root, "ws"),
            ["TUMEN_PASSPHRASE"] = Passphrase,
        };
        (await CliRunner.RunAsync(_variables, "init", "--kdf-memory", "8")).ExitCode.ShouldBe(0);
        var list = Path.Combine(_root, "first.csv");
        await File.WriteAllTextAsync(list, "id,name,name_ko,sex\n1,Pak Myong-hui,박명희,F\n");
        (await CliRunner.RunAsync(_variables, "import", list)).ExitCode.ShouldBe(0);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<string> StateAsync()
    {
        var verify = await CliRunner.RunAsync(_variables, "verify");
        verify.ExitCode.ShouldBe(0, verify.Error);
        var export = await CliRunner.RunAsync(_variables, "export", "--format", "csv");
        // Drop the chain counts that the export itself adds: compare the chain head printed before it, and the data.
        return verify.Out + export.Out;
    }

    private async Task ShouldRefuseImportAsync(byte[] content, string expectedMessage, int exitCode = (int)ExitCode.BadInput)
    {
        var before = await StateAsync();
        var file = Path.Combine(_root, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllBytesAsync(file, content);
        var result = await CliRunner.RunAsync(_variables, "import", file);
        result.ExitCode.ShouldBe(exitCode);
        result.Error.ShouldContain(expectedMessage);
        result.Error.ShouldNotContain(SecretName);
        result.Error.ShouldNotContain("at Tumen.");
        var after = await StateAsync();
        after.Split('\n')[2..].ShouldBe(before.Split('\n')[2..], "the stored persons changed");
    }

    [Fact]
    public Task Csv_InALegacyKoreanEncoding_IsRefused() =>
        // "이금순" in EUC-KR: valid in that code page, invalid as UTF-8.
        ShouldRefuseImportAsync([.. "name,sex\n"u8, 0xC0, 0xCC, 0xB1, 0xDD, 0xBC, 0xF8, .. ",F\n"u8], "is not valid UTF-8");

    [Fact]
    public Task Csv_InUtf16_IsRefused() =>
        ShouldRefuseImportAsync([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("name\nx\n")], "is UTF-16");

    [Fact]
    public Task Csv_WithoutANameColumn_IsRefused() =>
        ShouldRefuseImportAsync(Encoding.UTF8.GetBytes($"id,sex,birth_date\n1,F,{SecretName}\n"), "has no name column");

    [Fact]
    public Task Csv_WithA10MegabyteField_IsRefused() =>
        ShouldRefuseImportAsync(Encoding.UTF8.GetBytes("name,testimony\nx,\"" + new string('가', 10 * 1024 * 1024 / 3) + "\"\n"), "a cell is longer than");

    [Fact]
    public Task BinaryJunk_IsRefused()
    {
        var junk = new byte[64 * 1024];
        new Random(5).NextBytes(junk);
        return ShouldRefuseImportAsync(junk, "not a text file");
    }

    [Fact]
    public Task Csv_WithARaggedRow_IsRefusedWithItsLine() =>
        ShouldRefuseImportAsync(Encoding.UTF8.GetBytes($"name,sex\nA,F\n{SecretName},F,extra\n"), "line 3: 3 cells, but the header has 2");

    [Fact]
    public Task Csv_WithAnUnknownViolation_NamesTheLineNotTheContent() =>
        ShouldRefuseImportAsync(Encoding.UTF8.GetBytes($"name,violation\n{SecretName},{SecretName}\n"), "line 2, column violation");

    [Fact]
    public Task Csv_WithAnOpenQuote_IsRefused() =>
        ShouldRefuseImportAsync(Encoding.UTF8.GetBytes($"name,testimony\nA,\"{SecretName}\n"), "never closed");

    [Fact]
    public async Task WrongPassphrase_IsRefused_AndNothingChanges()
    {
        var before = await StateAsync();
        var wrong = new Dictionary<string, string>(_variables, StringComparer.Ordinal) { ["TUMEN_PASSPHRASE"] = "not the passphrase" };
        var file = Path.Combine(_root, "more.csv");
        await File.WriteAllTextAsync(file, "name\nKim\n");
        var result = await CliRunner.RunAsync(wrong, "import", file);
        result.ExitCode.ShouldBe((int)ExitCode.WrongPassphrase);
        result.Error.Trim().ShouldBe("tumen: the passphrase does not unlock this workspace; nothing was changed.");
        (await StateAsync()).Split('\n')[2..].ShouldBe(before.Split('\n')[2..]);
    }

    [Fact]
    public async Task MissingWorkspace_SaysHowToCreateOne()
    {
        var elsewhere = new Dictionary<string, string>(_variables, StringComparer.Ordinal) { ["TUMEN_WORKSPACE"] = Path.Combine(_root, "nowhere") };
        var result = await CliRunner.RunAsync(elsewhere, "person", "list");
        result.ExitCode.ShouldBe((int)ExitCode.Workspace);
        result.Error.ShouldContain("no workspace at");
        result.Error.ShouldContain("tumen init");
        Directory.Exists(Path.Combine(_root, "nowhere")).ShouldBeFalse();
    }

    [Fact]
    public async Task SameFileTwice_IsRefusedUnlessForced()
    {
        var file = Path.Combine(_root, "twice.csv");
        await File.WriteAllTextAsync(file, "name\nChoe Un-hui\n");
        (await CliRunner.RunAsync(_variables, "import", file)).ExitCode.ShouldBe(0);
        var again = await CliRunner.RunAsync(_variables, "import", file);
        again.ExitCode.ShouldBe((int)ExitCode.BadInput);
        again.Error.ShouldContain("imported before");
        (await CliRunner.RunAsync(_variables, "import", "--force", file)).ExitCode.ShouldBe(0);
        var list = await CliRunner.RunAsync(_variables, "person", "list", "--json");
        System.Text.Json.JsonDocument.Parse(list.Out).RootElement.GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task ImportOfSeveralFiles_GoesOnPastABadOne_AndReportsIt()
    {
        var good = Path.Combine(_root, "good.csv");
        var bad = Path.Combine(_root, "bad.csv");
        await File.WriteAllTextAsync(good, "name\nRi Kum-sun\n");
        await File.WriteAllTextAsync(bad, "sex\nF\n");
        var result = await CliRunner.RunAsync(_variables, "import", bad, good);
        result.ExitCode.ShouldBe((int)ExitCode.BadInput);
        result.Error.ShouldContain("bad.csv has no name column");
        result.Error.ShouldContain("1 of 2 file(s) were not imported");
        result.Out.ShouldContain("good.csv: imported 1 persons");
    }
}
