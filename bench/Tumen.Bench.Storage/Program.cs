using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Tumen.Core.Model;
using Tumen.Ingest.Lists;
using Tumen.Application.Imports;
using Tumen.Storage.Protection;
using Tumen.Storage.Verification;
using Tumen.Storage.Workspaces;

// Storage benchmarks for docs/BENCHMARKS.md. Usage:
//   dotnet run -c Release --project bench/Tumen.Bench.Storage -- import 10000
//   dotnet run -c Release --project bench/Tumen.Bench.Storage -- verify 1000000
//   dotnet run -c Release --project bench/Tumen.Bench.Storage -- unlock
var command = args.Length > 0 ? args[0] : "import";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
switch (command)
{
    case "import":
        // Alternate the two modes so that machine noise hits both alike.
        var results = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
        for (var round = 0; round < 3; round++)
        {
            foreach (var encrypted in new[] { false, true })
            {
                results[encrypted].Add(await ImportAsync(count, encrypted));
            }
        }

        var plain = results[false].Max();
        var secure = results[true].Max();
        Console.WriteLine($"import {count:N0} rows: plaintext baseline {plain:N0} rows/s, encrypted {secure:N0} rows/s, encryption cost {(plain / secure - 1) * 100:N1} % (best of 3 each)");
        break;
    case "verify":
        await VerifyAsync(count);
        break;
    case "unlock":
        Unlock();
        break;
    default:
        Console.Error.WriteLine("usage: import N | verify N | unlock");
        return 2;
}

return 0;

async Task<double> ImportAsync(int rows, bool encrypted)
{
    var location = NewLocation();
    var (keys, wrapped) = encrypted
        ? KeyRing.Create("benchmark passphrase", new KdfParameters(8 * 1024, 1))
        : (KeyRing.CreateUnencryptedBaseline(), default(WrappedKey));
    _ = wrapped;
    using var workspace = await Workspace.InitializeAsync(location, new WorkspaceSession(keys, "bench", time), (_, _) => Task.CompletedTask, CancellationToken.None);
    var list = new PersonList("bench", [], [.. Enumerable.Range(0, rows).Select(Record)]);
    var clock = Stopwatch.StartNew();
    await ListImporter.ImportAsync(workspace, "bench.csv", list, force: false, progress: null, CancellationToken.None);
    var rate = rows / clock.Elapsed.TotalSeconds;
    Console.WriteLine($"  {(encrypted ? "encrypted" : "plaintext")}: {rows:N0} rows in {clock.Elapsed.TotalSeconds:N2} s = {rate:N0} rows/s");
    Directory.Delete(location.Directory, recursive: true);
    return rate;
}

async Task VerifyAsync(int entries)
{
    var location = NewLocation();
    using var workspace = await Workspace.CreateAsync(location, "benchmark passphrase", "bench", time, new KdfParameters(8 * 1024, 1), CancellationToken.None);
    var clock = Stopwatch.StartNew();
    for (var written = 1; written < entries; written += 50_000)
    {
        await using var db = workspace.CreateContext();
        for (var i = 0; i < Math.Min(50_000, entries - written); i++)
        {
            db.RecordAccess("read", "persons", Guid.NewGuid().ToString("D"));
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    Console.WriteLine($"  wrote {entries:N0} audit entries in {clock.Elapsed.TotalSeconds:N1} s");
    clock.Restart();
    var report = await Verifier.VerifyAsync(workspace, null, CancellationToken.None);
    Console.WriteLine($"verify over {report.AuditEntries:N0} audit entries: {clock.Elapsed.TotalSeconds:N2} s ({(report.Ok ? "ok" : report.FirstProblem)})");
    Directory.Delete(location.Directory, recursive: true);
}

void Unlock()
{
    var (keys, wrapped) = KeyRing.Create("benchmark passphrase", KdfParameters.Default);
    keys.Dispose();
    var times = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        var clock = Stopwatch.StartNew();
        KeyRing.Unlock(wrapped, "benchmark passphrase").Dispose();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"unlock (Argon2id, {KdfParameters.Default.MemoryKib / 1024} MiB, {KdfParameters.Default.Passes} passes): median {times.Order().ElementAt(2):N0} ms of 5");
}

static WorkspaceLocation NewLocation() =>
    new(Path.Combine(Path.GetTempPath(), "tumen-bench-" + Guid.NewGuid().ToString("N")), WorkspaceLocation.Sqlite, null);

static PersonRecord Record(int i) => new()
{
    ExternalId = "rec-" + i.ToString(CultureInfo.InvariantCulture),
    Source = "Benchmark list",
    Names = [PersonName.Of("Kim Ok-sun " + i.ToString(CultureInfo.InvariantCulture)), PersonName.Of("김옥순"), PersonName.Of("金玉顺")],
    Sex = "female",
    BirthDate = "1987-03",
    Origin = "Musan",
    Violation = "trafficking",
    Date = "2005",
    Place = "Yanbian",
    Testimony = "She was taken across the river at night and sold to a farmer in a village; she escaped after two years.",
};
