using System.Globalization;
using Tumen.Linkage.Engine;

/// <summary>Prints where recall and precision are lost: missed true pairs and wrong links, with explanations.</summary>
internal static class Analysis
{
    public static void Print(LinkResult result, RecordTable table, IReadOnlyList<string> truth)
    {
        var scored = new Dictionary<(int, int), double>();
        foreach (var p in result.Pairs)
        {
            scored[(Math.Min(p.Left, p.Right), Math.Max(p.Left, p.Right))] = p.Probability;
        }

        foreach (var c in result.Parameters)
        {
            Console.WriteLine(c.Column + ": " + string.Join("; ", c.Levels.Select(l => l.ToString())));
        }

        var byTruth = Enumerable.Range(0, truth.Count).GroupBy(i => truth[i], StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        long splitLinked = 0, belowThreshold = 0, notScored = 0, total = 0;
        var missed = new List<(int, int, string)>();
        foreach (var g in byTruth)
        {
            var members = g.ToArray();
            for (var a = 0; a < members.Length; a++)
            {
                for (var b = a + 1; b < members.Length; b++)
                {
                    var (i, j) = (Math.Min(members[a], members[b]), Math.Max(members[a], members[b]));
                    if (result.ClusterOf[i] == result.ClusterOf[j])
                    {
                        continue;
                    }

                    total++;
                    string kind;
                    if (scored.TryGetValue((i, j), out var prob))
                    {
                        if (prob >= result.Settings.Threshold) { splitLinked++; kind = "split"; }
                        else { belowThreshold++; kind = "below"; }
                    }
                    else { notScored++; kind = "unscored"; }

                    missed.Add((i, j, kind));
                }
            }
        }

        Console.WriteLine(FormattableString.Invariant($"missed true pairs {total:N0}: linked but split by clustering {splitLinked:N0}, scored below threshold {belowThreshold:N0}, not scored (not blocked or very low) {notScored:N0}"));
        var unscoredHigh = missed.Count(m => m.Item3 == "unscored" && result.Explain(m.Item1, m.Item2).Probability >= result.Settings.Threshold);
        Console.WriteLine(FormattableString.Invariant($"  unscored but would score above threshold (blocking misses): {unscoredHigh:N0}"));
        foreach (var g in missed.GroupBy(m => result.Explain(m.Item1, m.Item2).Contributions[0].Level, StringComparer.Ordinal).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine(FormattableString.Invariant($"  name level {g.Key}: {g.Count():N0}"));
        }

        foreach (var g in missed.GroupBy(m => string.Join(",", result.Explain(m.Item1, m.Item2).Contributions.Skip(1).Select(c => c.Level)), StringComparer.Ordinal).OrderByDescending(g => g.Count()).Take(12))
        {
            Console.WriteLine(FormattableString.Invariant($"  other levels {g.Key}: {g.Count():N0}"));
        }

        var size = truth.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var predictedSize = result.ClusterOf.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        foreach (var g in missed.GroupBy(m => size[truth[m.Item1]] switch { 2 => "2", <= 4 => "3-4", <= 9 => "5-9", _ => "10+" }, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(FormattableString.Invariant($"  true cluster size {g.Key}: {g.Count():N0} missed pairs"));
        }

        Console.WriteLine(FormattableString.Invariant($"  missed pairs with a record left alone: {missed.Count(m => predictedSize[result.ClusterOf[m.Item1]] == 1 || predictedSize[result.ClusterOf[m.Item2]] == 1):N0}"));
        var trueSizes = size.Values.Where(v => v > 1).GroupBy(v => v switch { 2 => "2", <= 4 => "3-4", <= 9 => "5-9", _ => "10+" }, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var g in trueSizes)
        {
            Console.WriteLine(FormattableString.Invariant($"  true clusters of size {g.Key}: {g.Count():N0}, pairs {g.Sum(v => (long)v * (v - 1) / 2):N0}"));
        }

        var random = new Random(1);
        foreach (var (i, j, _) in missed.Where(m => m.Item3 == "unscored" && result.Explain(m.Item1, m.Item2).Probability >= result.Settings.Threshold).OrderBy(_ => random.Next()).Take(12))
        {
            Print(result, table, i, j, "BLOCKING MISS");
        }

        foreach (var (i, j, kind) in missed.OrderBy(_ => random.Next()).Take(40))
        {
            Print(result, table, i, j, "MISS " + kind);
        }

        var wrong = result.Pairs.Where(p => p.Probability >= result.Settings.Threshold && !string.Equals(truth[p.Left], truth[p.Right], StringComparison.Ordinal)).ToList();
        Console.WriteLine(FormattableString.Invariant($"wrong links above threshold {wrong.Count:N0}"));
        foreach (var p in wrong.OrderBy(_ => random.Next()).Take(15))
        {
            Print(result, table, p.Left, p.Right, "WRONG");
        }
    }

    /// <summary>Per comparison pattern of the scored pairs: how many, the mean predicted probability, the true match share.</summary>
    public static void Calibration(LinkResult result, IReadOnlyList<string> truth)
    {
        var rows = result.Pairs.Select(p =>
        {
            var e = result.Explain(p.Left, p.Right);
            var tf = e.Contributions[0].TermFrequencyAdjustment;
            var key = string.Join(" / ", e.Contributions.Select(c => c.Level)) + (tf == 0 ? "" : tf > 1.5 ? " [tf>1.5]" : tf > 0 ? " [tf 0..1.5]" : tf > -1.5 ? " [tf -1.5..0]" : " [tf<-1.5]");
            return (key, p.Probability, match: string.Equals(truth[p.Left], truth[p.Right], StringComparison.Ordinal));
        }).ToList();
        Console.WriteLine("calibration: pattern | pairs | mean p | true share | linked wrong | unlinked true");
        foreach (var g in rows.GroupBy(r => r.key, StringComparer.Ordinal).OrderByDescending(g => g.Count(r => r.Probability >= 0.5 != r.match)).Take(60))
        {
            Console.WriteLine(FormattableString.Invariant($"  {g.Key} | {g.Count()} | {g.Average(r => r.Probability):0.000} | {g.Average(r => r.match ? 1.0 : 0):0.000} | {g.Count(r => r.Probability >= 0.5 && !r.match)} | {g.Count(r => r.Probability < 0.5 && r.match)}"));
        }
    }

    private static void Print(LinkResult result, RecordTable table, int i, int j, string label)
    {
        var e = result.Explain(i, j);
        Console.WriteLine(FormattableString.Invariant($"{label} p={e.Probability:0.000} prior={e.PriorWeight:0.00}"));
        Console.WriteLine("   " + string.Join(" | ", table.ColumnNames.Select(c => table.Column(c)[i] ?? "-")));
        Console.WriteLine("   " + string.Join(" | ", table.ColumnNames.Select(c => table.Column(c)[j] ?? "-")));
        Console.WriteLine("   " + string.Join("; ", e.Contributions.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Column}:{c.Level} {c.Weight:0.0}{(c.TermFrequencyAdjustment != 0 ? $"{c.TermFrequencyAdjustment:+0.0;-0.0}" : "")}"))));
    }
}
