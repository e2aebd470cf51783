using System.Text;

namespace Tumen.Cli.Tests;

/// <summary><c>tumen demo</c>: the whole pipeline on the bundled synthetic lists, as a new user first runs it.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tumen-demo-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_RunsEveryStep_AndLeavesNoNameInTheWorkspace()
    {
        var result = await CliRunner.RunAsync("demo", "--workspace", _root);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("imported 57 persons");
        result.Out.ShouldContain("distinct people");
        result.Out.ShouldContain("Observed: ");
        result.Out.ShouldContain("stepwise [");
        result.Out.ShouldContain("ok: ");
        result.Out.ShouldContain("Wrote ");

        // The bundled lists hold these (made-up) names; the workspace must hold them only encrypted.
        var workspace = Path.Combine(_root, "workspace");
        foreach (var file in Directory.EnumerateFiles(workspace, "*", SearchOption.AllDirectories).Append(Path.Combine(_root, "demo.tbk")))
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            foreach (var name in new[] { "한경미", "Han Kyong-mi", "이숙은" })
            {
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(name)).ShouldBe(-1, $"{name} in {Path.GetFileName(file)}");
            }
        }
    }

    [Fact]
    public async Task Demo_RefusesAFolderThatIsNotEmpty()
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "keep.txt"), "mine", TestContext.Current.CancellationToken);
        var result = await CliRunner.RunAsync("demo", "--workspace", _root);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("is not empty");
        (await File.ReadAllTextAsync(Path.Combine(_root, "keep.txt"), TestContext.Current.CancellationToken)).ShouldBe("mine");
    }
}
