using System.Globalization;

namespace Tumen.Ingest.Extraction.Corpus;

/// <summary>
/// Puts claims about the same quantity side by side and judges them. Two claims are about the same
/// quantity when their units agree and their counted phrases share concepts: for shares, what is said
/// of the population must overlap ("trafficked" vs "end up as trafficking victims") and the populations
/// must be alike; for counts, the phrases (or, when a figure names no phrase, its sentence) must be
/// alike. Candidates come from an inverted index of concepts; concepts too common to tell quantities
/// apart are not used for blocking.
/// </summary>
internal static class ClaimGrouper
{
    private const int MaxPosting = 100;

    /// <summary>A claim with what blocking and comparison need; the concepts of its sentence are read only when a comparison gets that far.</summary>
    private sealed record Item(int Doc, NumericClaim Claim, string UnitFamily, HashSet<string> Population, HashSet<string> Predicate, Lazy<HashSet<string>> SentenceConcepts, int Sentence)
    {
        public HashSet<string> Context => SentenceConcepts.Value;
    }

    public static List<ClaimGroup> Group(IReadOnlyList<DocumentFindings> documents)
    {
        var items = new List<Item>();

        // Counted phrases repeat across claims and documents; their concepts are read once (and never changed).
        var phrases = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var none = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string> ConceptsOf(string? phrase)
        {
            if (phrase is null)
            {
                return none;
            }

            if (!phrases.TryGetValue(phrase, out var concepts))
            {
                phrases[phrase] = concepts = Concepts.Of(phrase);
            }

            return concepts;
        }

        for (var d = 0; d < documents.Count; d++)
        {
            var f = documents[d];
            var sentences = new Dictionary<int, Lazy<HashSet<string>>>();
            foreach (var c in f.Claims)
            {
                var sentence = TextScan.Sentence(f.Document.Text, c.Span);
                if (!sentences.TryGetValue(sentence.Start, out var context))
                {
                    var text = f.Document.Text;
                    sentences[sentence.Start] = context = new(() => Concepts.Of(text[sentence.Start..sentence.End]));
                }

                var predicate = ConceptsOf(c.Predicate);
                var population = ConceptsOf(c.Predicate is null ? c.Counts : c.Counts?[..Math.Max(0, c.Counts.Length - c.Predicate.Length)]);
                items.Add(new Item(d, c, Family(c.Unit), population, predicate, context, sentence.Start));
            }
        }

        // Blocking keys: what a claim counts, and the size of its figure (log buckets of about 12 %).
        var sets = new UnionFind(items.Count);
        var keys = items.Select(item => Keys(item).ToList()).ToList();
        var postings = TextTokens.Index(items.Count, i => keys[i]);

        var seen = new HashSet<int>();
        for (var i = 0; i < items.Count; i++)
        {
            seen.Clear();
            foreach (var key in keys[i])
            {
                var list = postings[key];
                if (list.Count > MaxPosting)
                {
                    continue;
                }

                foreach (var j in list)
                {
                    if (j > i && seen.Add(j) && SameQuantity(items[i], items[j]))
                    {
                        sets.Union(i, j);
                    }
                }
            }
        }

        var groups = new List<ClaimGroup>();
        foreach (var members in sets.Groups())
        {
            if (members.Select(m => items[m].Doc).Distinct().Count() < 2)
            {
                continue;
            }

            var claims = members
                .Select(m => new GroupedClaim(documents[items[m].Doc].Document.Id, documents[items[m].Doc].DocumentDate, items[m].Claim))
                .ToList();
            groups.Add(Judge(claims, members.Select(m => documents[items[m].Doc]).ToList()));
        }

        return groups;
    }

    private static IEnumerable<string> Keys(Item item)
    {
        foreach (var concept in item.Population.Concat(item.Predicate).Distinct(StringComparer.Ordinal))
        {
            yield return item.UnitFamily + ":" + concept;
        }

        var (lo, hi) = Stated(item.Claim);
        var mid = (lo + hi) / 2;
        if (mid > 0 && !item.Claim.Vague)
        {
            var bucket = (int)Math.Round(Math.Log10(mid) * 20);
            yield return string.Create(CultureInfo.InvariantCulture, $"{item.UnitFamily}#{bucket}");
            yield return string.Create(CultureInfo.InvariantCulture, $"{item.UnitFamily}#{bucket + 1}");
        }
    }

    private static string Family(string unit) => unit is "people" or "count" ? "number" : unit;

    private static bool SameQuantity(Item a, Item b)
    {
        if (a.UnitFamily != b.UnitFamily)
        {
            return false;
        }

        if (a.UnitFamily == "percent")
        {
            if (a.Predicate.Count > 0 && b.Predicate.Count > 0)
            {
                var predicatesMeet = a.Predicate.Overlaps(b.Predicate);
                var populationsMeet = a.Population.Count == 0 || b.Population.Count == 0 || Concepts.Jaccard(a.Population, b.Population) >= 0.25;
                return predicatesMeet && populationsMeet;
            }

            return Concepts.Jaccard(Union(a.Population, a.Predicate), Union(b.Population, b.Predicate)) >= 0.5;
        }

        // Two figures in one sentence are two quantities ("$48m a year ... a few hundred dollars each").
        if (a.Doc == b.Doc && a.Sentence == b.Sentence)
        {
            return false;
        }

        // Differing figures meet only when both say what they count, in the same concepts.
        if (a.Population.Count > 0 && b.Population.Count > 0
            && a.Population.Count(b.Population.Contains) >= 2 && Concepts.Jaccard(a.Population, b.Population) >= 0.5)
        {
            return true;
        }

        // A precise figure restated in other words or another language: close in value, and the phrase
        // and sentence share concepts (one is enough for money, which is specific; two for anything else).
        if (a.Doc == b.Doc || !Close(a.Claim, b.Claim) || a.Claim.Vague || b.Claim.Vague)
        {
            return false;
        }

        var money = a.UnitFamily is "usd" or "gbp" or "eur" or "krw" or "cny";
        return SharedConcepts(a, b, money ? 1 : 2) >= (money ? 1 : 2);
    }

    /// <summary>How many concepts of <paramref name="a"/>'s phrase and sentence <paramref name="b"/>'s also has, counting up to <paramref name="enough"/>.</summary>
    private static int SharedConcepts(Item a, Item b, int enough)
    {
        var shared = 0;
        foreach (var concept in a.Population)
        {
            if ((b.Population.Contains(concept) || b.Context.Contains(concept)) && ++shared >= enough)
            {
                return shared;
            }
        }

        foreach (var concept in a.Context)
        {
            if (!a.Population.Contains(concept) && (b.Population.Contains(concept) || b.Context.Contains(concept)) && ++shared >= enough)
            {
                return shared;
            }
        }

        return shared;
    }

    private static HashSet<string> Union(HashSet<string> a, HashSet<string> b) => [.. a, .. b];

    /// <summary>Figures whose both ends lie within 25 % of each other: the same figure, perhaps rounded or hedged.</summary>
    private static bool Close(NumericClaim a, NumericClaim b)
    {
        var (alo, ahi) = Stated(a);
        var (blo, bhi) = Stated(b);
        return Near(alo, blo) && Near(ahi, bhi);
    }

    private static bool Near(double x, double y) => Math.Abs(x - y) <= 0.25 * Math.Max(Math.Abs(x), Math.Abs(y));

    private static (double Low, double High) Stated(NumericClaim c) =>
        c.Value is { } v ? (v, v) : (c.Low ?? 0, c.High ?? c.Low ?? 0);

    /// <summary>What the hedge allows: "more than 82,000" is anything from 82,000 up.</summary>
    private static (double Low, double High) Allowed(NumericClaim c)
    {
        var (lo, hi) = Stated(c);
        return c.Qualifier switch
        {
            "more than" or "at least" => (lo, double.PositiveInfinity),
            "less than" or "as little as" or "as young as" => (0, hi),
            "up to" when c.Value is not null => (0, hi),
            "about" or "nearly" when c.Value is not null => (lo * 0.9, hi * 1.1),
            _ => (lo, hi),
        };
    }

    private static ClaimGroup Judge(List<GroupedClaim> claims, List<DocumentFindings> docs)
    {
        var verdict = "consistent";
        for (var i = 0; i < claims.Count && verdict != "contradictory"; i++)
        {
            for (var j = i + 1; j < claims.Count; j++)
            {
                var a = claims[i].Claim;
                var b = claims[j].Claim;
                if (Stated(a) == Stated(b))
                {
                    continue;
                }

                if (!Compatible(a, b))
                {
                    verdict = "contradictory";
                    break;
                }

                verdict = "rounded";
            }
        }

        var ordered = claims
            .Select((c, i) => (c, Findings: docs[i]))
            .OrderBy(x => x.c.Date is null ? 1 : 0)
            .ThenBy(x => x.c.Date, StringComparer.Ordinal)
            .ThenByDescending(x => x.Findings.Claims.Count + x.Findings.Quotes.Count)
            .ToList();
        var source = ordered[0].c;
        var repeatedBy = ordered.Skip(1)
            .Where(x => x.c.Document != source.Document && Compatible(x.c.Claim, source.Claim))
            .Select(x => x.c.Document)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var counts = claims.Select(c => c.Claim.Counts).Where(c => c is not null).GroupBy(c => c!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).Select(g => g.Key).FirstOrDefault() ?? claims[0].Claim.Text;
        return new ClaimGroup(counts, claims[0].Claim.Unit, claims, verdict, source.Document, repeatedBy);
    }

    /// <summary>Whether both claims can be true: their allowed intervals overlap by more than a point.</summary>
    private static bool Compatible(NumericClaim a, NumericClaim b)
    {
        var (alo, ahi) = Allowed(a);
        var (blo, bhi) = Allowed(b);
        var lo = Math.Max(alo, blo);
        var hi = Math.Min(ahi, bhi);
        if (hi > lo)
        {
            return true;
        }

        // Two points, or a point inside the other's interval, meet at a single value.
        return hi == lo && (alo == ahi || blo == bhi);
    }
}
