using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tumen.Bench.Extraction;
using Tumen.Ingest.Documents;
using Tumen.Ingest.Extraction;

// End-to-end extraction benchmark (issue 3): extraction rate over generated news-length documents, and
// cross-document analysis (echoes, testimonies, claim groups) at growing corpus sizes against an
// all-pairs MinHash baseline. Usage: dotnet run -c Release --project bench/Tumen.Bench.Extraction [documents]
if (Environment.GetEnvironmentVariable("TUMEN_BENCH_SEEDS") is { Length: > 0 } seedFolder)
{
    // Place recall and echo F1 against hand labels (no timing): TUMEN_BENCH_SEEDS=../shared/seeds.
    SeedScore.Run(seedFolder, Path.Combine(AppContext.BaseDirectory, "seed-labels.csv"));
    return;
}

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var generator = new NewsGenerator(seed: 20261125);
var reader = new DocumentReader();
var texts = generator.Generate(count);
var documents = texts.Select((t, i) => reader.Read($"doc{i}.txt", Encoding.UTF8.GetBytes(t))).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average before: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"documents: {documents.Count}, mean size {texts.Average(t => Encoding.UTF8.GetByteCount(t)) / 1024:0.0} KB, cores: {Environment.ProcessorCount}"));

if (Environment.GetEnvironmentVariable("TUMEN_BENCH_DUMP") is { Length: > 0 } dumpPath)
{
    // Every finding of every document, one JSON line each: diff two dumps to check that a speed-up lost nothing.
    var extra = new[] { "tests/Tumen.Ingest.Tests/Data/Corpus", Environment.GetEnvironmentVariable("TUMEN_SEEDS") ?? "" }
        .Where(Directory.Exists).SelectMany(Directory.GetFiles).Order(StringComparer.Ordinal).Select(f => reader.Read(f));
    var json = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    var all = documents.Concat(extra).Select(Extractor.Default.Extract).ToList();
    File.WriteAllLines(dumpPath, all.Select(f => System.Text.Json.JsonSerializer.Serialize(
        new { f.Document.FileName, f.DocumentDate, f.Claims, f.Dates, f.Places, f.Violations, f.Quotes, f.Organisations }, json)));
    var analysis = new CorpusAnalyzer().Analyze(all);
    File.WriteAllLines(dumpPath + ".corpus", new[] { "echoes" }.Concat(analysis.Echoes.Select(e => System.Text.Json.JsonSerializer.Serialize(e, json)))
        .Concat(["clusters"]).Concat(analysis.Clusters.Select(e => System.Text.Json.JsonSerializer.Serialize(e, json)))
        .Concat(["testimonies"]).Concat(analysis.Testimonies.Select(e => System.Text.Json.JsonSerializer.Serialize(e, json)))
        .Concat(["groups"]).Concat(analysis.ClaimGroups.Select(e => System.Text.Json.JsonSerializer.Serialize(e, json))));
    return;
}

if (Environment.GetEnvironmentVariable("TUMEN_BENCH_PROFILE") == "regex")
{
    RegexProfile.Run(documents.Take(1000).ToList());
    return;
}

if (Environment.GetEnvironmentVariable("TUMEN_BENCH_PROFILE") == "1")
{
    var sample = documents.Take(1000).ToList();
    Profile.Run(sample);
    Profile.Run(sample);
    Profile.Run(sample);
    return;
}

// Warm up the regexes and the JIT (tiered compilation optimises hot methods after some calls, on a
// background thread that a loaded machine starves) with two passes over 1,000 documents, then measure.
for (var pass = 0; pass < 2; pass++)
{
    foreach (var d in documents.Take(1_000))
    {
        Extractor.Default.Extract(d);
    }

    Thread.Sleep(500);
}

var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
var pauseBefore = GC.GetTotalPauseDuration();
var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
var watch = Stopwatch.StartNew();
var findings = documents.Select(Extractor.Default.Extract).ToList();
var sequential = watch.Elapsed;
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"allocated {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / count:0} KB/doc; GC pauses {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:0.00} s; collections gen0/1/2: {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}"));
watch.Restart();
var parallel = documents.AsParallel().AsOrdered().Select(Extractor.Default.Extract).ToList();
var parallelTime = watch.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"extraction, 1 thread: {sequential.TotalSeconds:0.00} s wall = {count / sequential.TotalSeconds:0} docs/s ({sequential.TotalMilliseconds * 1000 / count:0} µs/doc); CPU {cpu.TotalSeconds:0.00} s = {count / cpu.TotalSeconds:0} docs per CPU-second; claims {findings.Sum(f => f.Claims.Count)}, quotes {findings.Sum(f => f.Quotes.Count)}, places {findings.Sum(f => f.Places.Count)}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"extraction, all cores: {parallelTime.TotalSeconds:0.00} s = {count / parallelTime.TotalSeconds:0} docs/s; same findings: {parallel.Sum(f => f.Claims.Count) == findings.Sum(f => f.Claims.Count)}"));

if (Environment.GetEnvironmentVariable("TUMEN_BENCH_PROFILE") == "2")
{
    CorpusProfile.Run(findings);
    return;
}

Console.WriteLine("corpus analysis (LSH + inverted indexes) vs all-pairs MinHash baseline:");
Console.WriteLine("| documents | analysis wall (s) | analysis CPU (s) | echoes | clusters | testimonies | claim groups | all-pairs MinHash baseline CPU (s) | baseline / analysis (CPU) |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var n in new[] { 1_000, 3_000, 10_000 }.Where(n => n <= count))
{
    var subset = findings.Take(n).ToList();
    process.Refresh();
    cpuBefore = process.TotalProcessorTime;
    watch.Restart();
    var analysis = new CorpusAnalyzer().Analyze(subset);
    var analysisTime = watch.Elapsed;
    process.Refresh();
    var analysisCpu = process.TotalProcessorTime - cpuBefore;
    cpuBefore = process.TotalProcessorTime;
    watch.Restart();
    var baselinePairs = AllPairsBaseline.Count(subset.Select(f => f.Document.Text).ToList());
    var baselineTime = watch.Elapsed;
    process.Refresh();
    var baselineCpu = process.TotalProcessorTime - cpuBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {n} | {analysisTime.TotalSeconds:0.00} | {analysisCpu.TotalSeconds:0.00} | {analysis.Echoes.Count} | {analysis.Clusters.Count} | {analysis.Testimonies.Count} | {analysis.ClaimGroups.Count} | {baselineCpu.TotalSeconds:0.00} ({baselinePairs} pairs ≥ 0.3) | {baselineCpu / analysisCpu:0.00} |"));
}
