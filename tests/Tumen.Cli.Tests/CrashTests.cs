using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tumen.Storage.Workspaces;

namespace Tumen.Cli.Tests;

/// <summary>
/// The crash test: a 10,000-row import is killed with SIGKILL at random moments, 20 times. Imports
/// are all-or-nothing, so after every kill the workspace holds exactly the rows of the imports that
/// committed — never fewer, never a part of one — and <c>tumen verify</c> passes.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Rows = 10_000;
    private const string Passphrase = "crash test passphrase";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tumen-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task KilledImports_LoseNoCommittedRow_AndNeverCorruptTheWorkspace()
    {
        var workspace = Path.Combine(_root, "ws");
        Directory.CreateDirectory(_root);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TUMEN_WORKSPACE"] = workspace,
            ["TUMEN_PASSPHRASE"] = Passphrase,
        };
        (await TumenProcess.RunAsync(variables, "init", "--kdf-memory", "8")).ExitCode.ShouldBe(0);

        // One import that runs to the end, to learn how long an import takes here.
        var clock = Stopwatch.StartNew();
        var first = await TumenProcess.RunAsync(variables, "import", await ListAsync(0));
        first.ExitCode.ShouldBe(0, first.Error);
        var duration = clock.Elapsed;
        var committed = await CountAsync(workspace);
        committed.ShouldBe((Rows, Rows));

        var random = new Random(20261125);
        var killedMidway = 0;
        for (var round = 1; round <= 20; round++)
        {
            var list = await ListAsync(round);
            using (var import = TumenProcess.Start(variables, "import", list))
            {
                clock.Restart();
                await Task.Delay(duration * (0.02 + (random.NextDouble() * 0.93)), TestContext.Current.CancellationToken);
                if (import.HasExited)
                {
                    // It finished before the kill: imports run faster than the first one did, so aim earlier.
                    duration = TimeSpan.FromTicks(Math.Min(duration.Ticks, clock.Elapsed.Ticks));
                }
                else
                {
                    killedMidway++;
                }

                await import.KillAsync();
            }

            var verify = await TumenProcess.RunAsync(variables, "verify");
            verify.ExitCode.ShouldBe(0, $"round {round}: {verify.Error}");

            var now = await CountAsync(workspace);
            now.Persons.ShouldBe(now.ImportedRows, $"round {round}: persons must be exactly the rows of committed imports");
            now.Persons.ShouldBeOneOf([committed.Persons, committed.Persons + Rows], $"round {round}: a committed row was lost or an import half-kept");
            committed = now;
        }

        killedMidway.ShouldBeGreaterThan(5, "most kills should land inside an import, or the test proves little");
    }

    private async Task<string> ListAsync(int seed)
    {
        var path = Path.Combine(_root, $"list-{seed}.csv");
        await File.WriteAllTextAsync(path, SyntheticLists.Csv(SyntheticLists.People(Rows, seed)), TestContext.Current.CancellationToken);
        return path;
    }

    private static async Task<(int Persons, int ImportedRows)> CountAsync(string directory)
    {
        using var workspace = await Workspace.OpenAsync(
            WorkspaceLocation.Load(directory), Passphrase, "crash-test", new FakeTimeProvider(), TestContext.Current.CancellationToken);
        await using var db = workspace.CreateContext();
        var persons = await db.Persons.CountAsync(TestContext.Current.CancellationToken);
        var imported = await db.Imports.SumAsync(i => i.Rows, TestContext.Current.CancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (persons, imported);
    }
}
