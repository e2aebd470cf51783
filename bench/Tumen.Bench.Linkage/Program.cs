using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tumen.Linkage.Csv;
using Tumen.Linkage.Engine;
using Tumen.Linkage.Generation;

// End-to-end linkage benchmark: generate N Korean person records with known truth, write them as CSV,
// then time what `tumen link --input FILE --out clusters.csv` does: read, link, write clusters.
// Usage: dotnet run -c Release --project bench/Tumen.Bench.Linkage -- [records=1000000] [duplicates=0.3] [seed=42] [analyse] [t=THRESHOLD]
//   analyse: also print where true pairs are missed and wrong pairs linked, with explanations of samples.
//   t=0.6: link at another threshold; d=0.7: another cluster density guard.
// Other modes: `parse N` times name parsing over the distinct names of N generated records (add `parallel`
// to parse as the engine does); `compare NAME NAME [NAME NAME ...]` shows how two names compare and why;
// `file PATH [t=..] [d=..]` links a labelled CSV (a "cluster" column holds the truth) and prints its score;
// `strip IN COLUMN OUT` writes a labelled CSV without its truth column; `score CLUSTERS TRUTH COLUMN [ID]` scores
// the clusters `tumen link --out` wrote against a labelled file (see docs/BENCHMARKS.md, independent generators).
if (args.Length > 0 && args[0] == "compare")
{
    for (var a = 1; a + 1 < args.Length; a += 2)
    {
        var x = Tumen.Linkage.Names.KoreanName.Parse(args[a]);
        var y = Tumen.Linkage.Names.KoreanName.Parse(args[a + 1]);
        Console.WriteLine(args[a] + " ~ " + args[a + 1] + ": " + Tumen.Linkage.Names.NameComparer.Compare(x, y));
        Console.WriteLine("   " + string.Join(" / ", x.Readings.Select(r => r.SurnameKey + "|" + r.GivenKey + "|" + r.Route + "|" + r.GivenSyllables)));
        Console.WriteLine("   " + string.Join(" / ", y.Readings.Select(r => r.SurnameKey + "|" + r.GivenKey + "|" + r.Route + "|" + r.GivenSyllables)));
    }

    return;
}

if (args.Length > 3 && args[0] == "strip")
{
    // `strip IN.csv COLUMN OUT.csv`: the file without its truth column, for `tumen link --input OUT.csv`.
    var header = CsvRecords.ReadHeader(args[1]);
    var idColumn = LinkSettings.Infer(header).IdColumn;
    var stripped = CsvRecords.Read([args[1]], idColumn);
    var kept = header.Where(h => !string.Equals(h, args[2], StringComparison.Ordinal)).ToArray();
    static string Cell(string? v) => v is null ? "" : v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    using var writer = new StreamWriter(args[3], append: false, new UTF8Encoding(false));
    writer.Write(string.Join(',', kept) + "\n");
    var columns = kept.Select(k => k == idColumn ? stripped.Ids.Select(i => (string?)i).ToArray() : stripped.Column(k)).ToArray();
    for (var i = 0; i < stripped.Count; i++)
    {
        writer.Write(string.Join(',', columns.Select(c => Cell(c[i]))) + "\n");
    }

    Console.WriteLine(FormattableString.Invariant($"{stripped.Count} records written to {args[3]} without {args[2]}"));
    return;
}

if (args.Length > 3 && args[0] == "score")
{
    // `score CLUSTERS.csv TRUTH.csv TRUTH_COLUMN [ID_COLUMN]`: pairwise precision, recall and F1 of the clusters
    // `tumen link --out` wrote (id,cluster_id) against the truth column of the labelled file, matched by id.
    var idColumn = args.Length > 4 ? args[4] : LinkSettings.Infer(CsvRecords.ReadHeader(args[2])).IdColumn;
    var truthTable = CsvRecords.Read([args[2]], idColumn);
    var clusters = CsvRecords.Read([args[1]], "id");
    var clusterOf = clusters.Ids.Zip(clusters.Column("cluster_id")).ToDictionary(p => p.First, p => p.Second!, StringComparer.Ordinal);
    var missing = truthTable.Ids.Count(id => !clusterOf.ContainsKey(id));
    var predicted = truthTable.Ids.Select(id => clusterOf.TryGetValue(id, out var c) ? c : "unlinked:" + id).ToArray();
    var scored = PairwiseScore.Compute(predicted, truthTable.Column(args[3]).Select(t => t!).ToArray());
    Console.WriteLine(FormattableString.Invariant($"records {truthTable.Count:N0} (not in clusters file: {missing}); true pairs {scored.TruePairs:N0}, linked pairs {scored.PredictedPairs:N0}, correct {scored.CorrectPairs:N0}"));
    Console.WriteLine(FormattableString.Invariant($"pairwise           P={scored.Precision:0.00000} R={scored.Recall:0.00000} F1={scored.F1:0.00000}"));
    return;
}

if (args.Length > 1 && args[0] == "file")
{
    // A labelled CSV (a "cluster" column holds the truth, or name it with truth=COLUMN: it is removed before
    // linking), e.g. tests/Tumen.Linkage.Tests/Data/fake_1000.csv; settings=FILE.json links with explicit settings,
    // else they are inferred from the columns' names and content as `tumen link --input` does.
    var path = args[1];
    var options = args.Skip(2).ToDictionary(a => a[..a.IndexOf('=', StringComparison.Ordinal)], a => a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
    var truthColumn = options.GetValueOrDefault("truth", "cluster");
    var lines = File.ReadAllLines(path);
    var truthAt = Array.IndexOf(lines[0].Split(','), truthColumn);
    var truth = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[truthAt]).ToArray();
    var input = Path.Combine(Path.GetTempPath(), "bench-linkage-" + Path.GetFileName(path));
    File.WriteAllLines(input, lines.Where(l => l.Length > 0).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != truthAt))));
    var header = CsvRecords.ReadHeader(input);
    var fileSettings = options.TryGetValue("settings", out var settingsPath) ? LinkSettings.Parse(File.ReadAllText(settingsPath), header) : LinkSettings.Infer(header);
    var fileTable = CsvRecords.Read([input], fileSettings.IdColumn);
    File.Delete(input);
    if (settingsPath is null)
    {
        fileSettings = SettingsInference.Infer(fileTable);
    }

    if (options.TryGetValue("t", out var t))
    {
        fileSettings = fileSettings with { Threshold = double.Parse(t, CultureInfo.InvariantCulture) };
    }

    if (options.TryGetValue("d", out var d))
    {
        fileSettings = fileSettings with { MinClusterDensity = double.Parse(d, CultureInfo.InvariantCulture) };
    }

    var fileResult = new LinkEngine().Link(fileTable, fileSettings);
    var fileScore = PairwiseScore.Compute(fileResult.ClusterOf, truth);
    Console.WriteLine(string.Join(" | ", fileSettings.Comparisons.Select(c => c.Column + ":" + c.Kind)));
    Console.WriteLine(string.Join(" | ", fileSettings.Blocking.Select(r => string.Join("+", r))));
    Console.WriteLine(FormattableString.Invariant($"pairwise           P={fileScore.Precision:0.00000} R={fileScore.Recall:0.00000} F1={fileScore.F1:0.00000} threshold {fileSettings.Threshold} candidates {fileResult.Statistics.Comparisons}"));
    return;
}

if (args.Length > 0 && args[0] == "places")
{
    // Origins of generated records that the gazetteer does not resolve, most frequent first.
    var gazetteer = Tumen.Core.Places.Gazetteer.Default;
    foreach (var g in new PersonGenerator(42).Generate(int.Parse(args[1], CultureInfo.InvariantCulture), 0.3)
        .Select(r => r.Origin).Where(o => o is not null && gazetteer.Lookup(o) is null).GroupBy(o => o, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Take(20))
    {
        Console.WriteLine(FormattableString.Invariant($"{g.Count(),6} {g.Key}"));
    }

    return;
}

if (args.Length > 0 && args[0] == "parse")
{
    var names = new PersonGenerator(42).Generate(int.Parse(args[1], CultureInfo.InvariantCulture), 0.3).Select(r => r.Name).Distinct(StringComparer.Ordinal).ToArray();
    for (var round = 0; round < 2; round++)
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var readings = 0L;
        if (args.Length > 2 && args[2] == "parallel")
        {
            var parsed = new Tumen.Linkage.Names.KoreanName[names.Length];
            Parallel.For(0, names.Length, i => parsed[i] = Tumen.Linkage.Names.KoreanName.Parse(names[i]));
            readings = parsed.Sum(p => (long)p.Readings.Count);
        }
        else
        {
            foreach (var n in names)
            {
                readings += Tumen.Linkage.Names.KoreanName.Parse(n).Readings.Count;
            }
        }

        Console.WriteLine(FormattableString.Invariant($"parsed {names.Length:N0} distinct names in {sw.Elapsed.TotalSeconds:0.00} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:0.00} s CPU, {readings / (double)names.Length:0.00} readings each"));
    }

    return;
}

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var duplicates = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.3;
var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 42;
var dir = Path.Combine(Path.GetTempPath(), "tumen-bench-linkage-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dir);
try
{
    var input = Path.Combine(dir, "persons.csv");
    var generate = Stopwatch.StartNew();
    var records = new PersonGenerator(seed).Generate(count, duplicates);
    using (var writer = new StreamWriter(input, append: false, new UTF8Encoding(false)))
    {
        PersonGenerator.WriteCsv(writer, records);
    }

    var truth = records.ToDictionary(r => r.Id, r => r.Cluster, StringComparer.Ordinal);
    records = null;
    GC.Collect();
    Console.WriteLine(FormattableString.Invariant($"generated {count:N0} records ({duplicates:P0} duplicates) in {generate.Elapsed.TotalSeconds:0.0} s"));

    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var total = Stopwatch.StartNew();
    var settings = LinkSettings.Infer(CsvRecords.ReadHeader(input));
    if (args.FirstOrDefault(a => a.StartsWith("t=", StringComparison.Ordinal)) is { } t)
    {
        settings = settings with { Threshold = double.Parse(t[2..], CultureInfo.InvariantCulture) };
    }

    if (args.FirstOrDefault(a => a.StartsWith("d=", StringComparison.Ordinal)) is { } d)
    {
        settings = settings with { MinClusterDensity = double.Parse(d[2..], CultureInfo.InvariantCulture) };
    }

    if (args.Length > 3 && args[3] == "calibrate")
    {
        settings = settings with { ReviewThreshold = 0.001 };
    }

    var table = CsvRecords.Read([input], settings.IdColumn);
    var read = total.Elapsed.TotalSeconds;
    var lastStage = "";
    var progress = new Progress(p =>
    {
        if (p.Stage != lastStage)
        {
            Console.WriteLine(FormattableString.Invariant($"  {total.Elapsed.TotalSeconds,6:0.0} s  {p.Stage}"));
            lastStage = p.Stage;
        }
    });
    var result = new LinkEngine().Link(table, settings, progress);
    var link = total.Elapsed.TotalSeconds - read;
    CsvRecords.WriteClusters(Path.Combine(dir, "clusters.csv"), result);
    total.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

    var score = PairwiseScore.Compute(result.ClusterOf, table.Ids.Select(id => truth[id]).ToArray());
    var s = result.Statistics;
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024);
    Console.WriteLine(FormattableString.Invariant($"records            {s.Records:N0}"));
    Console.WriteLine(FormattableString.Invariant($"candidate pairs    {s.Comparisons:N0} (skipped blocks {s.SkippedBlocks}, pairs in them {s.SkippedPairs:N0})"));
    Console.WriteLine(FormattableString.Invariant($"linked pairs       {s.PairsAboveThreshold:N0}; clusters {s.Clusters:N0}"));
    Console.WriteLine(FormattableString.Invariant($"read csv           {read:0.00} s"));
    Console.WriteLine(FormattableString.Invariant($"link (engine)      {s.Seconds:0.00} s ({s.Comparisons / s.Seconds:N0} comparisons/s end to end in the engine)"));
    Console.WriteLine(FormattableString.Invariant($"end to end         {total.Elapsed.TotalSeconds:0.00} s wall (read + link + write clusters), {cpu:0.00} s CPU over both cores"));
    Console.WriteLine(FormattableString.Invariant($"load average       {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (other processes share these cores)"));
    Console.WriteLine(FormattableString.Invariant($"peak working set   {peak:0.00} GB"));
    Console.WriteLine(FormattableString.Invariant($"pairwise           P={score.Precision:0.00000} R={score.Recall:0.00000} F1={score.F1:0.00000}"));
    Console.WriteLine(FormattableString.Invariant($"cores              {Environment.ProcessorCount}"));
    if (args.Length > 3 && args[3] == "analyse")
    {
        Analysis.Print(result, table, table.Ids.Select(id => truth[id]).ToArray());
    }

    if (args.Length > 3 && args[3] == "calibrate")
    {
        Analysis.Calibration(result, table.Ids.Select(id => truth[id]).ToArray());
    }
}
finally
{
    Directory.Delete(dir, recursive: true);
}

internal sealed class Progress(Action<LinkProgress> report) : IProgress<LinkProgress>
{
    public void Report(LinkProgress value) => report(value);
}
