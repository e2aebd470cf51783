namespace Tumen.Cli.Tests;

/// <summary>The CLI side of the hardening findings (issue 15): KDF floor, anchors, rekey, backups, exports.</summary>
public sealed class HardeningCliTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tumen-cli-hardening", Guid.NewGuid().ToString("N"));
    private Dictionary<string, string> _variables = [];

    private string Database => Path.Combine(_root, "ws", "tumen.db");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _variables = new(StringComparer.Ordinal)
        {
            ["TUMEN_WORKSPACE"] = Path.Combine(_root, "ws"),
            ["TUMEN_PASSPHRASE"] = "hardening cli passphrase",
        };
        (await CliRunner.RunAsync(_variables, "init", "--kdf-memory", "8")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync(_variables, "person", "add", "--name", "Pak Myong-hui", "--sex", "female")).ExitCode.ShouldBe(0);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Init_RefusesKdfMemoryBelow19MiB_OutsideTests()
    {
        var outside = new Dictionary<string, string>(_variables, StringComparer.Ordinal)
        {
            ["TUMEN_WORKSPACE"] = Path.Combine(_root, "weak"),
            [WorkspaceAccess.TestKdfVariable] = "",
        };
        var result = await CliRunner.RunAsync(outside, "init", "--kdf-memory", "8");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("19");
        File.Exists(Path.Combine(_root, "weak", "workspace.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task VerifyWithAnAnchor_DetectsTheDatabaseReplacedByAnOlderCopy()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var older = Path.Combine(_root, "older.db");
        File.Copy(Database, older);
        (await CliRunner.RunAsync(_variables, "person", "add", "--name", "Ri Sun-ok")).ExitCode.ShouldBe(0);
        var anchor = Path.Combine(_root, "head.anchor");
        var written = await CliRunner.RunAsync(_variables, "verify", "--write-anchor", anchor);
        written.ExitCode.ShouldBe(0, written.Error);
        (await CliRunner.RunAsync(_variables, "verify", "--anchor", anchor)).ExitCode.ShouldBe(0);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(older, Database, overwrite: true);
        (await CliRunner.RunAsync(_variables, "verify")).ExitCode.ShouldBe(0);
        var rolledBack = await CliRunner.RunAsync(_variables, "verify", "--anchor", anchor);
        rolledBack.ExitCode.ShouldBe(5);
        rolledBack.Error.ShouldContain("audit_log");
    }

    [Fact]
    public async Task Rekey_ThenVerifyPasses_AndTheOldCopyNoLongerMatchesTheKey()
    {
        var rekey = await CliRunner.RunAsync(_variables, "rekey");
        rekey.ExitCode.ShouldBe(0, rekey.Error);
        rekey.Out.ShouldContain("Rekeyed");
        (await CliRunner.RunAsync(_variables, "verify")).ExitCode.ShouldBe(0);
        var search = await CliRunner.RunAsync(_variables, "person", "list", "--name", "myong-hui");
        search.ExitCode.ShouldBe(0, search.Error);
        search.Out.ShouldContain("P-");
    }

    [Fact]
    public async Task Backup_KeepsAnUnrelatedPartialFile_AndExportsAreOwnerOnly()
    {
        var backup = Path.Combine(_root, "notes.tbk");
        await File.WriteAllTextAsync(backup + ".partial", "my own notes", TestContext.Current.CancellationToken);
        var result = await CliRunner.RunAsync(_variables, "backup", backup);
        result.ExitCode.ShouldBe(0, result.Error);
        (await File.ReadAllTextAsync(backup + ".partial", TestContext.Current.CancellationToken)).ShouldBe("my own notes");

        var export = Path.Combine(_root, "out.csv");
        (await CliRunner.RunAsync(_variables, "export", "--format", "csv", "--out", export)).ExitCode.ShouldBe(0);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(export).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(backup).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
