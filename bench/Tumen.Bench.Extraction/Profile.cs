using System.Diagnostics;
using Tumen.Ingest.Documents;
using Tumen.Ingest.Extraction;

namespace Tumen.Bench.Extraction;

/// <summary>Per-extractor timings, to see where the time of a document goes.</summary>
internal static class Profile
{
    public static void Run(IReadOnlyList<SourceDocument> documents)
    {
        var orgs = OrganisationList.Default;
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        void Time(string name, Action action)
        {
            var w = Stopwatch.StartNew();
            action();
            times[name] = times.GetValueOrDefault(name) + w.Elapsed;
        }

        foreach (var d in documents)
        {
            var text = d.Text;
            List<OrganisationMention> o = [];
            List<DateMention> dates = [];
            Time("organisations", () => o = [.. orgs.Matcher.Matches(text).Select(m => new OrganisationMention(m.Value.Name, m.Value.Kind, m.Text, m.Span, "x"))]);
            Time("dates", () => dates = DateExtractor.Extract(text));
            var spans = dates.Select(x => x.Span).ToList();
            var attribution = new AttributionFinder(o);
            Time("claims.cjk", () => CjkClaimExtractor.Extract(text, spans, attribution));
            Time("claims.en", () => NumericClaimExtractor.Extract(text, spans, new AttributionFinder([])));
            Time("claims.en+attribution", () => NumericClaimExtractor.Extract(text, spans, attribution));
            Time("quotes", () => QuoteExtractor.Extract(text));
            Time("atoms", () => EnglishNumbers.Atoms(text));
            Time("places", () => _ = Extractor.Default.PlaceMatches(text));
            Time("violations", () => _ = ViolationLexicon.Default.Matcher.Matches(text).ToList());
            Time("full", () => Extractor.Default.Extract(d));
        }

        Console.WriteLine("--");
        foreach (var (name, t) in times)
        {
            Console.WriteLine($"{name}: {t.TotalMilliseconds * 1000 / documents.Count:0} µs/doc");
        }
    }
}

/// <summary>Timings of the cross-document passes.</summary>
internal static class CorpusProfile
{
    public static void Run(List<DocumentFindings> findings)
    {
        var w = Stopwatch.StartNew();
        var t = Tumen.Ingest.Extraction.Corpus.TestimonyMatcher.Match(findings);
        Console.WriteLine($"testimonies: {w.ElapsedMilliseconds} ms");
        w.Restart();
        Tumen.Ingest.Extraction.Corpus.EchoDetector.Detect(findings, t);
        Console.WriteLine($"echoes: {w.ElapsedMilliseconds} ms");
        w.Restart();
        Tumen.Ingest.Extraction.Corpus.ClaimGrouper.Group(findings);
        Console.WriteLine($"claim groups: {w.ElapsedMilliseconds} ms");
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
