namespace Tumen.Ingest.Extraction.Corpus;

/// <summary>
/// Reduces a counted phrase to language-independent concepts ("female refugees" and 여성 탈북민 both
/// give <c>women</c> and <c>refugee</c>) so claims about the same quantity meet across wording and script.
/// </summary>
internal static class Concepts
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["women"] = "women", ["woman"] = "women", ["female"] = "women", ["girl"] = "women", ["wive"] = "women", ["bride"] = "women", ["mother"] = "women",
        ["refugee"] = "refugee", ["defector"] = "refugee", ["migrant"] = "refugee", ["escapee"] = "refugee", ["fled"] = "refugee", ["flee"] = "refugee", ["fleeing"] = "refugee",
        ["korea"] = "northkorea", ["korean"] = "northkorea", ["dprk"] = "northkorea", ["pyongyang"] = "northkorea",
        ["china"] = "china", ["chinese"] = "china",
        ["trafficked"] = "trafficking", ["trafficking"] = "trafficking", ["trafficker"] = "trafficking", ["sold"] = "trafficking", ["trade"] = "trafficking",
        ["industry"] = "trafficking", ["slavery"] = "trafficking", ["slave"] = "trafficking", ["prostitution"] = "trafficking", ["flesh"] = "trafficking",
        ["sex"] = "trafficking", ["sexual"] = "trafficking", ["brothel"] = "trafficking",
        ["victim"] = "victim", ["case"] = "case", ["violation"] = "violation", ["abuse"] = "violation", ["child"] = "child", ["children"] = "child",
        ["people"] = "people", ["person"] = "people", ["profit"] = "money", ["revenue"] = "money", ["worth"] = "money", ["mint"] = "money", ["generating"] = "money", ["profiting"] = "money",
    };

    private static readonly (string Word, string Concept)[] CjkWords =
    [
        ("여성", "women"), ("여자", "women"), ("소녀", "women"), ("女性", "women"), ("妇女", "women"), ("女子", "women"), ("女孩", "women"),
        ("탈북", "refugee"), ("난민", "refugee"), ("难民", "refugee"), ("脱北", "refugee"), ("逃北", "refugee"), ("叛逃", "refugee"),
        ("북한", "northkorea"), ("朝鲜", "northkorea"), ("중국", "china"), ("中国", "china"),
        ("인신매매", "trafficking"), ("성매매", "trafficking"), ("팔려", "trafficking"), ("성산업", "trafficking"), ("성 산업", "trafficking"),
        ("贩卖", "trafficking"), ("拐卖", "trafficking"), ("色情", "trafficking"), ("卖淫", "trafficking"), ("性产业", "trafficking"),
        ("卖", "trafficking"), ("婚姻", "marriage"), ("결혼", "marriage"), ("피해자", "victim"), ("受害", "victim"), ("사례", "case"), ("건", "case"), ("案", "case"), ("인권침해", "violation"), ("侵犯", "violation"),
        ("아동", "child"), ("儿童", "child"), ("수익", "money"), ("利润", "money"), ("收益", "money"),
    ];

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "the", "of", "in", "to", "a", "an", "and", "into", "are", "is", "be", "at", "for", "by", "from", "with", "on", "these", "those", "their", "who",
        "end", "up", "as", "no", "hope", "escape", "forced", "estimated", "about", "north", "south", "that", "this", "it", "its", "her", "his", "they",
        "them", "now", "still", "up", "per", "year", "annual", "annually", "expected", "believed", "many", "more", "than",
    };

    private const string WordSeparators = " ,.-–()“”\"';:";

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SynonymLookup = Synonyms.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = Stop.GetAlternateLookup<ReadOnlySpan<char>>();

    public static HashSet<string> Of(string? phrase)
    {
        var concepts = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return concepts;
        }

        foreach (var (word, concept) in TextScan.ContainsCjk(phrase) ? CjkWords : [])
        {
            if (phrase.Contains(word, StringComparison.Ordinal))
            {
                concepts.Add(concept);
            }
        }

        // Word by word without allocating: lower-cased and stemmed in a buffer, looked up by span.
        var text = phrase.AsSpan();
        Span<char> buffer = stackalloc char[64];
        foreach (var range in text.SplitAny(WordSeparators))
        {
            var raw = text[range];
            if (raw.IsEmpty || !IsLatinWord(raw))
            {
                continue;
            }

            var lower = raw.Length <= buffer.Length ? buffer : new char[raw.Length];
            var w = Stem(lower[..raw.ToLowerInvariant(lower)]);
            if (w.Length < 3 || StopLookup.Contains(w))
            {
                continue;
            }

            concepts.Add(SynonymLookup.TryGetValue(w, out var concept) ? concept : w.ToString());
        }

        return concepts;
    }

    private static bool IsLatinWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!TextScan.IsLatinLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Plural and possessive endings off, in place: "refugees" → "refugee", "countries" → "country".</summary>
    private static Span<char> Stem(Span<char> w)
    {
        if (w.EndsWith("’s") || w.EndsWith("'s"))
        {
            w = w[..^2];
        }

        if (w.EndsWith("ies") && w.Length > 4)
        {
            w[^3] = 'y';
            return w[..^2];
        }

        if (w.EndsWith("s") && !w.EndsWith("ss") && w.Length > 3)
        {
            return w[..^1];
        }

        return w;
    }

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
