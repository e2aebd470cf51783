using System.Text;
using Tumen.Core;
using Tumen.Core.Vocabularies;
using Tumen.Estimation.Input;
using Tumen.Ingest.Documents;
using Tumen.Ingest.Lists;
using Tumen.Linkage.Engine;
using Tumen.Storage.Backups;
using Tumen.Storage.Workspaces;

namespace Tumen.Fuzz;

/// <summary>
/// One entry point per reader of outside input. A reader may refuse an input only with a
/// <see cref="TumenException"/> (a message for the user, exit code 2, 4 or 5); any other exception is
/// a crash for afl-fuzz and a failing case for the replay tests (tests/Tumen.Fuzz.Tests), and an input
/// that takes longer than afl-fuzz's -t is a hang. Nothing here may touch an instrumented assembly
/// before SharpFuzz has set up its shared memory (a static field holding a reader did: an access
/// violation at start), so every reader is created inside its harness.
/// </summary>
public static class Harnesses
{
    /// <summary>Columns a link settings file is checked against: those of the fuzz seeds.</summary>
    private static readonly string[] LinkColumns = ["id", "name", "name_ko", "name_zh", "sex", "birth_date", "origin", "place"];

    private static readonly Dictionary<string, Action<byte[]>> All = new(StringComparer.Ordinal)
    {
        ["person-list"] = input => PersonListReader.Parse("fuzz.csv", input, Vocabulary.Default),
        ["capture-csv"] = input => CaptureCsv.ReadStratified(new StringReader(Encoding.UTF8.GetString(input)), "fuzz.csv"),
        ["link-settings"] = input => LinkSettings.Parse(Encoding.UTF8.GetString(input), LinkColumns),
        ["pdf"] = input => new DocumentReader().Read("fuzz.pdf", input),
        ["docx"] = input => new DocumentReader().Read("fuzz.docx", input),
        ["html"] = input => new DocumentReader().Read("fuzz.html", input),
        ["markdown"] = input => new DocumentReader().Read("fuzz.md", input),
        ["text"] = input => new DocumentReader().Read("fuzz.txt", input),
        ["backup"] = Restore,
    };

    /// <summary>The harness names, which are also the folder names under fuzz/seeds and fuzz/crashes.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Keys];

    /// <summary>Runs one input through one harness; returns normally when the reader read or refused it properly.</summary>
    public static void Run(string harness, byte[] input)
    {
        try
        {
            All[harness](input);
        }
        catch (TumenException)
        {
            // A refusal with a message: the behaviour wanted for bad input.
        }
    }

    /// <summary>
    /// The backup reader through its public entry: restore the input as a backup file into a folder
    /// that is never created unless the archive opens (it cannot: the fuzzer does not know a key).
    /// </summary>
    private static void Restore(byte[] input)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tumen-fuzz-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "input.tbk");
        File.WriteAllBytes(path, input);
        var target = new WorkspaceLocation(Path.Combine(folder, "restored"), WorkspaceLocation.Sqlite, ConnectionString: null);
        var (workspace, _) = BackupArchive.RestoreAsync(path, "fuzz passphrase", target, "fuzz", TimeProvider.System, CancellationToken.None)
            .GetAwaiter().GetResult();
        workspace.Dispose();
        throw new InvalidOperationException("a fuzzed backup was restored: the archive's authentication did not hold.");
    }
}
