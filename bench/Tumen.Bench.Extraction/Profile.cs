using System.Diagnostics;
using Tumen.Ingest.Documents;
using Tumen.Ingest.Extraction;

namespace Tumen.Bench.Extraction;

/// <summary>
/// Per-extractor timings, to see where the time of a document goes: each pass runs over all documents
/// in turn, timed by the wall clock and by the process's CPU time (which other processes' load affects less).
/// </summary>
internal static class Profile
{
    public static void Run(IReadOnlyList<SourceDocument> documents)
    {
        var orgs = OrganisationList.Default;
        var texts = documents.Select(d => d.Text).ToList();
        var dateSpans = texts.Select(t => DateExtractor.Extract(t).Select(x => x.Span).ToList()).ToList();
        var orgMentions = texts.Select(t => orgs.Matcher.Matches(t).Select(m => new OrganisationMention(m.Value.Name, m.Value.Kind, m.Text, m.Span, "x")).ToList()).ToList();
        var process = Process.GetCurrentProcess();
        void Time(string name, Action<int> pass)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var w = Stopwatch.StartNew();
            for (var i = 0; i < texts.Count; i++)
            {
                pass(i);
            }

            var wall = w.Elapsed;
            process.Refresh();
            Console.WriteLine($"{name}: {wall.TotalMilliseconds * 1000 / texts.Count:0} µs/doc wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds * 1000 / texts.Count:0} µs/doc CPU");
        }

        Console.WriteLine("--");
        Time("organisations", i => orgs.Matcher.Matches(texts[i]));
        Time("dates", i => DateExtractor.Extract(texts[i]));
        Time("claims.cjk", i => CjkClaimExtractor.Extract(texts[i], dateSpans[i], new AttributionFinder(orgMentions[i])));
        Time("atoms", i => EnglishNumbers.Atoms(texts[i]));
        Time("claims.en (incl. atoms, attribution)", i => NumericClaimExtractor.Extract(texts[i], dateSpans[i], new AttributionFinder(orgMentions[i])));
        Time("quotes", i => QuoteExtractor.Extract(texts[i]));
        Time("places", i => Extractor.Default.PlaceMatches(texts[i]));
        Time("violations", i => ViolationLexicon.Default.Matcher.Matches(texts[i]));
        Time("full", i => Extractor.Default.Extract(documents[i]));
    }
}

/// <summary>Timings of the cross-document passes, wall and process CPU.</summary>
internal static class CorpusProfile
{
    public static void Run(List<DocumentFindings> findings)
    {
        var process = Process.GetCurrentProcess();
        T Time<T>(string name, Func<T> pass)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var pause = GC.GetTotalPauseDuration();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var w = Stopwatch.StartNew();
            var result = pass();
            process.Refresh();
            Console.WriteLine($"{name}: {w.ElapsedMilliseconds} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0} ms, allocated {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6:0} MB");
            return result;
        }

        var t = Time("testimonies", () => Tumen.Ingest.Extraction.Corpus.TestimonyMatcher.Match(findings));
        Time("echoes", () => Tumen.Ingest.Extraction.Corpus.EchoDetector.Detect(findings, t));
        Time("claim groups", () => Tumen.Ingest.Extraction.Corpus.ClaimGrouper.Group(findings));
    }
}

/// <summary>Cost of one full scan of each source-generated regex of the extractors, to see which rules dominate.</summary>
internal static class RegexProfile
{
    public static void Run(IReadOnlyList<SourceDocument> documents)
    {
        var rules = typeof(Extractor).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public))
            .Where(m => m.ReturnType == typeof(System.Text.RegularExpressions.Regex) && m.GetParameters().Length == 0)
            .Select(m => (Name: m.DeclaringType!.Name + "." + m.Name, Regex: (System.Text.RegularExpressions.Regex)m.Invoke(null, null)!))
            .ToList();
        for (var pass = 0; pass < 2; pass++)
        {
            var rows = new List<(string, double, int)>();
            foreach (var (name, regex) in rules)
            {
                var w = Stopwatch.StartNew();
                var n = 0;
                foreach (var d in documents)
                {
                    n += regex.Count(d.Text);
                }

                rows.Add((name, w.Elapsed.TotalMilliseconds * 1000 / documents.Count, n));
            }

            if (pass == 1)
            {
                foreach (var (name, us, n) in rows.OrderByDescending(r => r.Item2))
                {
                    Console.WriteLine($"{name}: {us:0.0} µs/doc, {n} matches");
                }
            }
        }
    }
}
