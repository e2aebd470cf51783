using System.Globalization;
using System.Text.RegularExpressions;

namespace Tumen.Ingest.Extraction.Corpus;

/// <summary>
/// Finds documents that repeat each other or one origin. Text reuse comes from MinHash/LSH; shared
/// testimony from <see cref="TestimonyMatcher"/>; shared origin from precise figures that two documents
/// both state while naming the same organisation. Every candidate pair comes from a shared bucket or a
/// shared rare key, so the work grows with the corpus, not with its square.
/// </summary>
internal static partial class EchoDetector
{
    private const double ReuseThreshold = 0.3;
    private const double DuplicateThreshold = 0.8;
    private const int MaxPosting = 50;

    /// <summary>Precise figures two documents must share to echo one another without a named origin in common.</summary>
    private const int SharedFiguresAlone = 3;

    public static (List<Echo> Echoes, List<EchoCluster> Clusters) Detect(IReadOnlyList<DocumentFindings> documents, IReadOnlyList<Testimony> testimonies)
    {
        var signatures = documents.Select(d => MinHasher.Signature(d.Document.Text)).ToList();
        var links = new Dictionary<(int, int), Link>();

        foreach (var (a, b) in MinHasher.CandidatePairs(signatures))
        {
            var similarity = MinHasher.Similarity(signatures[a], signatures[b]);
            if (similarity >= ReuseThreshold)
            {
                Get(links, a, b).Text = similarity;
            }
        }

        var index = documents.Select((d, i) => (d.Document.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        foreach (var t in testimonies)
        {
            var docs = t.Occurrences.Select(o => index[o.Document]).Distinct().Order().ToList();
            if (docs.Count > MaxPosting)
            {
                continue;
            }

            for (var i = 0; i < docs.Count; i++)
            {
                for (var j = i + 1; j < docs.Count; j++)
                {
                    Get(links, docs[i], docs[j]).Testimonies.Add(t.Id);
                }
            }
        }

        var facts = documents.Select(Fingerprints).ToList();
        var origins = documents.Select(d => d.Organisations.Where(o => o.Kind != "media").Select(o => o.Name).ToHashSet(StringComparer.Ordinal)).ToList();
        SharedFigures(facts, origins, links);

        var echoes = new List<Echo>();
        var sets = new UnionFind(documents.Count);
        var edgeOrigins = new List<(int A, int B, string Origin)>();
        foreach (var ((a, b), link) in links.OrderBy(l => l.Key))
        {
            var commonOrigins = origins[a].Intersect(origins[b], StringComparer.Ordinal).ToList();
            var origin = commonOrigins
                .OrderByDescending(o => documents[a].Organisations.Count(m => m.Name == o) + documents[b].Organisations.Count(m => m.Name == o))
                .ThenBy(o => o, StringComparer.Ordinal)
                .FirstOrDefault();
            string kind;
            double similarity;
            if (link.Text >= DuplicateThreshold)
            {
                (kind, similarity) = ("near_duplicate", link.Text);
            }
            else if (link.Text >= ReuseThreshold)
            {
                (kind, similarity) = ("text_reuse", link.Text);
            }
            else if (link.Testimonies.Count > 0)
            {
                (kind, similarity) = ("shared_testimony", Overlap(link, facts[a], facts[b]));
            }
            else if (origin is not null && link.Facts.Distinct(StringComparer.Ordinal).Count() >= 2)
            {
                (kind, similarity) = ("shared_origin", Overlap(link, facts[a], facts[b]));
            }
            else if (link.Facts.Distinct(StringComparer.Ordinal).Count() >= SharedFiguresAlone)
            {
                // A rewrite or a translation keeps the figures when it keeps few words and drops the source's name.
                (kind, similarity) = ("shared_figures", Overlap(link, facts[a], facts[b]));
            }
            else
            {
                continue;
            }

            var evidence = new List<string>();
            if (link.Text > 0)
            {
                evidence.Add(string.Create(CultureInfo.InvariantCulture, $"text:{link.Text:0.00}"));
            }

            evidence.AddRange(link.Testimonies.Distinct(StringComparer.Ordinal).Select(t => "testimony:" + t));
            evidence.AddRange(link.Facts.Distinct(StringComparer.Ordinal).Select(f => "figure:" + f));
            if (origin is not null)
            {
                evidence.Add("origin:" + origin);
                edgeOrigins.Add((a, b, origin));
            }

            echoes.Add(new Echo(documents[a].Document.Id, documents[b].Document.Id, Math.Round(similarity, 3), kind, origin, evidence));
            sets.Union(a, b);
        }

        var clusters = new List<EchoCluster>();
        foreach (var members in sets.Groups())
        {
            var memberSet = members.ToHashSet();
            var origin = edgeOrigins.Where(e => memberSet.Contains(e.A)).GroupBy(e => e.Origin, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            var via = members.SelectMany(m => Outlets(documents[m])).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var earliest = members.Where(m => documents[m].DocumentDate is not null)
                .OrderBy(m => documents[m].DocumentDate, StringComparer.Ordinal).Select(m => documents[m].Document.Id).FirstOrDefault();
            var fullest = members.OrderByDescending(m => documents[m].Claims.Count + documents[m].Quotes.Count).ThenBy(m => m)
                .Select(m => documents[m].Document.Id).First();
            clusters.Add(new EchoCluster([.. members.Select(m => documents[m].Document.Id)], origin, via, earliest, fullest));
        }

        return (echoes, clusters);
    }

    /// <summary>Outlets a document names as carrying its story: "told MailOnline", "iNews reported", "The Telegraph reported".</summary>
    public static IEnumerable<string> Outlets(DocumentFindings findings)
    {
        var text = findings.Document.Text;
        foreach (var o in findings.Organisations.Where(o => o.Kind == "media"))
        {
            var before = text[Math.Max(0, o.Span.Start - 40)..o.Span.Start];
            var after = text[o.Span.End..Math.Min(text.Length, o.Span.End + 40)];
            if (CitedBefore().IsMatch(before) || CitedAfter().IsMatch(after))
            {
                yield return o.Name;
            }
        }
    }

    /// <summary>Precise figures a document states, as comparable keys (vague and tiny figures say nothing about origin).</summary>
    private static HashSet<string> Fingerprints(DocumentFindings findings)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in findings.Claims.Where(c => !c.Vague))
        {
            var unit = c.Unit is "people" or "count" ? "n" : c.Unit;
            var a = c.Value ?? c.Low;
            var b = c.Value ?? c.High;
            if (a is null || (unit is not ("percent" or "age") && b < 50))
            {
                continue;
            }

            keys.Add(string.Create(CultureInfo.InvariantCulture, $"{unit}:{Round(a.Value)}-{Round(b ?? a.Value)}"));
        }

        return keys;
    }

    private static double Round(double v)
    {
        if (v == 0)
        {
            return 0;
        }

        var scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(v))) - 2);
        return Math.Round(v / scale) * scale;
    }

    /// <summary>
    /// Adds to <paramref name="links"/> the figures each pair of documents shares (through keys held by at
    /// most <see cref="MaxPosting"/> documents), for the pairs where they can matter: pairs already linked
    /// by text or testimony, and pairs sharing two or more figures and an origin organisation. Shared keys
    /// are counted per document in one array, so pairs that share a single figure cost a counter, not an object.
    /// </summary>
    private static void SharedFigures(List<HashSet<string>> facts, List<HashSet<string>> origins, Dictionary<(int, int), Link> links)
    {
        var postings = TextTokens.Index(facts.Count, d => facts[d]);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in postings.Keys)
        {
            order[key] = order.Count;
        }

        var shared = new int[facts.Count];
        var partners = new List<int>();
        for (var a = 0; a < facts.Count; a++)
        {
            foreach (var key in facts[a])
            {
                var list = postings[key];
                if (list.Count > MaxPosting)
                {
                    continue;
                }

                foreach (var b in list)
                {
                    if (b > a && shared[b]++ == 0)
                    {
                        partners.Add(b);
                    }
                }
            }

            partners.Sort();
            foreach (var b in partners)
            {
                var linked = links.TryGetValue((a, b), out var link);
                if (linked || shared[b] >= SharedFiguresAlone || (shared[b] >= 2 && origins[a].Overlaps(origins[b])))
                {
                    link ??= Get(links, a, b);
                    link.Facts.AddRange(facts[a].Where(k => facts[b].Contains(k) && postings[k].Count <= MaxPosting).OrderBy(k => order[k]));
                }

                shared[b] = 0;
            }

            partners.Clear();
        }
    }

    private static double Overlap(Link link, HashSet<string> a, HashSet<string> b)
    {
        var union = a.Count + b.Count - link.Facts.Count;
        return union <= 0 ? 0 : (double)link.Facts.Count / union;
    }

    private static Link Get(Dictionary<(int, int), Link> links, int a, int b)
    {
        var key = a < b ? (a, b) : (b, a);
        if (!links.TryGetValue(key, out var link))
        {
            links[key] = link = new Link();
        }

        return link;
    }

    private sealed class Link
    {
        public double Text { get; set; }

        public List<string> Testimonies { get; } = [];

        public List<string> Facts { get; } = [];
    }

    [GeneratedRegex(@"\b(?:told|to|according to|reported by|in|quoted by|cited by|via)\s(?:the\s|reporters\.?\s)?$|(?:据|에|据英国)\s?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 10000)]
    private static partial Regex CitedBefore();

    [GeneratedRegex(@"^[”""’]?\s?(?:has\s|had\s)?(?:reported|reports|said|says|wrote|writes|revealed|보도|报道)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 10000)]
    private static partial Regex CitedAfter();
}
