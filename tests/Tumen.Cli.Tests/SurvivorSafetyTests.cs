using System.Text;
using Tumen.Core;

namespace Tumen.Cli.Tests;

/// <summary>
/// The canary test: after import, export, backup and a killed import, no identifying string is
/// anywhere on disk in plaintext — workspace, WAL, backup, temp folder — nor in what the processes
/// printed; and the export returns every one of them exactly.
/// </summary>
public sealed class SurvivorSafetyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tumen-canary-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Canaries_NeverReachDisk_AndExportReturnsThemAll()
    {
        var workspace = Path.Combine(_root, "workspace");
        var temp = Path.Combine(_root, "tmp");
        var inputs = Path.Combine(_root, "inputs");
        Directory.CreateDirectory(temp);
        Directory.CreateDirectory(inputs);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TUMEN_WORKSPACE"] = workspace,
            ["TUMEN_PASSPHRASE"] = "canary test passphrase",
            ["TMPDIR"] = temp,
            ["TUMEN_ACTOR"] = "canary-test",
            ["DOTNET_EnableDiagnostics"] = "0", // no runtime IPC sockets in the scanned temp folder
        };
        var logs = new StringBuilder();
        async Task<TumenProcess.Result> Run(params string[] args)
        {
            var result = await TumenProcess.RunAsync(variables, args);
            logs.Append(result.Error);
            return result;
        }

        var people = SyntheticLists.People(1_000, seed: 7);
        var list = Path.Combine(inputs, "people.csv");
        await File.WriteAllTextAsync(list, SyntheticLists.Csv(people), TestContext.Current.CancellationToken);

        (await Run("init", "--kdf-memory", "8")).ExitCode.ShouldBe(0);
        var import = await Run("import", list);
        import.ExitCode.ShouldBe(0, import.Error);
        logs.Append(import.Out);

        var export = await Run("export", "--format", "csv");
        export.ExitCode.ShouldBe(0, export.Error);
        var csvCells = Tumen.Core.Csv.Read(export.Out).SelectMany(row => row.Cells.SelectMany(c => c.Split("; "))).ToHashSet(StringComparer.Ordinal);
        people.SelectMany(p => p.Canaries).Count(c => !csvCells.Contains(c)).ShouldBe(0, "canaries missing from the CSV export");

        var exportJson = await Run("export", "--format", "json", "--out", Path.Combine(inputs, "export.json"));
        exportJson.ExitCode.ShouldBe(0, exportJson.Error);
        var json = await File.ReadAllTextAsync(Path.Combine(inputs, "export.json"), TestContext.Current.CancellationToken);
        var jsonStrings = new HashSet<string>(StringComparer.Ordinal);
        Collect(System.Text.Json.JsonDocument.Parse(json).RootElement, jsonStrings);
        people.SelectMany(p => p.Canaries).Count(c => !jsonStrings.Contains(c)).ShouldBe(0, "canaries missing from the JSON export");

        // Linking decrypts every name in memory; the clusters and the review queue it stores must hold none.
        var link = await Run("link", "--json");
        link.ExitCode.ShouldBe(0, link.Error);
        logs.Append(link.Out);
        var review = await Run("review", "list", "--all");
        review.ExitCode.ShouldBe(0, review.Error);
        logs.Append(review.Out);

        var backup = Path.Combine(_root, "workspace.tbk");
        var backedUp = await Run("backup", backup);
        backedUp.ExitCode.ShouldBe(0, backedUp.Error);
        logs.Append(backedUp.Out);

        // A second list, killed mid-import: its pages may be in the WAL, but never in plaintext.
        var second = SyntheticLists.People(5_000, seed: 8);
        var secondList = Path.Combine(inputs, "second.csv");
        await File.WriteAllTextAsync(secondList, SyntheticLists.Csv(second), TestContext.Current.CancellationToken);
        using (var killed = TumenProcess.Start(variables, "import", secondList))
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
            logs.Append((await killed.KillAsync()).Error);
        }

        var verify = await Run("verify");
        verify.ExitCode.ShouldBe(0, verify.Error);
        logs.Append(verify.Out);

        var places = Directory.EnumerateFiles(workspace, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(temp, "*", SearchOption.AllDirectories))
            .Append(backup)
            .ToList();
        places.ShouldContain(p => p.EndsWith("tumen.db", StringComparison.Ordinal));
        foreach (var file in places)
        {
            Leaks(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken)).ShouldBeEmpty($"plaintext canary in {file}");
        }

        Leaks(Encoding.UTF8.GetBytes(logs.ToString())).ShouldBeEmpty("plaintext canary in the printed output");
    }

    [Fact]
    public void TheScanner_FindsACanaryInAnyScriptOrEncoding()
    {
        // The scan above must be able to fail: show that it sees each kind of canary.
        var person = SyntheticLists.People(1, seed: 3)[0];
        foreach (var canary in new[] { person.LatinName, person.HangulName, person.HanName })
        {
            Leaks(Encoding.UTF8.GetBytes("xx" + canary + "yy")).ShouldNotBeEmpty();
            Leaks(Encoding.Unicode.GetBytes("xx" + canary + "yy")).ShouldNotBeEmpty();
        }
    }

    private static void Collect(System.Text.Json.JsonElement element, HashSet<string> strings)
    {
        switch (element.ValueKind)
        {
            case System.Text.Json.JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
            case System.Text.Json.JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, strings);
                }

                break;
            case System.Text.Json.JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, strings);
                }

                break;
        }
    }

    /// <summary>Markers found in raw bytes, as UTF-8 or UTF-16 (either byte order).</summary>
    private static List<string> Leaks(byte[] bytes)
    {
        var found = new List<string>();
        foreach (var marker in new[] { SyntheticLists.LatinMarker, SyntheticLists.HangulMarker, SyntheticLists.HanMarker })
        {
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
            {
                if (bytes.AsSpan().IndexOf(encoding.GetBytes(marker)) >= 0)
                {
                    found.Add($"{marker} as {encoding.WebName}");
                }
            }
        }

        return found;
    }
}
