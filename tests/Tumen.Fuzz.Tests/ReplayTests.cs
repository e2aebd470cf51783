using Tumen.Fuzz;

namespace Tumen.Fuzz.Tests;

/// <summary>
/// Every seed and every saved crash or hang input (fuzz/seeds/HARNESS, fuzz/crashes/HARNESS) run
/// through its harness, without afl-fuzz: a fixed crash that comes back fails here, on every test run.
/// </summary>
public class ReplayTests
{
    public static TheoryData<string, string> Inputs()
    {
        var fuzz = Path.Combine(RepositoryRoot(), "fuzz");
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "seeds", "crashes" })
        {
            var folder = Path.Combine(fuzz, kind);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var harness = Path.GetFileName(Path.GetDirectoryName(file)!);
                data.Add(harness, Path.GetRelativePath(fuzz, file));
            }
        }

        return data;
    }

    [Fact]
    public void Inputs_EveryHarnessHasSeeds()
    {
        var harnesses = Inputs().Select(row => row.Data.Item1).Distinct(StringComparer.Ordinal);
        harnesses.ShouldBe(Harnesses.Names, ignoreOrder: true);
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Inputs))]
    public async Task Replay_InputIsReadOrRefusedWithAMessage(string harness, string input)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "fuzz", input), TestContext.Current.CancellationToken);
        await Task.Run(() => Harnesses.Run(harness, bytes), TestContext.Current.CancellationToken);
    }

    /// <summary>Crashes found in code this branch does not own (fuzz/open/HARNESS; see docs/FUZZING.md).</summary>
    public static TheoryData<string, string> OpenInputs()
    {
        var fuzz = Path.Combine(RepositoryRoot(), "fuzz");
        var data = new TheoryData<string, string>();
        var folder = Path.Combine(fuzz, "open");
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetRelativePath(fuzz, file));
            }
        }

        return data;
    }

    /// <summary>
    /// Inputs under fuzz/open are findings not fixed yet (listed in docs/FUZZING.md). Once one no
    /// longer crashes this fails, as a reminder to move it to fuzz/crashes so it is replayed like the
    /// others from then on. It never skips: with no open findings it checks there are none.
    /// </summary>
    [Fact(Timeout = 600_000)]
    public async Task Replay_OpenCrashes_StillCrashOrAreMovedToCrashes()
    {
        var fixedNow = new List<string>();
        foreach (var row in OpenInputs())
        {
            var (harness, input) = ((string)row.Data.Item1, (string)row.Data.Item2);
            var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "fuzz", input), TestContext.Current.CancellationToken);
            try
            {
                await Task.Run(() => Harnesses.Run(harness, bytes), TestContext.Current.CancellationToken);
                fixedNow.Add($"{input} (move it to fuzz/crashes/{harness}/)");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Still an open finding.
            }
        }

        fixedNow.ShouldBeEmpty();
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Tumen.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Tumen.slnx not found above " + AppContext.BaseDirectory);
    }
}
