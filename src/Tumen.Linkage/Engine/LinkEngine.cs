using System.Diagnostics;
using Tumen.Core.Places;

namespace Tumen.Linkage.Engine;

/// <summary>Where a run is, for progress bars.</summary>
public sealed record LinkProgress(string Stage, double Fraction);

/// <summary>
/// Tumen's record-linkage engine: prepares per-record keys once, generates candidate pairs by a union
/// of blocking rules, estimates a Fellegi–Sunter model without labels (u from random pairs, m by EM),
/// scores pairs with term-frequency adjustment, and clusters them with a guard against weak chains.
/// Stateless: give it records, get clusters and explainable pairs back.
/// </summary>
public sealed class LinkEngine
{
    private readonly Gazetteer _gazetteer;
    private readonly int _parallelism;

    /// <summary>Creates an engine; <paramref name="parallelism"/> defaults to the number of cores.</summary>
    public LinkEngine(Gazetteer? gazetteer = null, int? parallelism = null)
    {
        _gazetteer = gazetteer ?? Gazetteer.Default;
        _parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
    }

    /// <summary>Links <paramref name="records"/> by <paramref name="settings"/>.</summary>
    public LinkResult Link(RecordTable records, LinkSettings settings, IProgress<LinkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        settings.Validate(records.ColumnNames);
        var comparisons = settings.CreateComparisons(_gazetteer);
        for (var k = 0; k < comparisons.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            comparisons[k].Prepare(records.Column(comparisons[k].Column));
            progress?.Report(new LinkProgress("preparing", (k + 1.0) / comparisons.Count));
        }

        CohortTermFrequencies.Apply(comparisons, records.Count);
        var model = new FellegiSunter(comparisons);
        var linkOnly = settings.LinkType == LinkType.LinkOnly;
        var blocker = new Blocker(settings.Blocking, settings.MaxBlockSize);
        var keys = blocker.ComputeKeys(records, comparisons);
        var chunks = blocker.Generate(
            keys,
            records.Sources,
            linkOnly,
            model.Pattern,
            _parallelism,
            new Progress(progress, "comparing"),
            cancellationToken);
        keys = null;

        var candidateCount = chunks.Sum(c => (long)c.Count);
        model.EstimateU(records.Sources, linkOnly, samples: (int)Math.Min(250_000, Math.Max(20_000, records.Count * 2L)), seed: 20261125);
        progress?.Report(new LinkProgress("estimating u (random pairs)", 1));
        var patternCounts = CountPatterns(chunks);
        var sessions = new List<(double[]?[] M, double Matches)>();
        var expectedMatches = 0.0;
        for (var r = 0; r < settings.Blocking.Count; r++)
        {
            var rule = r;
            var counts = CountPatterns(chunks.Where(c => c.Rule == rule).ToList());
            // Pairs of rule r share its key and, by construction, none of the earlier rules' keys: all those columns are biased here.
            var blocked = BlockedComparisons(comparisons, settings.Blocking.Take(r + 1).SelectMany(x => x).ToArray());
            sessions.Add((model.TrainSession(counts, blocked, out var matches), matches));
            expectedMatches += matches;
        }

        progress?.Report(new LinkProgress("estimating m (EM per blocking rule)", 1));

        // Comparisons that every rule blocks on learn their m from pairs sampled on another comparison's key.
        for (var k = 0; k < comparisons.Count; k++)
        {
            if (sessions.Any(s => s.M[k] is not null))
            {
                continue;
            }

            var trainingColumn = TrainingColumn(comparisons, k);
            if (trainingColumn is null)
            {
                continue;
            }

            var trainingKeys = blocker.ComputeKeys(records, comparisons, [[trainingColumn]])[0];
            var counts = Blocker.SamplePatterns(trainingKeys, records.Sources, linkOnly, model.Pattern, maxPairs: 200_000, seed: 20261125 + k);
            sessions.Add((model.TrainSession(counts, BlockedComparisons(comparisons, [trainingColumn]), out var trainingMatches), trainingMatches));
        }

        model.UseSessions(sessions);
        if (expectedMatches <= 0)
        {
            expectedMatches = model.CandidateMatchShare(patternCounts) * candidateCount;
        }

        model.SetLambda(expectedMatches, PossiblePairs(records.Sources, linkOnly));
        progress?.Report(new LinkProgress("estimating", 1));

        var prior = Math.Log(model.Lambda / (1 - model.Lambda));
        var baseWeight = patternCounts.Keys.ToDictionary(p => p, model.PatternWeight);
        var tfComparisons = Enumerable.Range(0, comparisons.Count).Where(k => comparisons[k].ValueIds is not null).ToArray();
        var keep = Math.Min(settings.ReviewThreshold, settings.Threshold);

        double Probability(Candidate candidate)
        {
            var weight = prior + baseWeight[candidate.Pattern];
            foreach (var k in tfComparisons)
            {
                weight += model.TermFrequencyAdjustment(k, model.Level(candidate.Pattern, k), candidate.Left, candidate.Right);
            }

            return 1 / (1 + Math.Exp(-weight));
        }

        // Sorted (best first, then by records) for output; a clustering that is recounted next does not need it.
        List<ScoredPair> Score(List<Candidate> all, double floor, bool sorted = true)
        {
            var scored = new ScoredPair[all.Count];
            Parallel.For(0, all.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken }, x =>
                scored[x] = new ScoredPair(all[x].Left, all[x].Right, Probability(all[x])));
            var above = scored.Where(p => p.Probability >= floor);
            return sorted ? [.. above.OrderByDescending(p => p.Probability).ThenBy(p => p.Left).ThenBy(p => p.Right)] : [.. above];
        }

        // First pass: term frequencies over records. Pairs that a recount could lift above the review
        // threshold are kept with their pattern.
        var candidates = new System.Collections.Concurrent.ConcurrentBag<List<Candidate>>();
        Parallel.ForEach(chunks, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken }, chunk =>
        {
            var local = new List<Candidate>();
            for (var x = 0; x < chunk.Count; x++)
            {
                var (i, j) = PairChunk.Unpack(chunk.Pairs[x]);
                var candidate = new Candidate(i, j, chunk.Patterns[x]);
                if (Probability(candidate) >= CandidateFloor)
                {
                    local.Add(candidate);
                }
            }

            candidates.Add(local);
        });
        chunks.Clear();
        var kept = candidates.SelectMany(c => c).ToList();
        var pairs = Score(kept, keep, sorted: tfComparisons.Length == 0);
        var clusterOf = Clusterer.Cluster(records.Count, pairs, settings.Threshold, settings.MinClusterDensity);
        progress?.Report(new LinkProgress("scoring", 0.5));

        // Second pass: a value's frequency counted once per person found, then scored and clustered again.
        if (tfComparisons.Length > 0)
        {
            foreach (var k in tfComparisons)
            {
                comparisons[k].CountPersonsOnce(clusterOf);
            }

            CohortTermFrequencies.Apply(comparisons, records.Count, clusterOf);
            pairs = Score(kept, keep);
            clusterOf = Clusterer.Cluster(records.Count, pairs, settings.Threshold, settings.MinClusterDensity);
        }

        progress?.Report(new LinkProgress("scoring", 1));
        progress?.Report(new LinkProgress("clustering", 1));
        var statistics = new LinkStatistics(
            records.Count,
            candidateCount,
            pairs.LongCount(p => p.Probability >= settings.Threshold),
            clusterOf.Distinct().Count(),
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            blocker.SkippedBlocks,
            blocker.SkippedPairs,
            model.Iterations,
            model.Lambda);
        return new LinkResult(records, settings, clusterOf, pairs, comparisons, model, statistics);
    }

    // Pairs below this first-pass probability are dropped: counting a name once per person raises its weight by
    // the log of her number of records at most, and reaching the review threshold (0.2) from here takes 3.2 nats.
    private const double CandidateFloor = 0.01;

    private readonly record struct Candidate(int Left, int Right, int Pattern);

    private static double PossiblePairs(IReadOnlyList<int> sources, bool linkOnly)
    {
        double n = sources.Count;
        var all = n * (n - 1) / 2;
        if (!linkOnly)
        {
            return all;
        }

        return all - sources.GroupBy(s => s).Sum(g => (double)g.Count() * (g.Count() - 1) / 2);
    }

    private static HashSet<int> BlockedComparisons(IReadOnlyList<Comparisons.Comparison> comparisons, IReadOnlyList<string> rule)
    {
        var columns = rule.Select(e => e.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, comparisons.Count).Where(k => columns.Contains(comparisons[k].Column)).ToHashSet();
    }

    // A column to sample training pairs on: a date first (rarely shared by chance), then a year, then a whole
    // name; a place last (its blocks are large and hold few matches, so EM learns little from them).
    private static string? TrainingColumn(IReadOnlyList<Comparisons.Comparison> comparisons, int k)
    {
        string[] preference = ["date", "year", "korean_name", "exact", "text", "given_name", "surname", "place", "category"];
        return preference
            .SelectMany(kind => comparisons.Where((c, x) => x != k && c.Kind == kind && !string.Equals(c.Column, comparisons[k].Column, StringComparison.Ordinal)))
            .Select(c => c.Column)
            .FirstOrDefault();
    }

    private static Dictionary<int, long> CountPatterns(List<PairChunk> chunks)
    {
        var total = new Dictionary<int, long>();
        var partials = new System.Collections.Concurrent.ConcurrentBag<Dictionary<int, long>>();
        Parallel.ForEach(chunks, chunk =>
        {
            var local = new Dictionary<int, long>();
            for (var x = 0; x < chunk.Count; x++)
            {
                local[chunk.Patterns[x]] = local.GetValueOrDefault(chunk.Patterns[x]) + 1;
            }

            partials.Add(local);
        });
        foreach (var local in partials)
        {
            foreach (var (pattern, count) in local)
            {
                total[pattern] = total.GetValueOrDefault(pattern) + count;
            }
        }

        return total;
    }

    private sealed class Progress(IProgress<LinkProgress>? inner, string stage) : IProgress<double>
    {
        public void Report(double value) => inner?.Report(new LinkProgress(stage, value));
    }
}
