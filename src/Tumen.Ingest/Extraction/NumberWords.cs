namespace Tumen.Ingest.Extraction;

/// <summary>Vocabulary for reading figures: number words, hedges, and the nouns that say what a figure counts.</summary>
internal static class NumberWords
{
    public static readonly Dictionary<string, double> Small = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90, ["a dozen"] = 12, ["dozen"] = 12,
    };

    public static readonly Dictionary<string, double> Magnitudes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["k"] = 1_000, ["million"] = 1_000_000, ["mln"] = 1_000_000, ["mn"] = 1_000_000,
        ["m"] = 1_000_000, ["billion"] = 1_000_000_000, ["bn"] = 1_000_000_000, ["b"] = 1_000_000_000,
    };

    /// <summary>English hedges, longest first, and the canonical qualifier each stands for.</summary>
    public static readonly (string Phrase, string Qualifier)[] Qualifiers =
    [
        ("reaching the tune of", "about"), ("no fewer than", "at least"), ("no less than", "at least"), ("a minimum of", "at least"),
        ("in excess of", "more than"), ("upwards of", "more than"), ("as many as", "up to"), ("as much as", "up to"),
        ("as young as", "as young as"), ("as little as", "as little as"), ("as low as", "as little as"), ("as few as", "as little as"),
        ("more than", "more than"), ("fewer than", "less than"), ("less than", "less than"), ("an estimated", "about"),
        ("approximately", "about"), ("estimated", "about"), ("at least", "at least"), ("close to", "nearly"), ("closer to", "nearly"),
        ("roughly", "about"), ("around", "about"), ("almost", "nearly"), ("nearly", "nearly"), ("about", "about"), ("over", "more than"),
        ("above", "more than"), ("under", "less than"), ("up to", "up to"), ("some", "about"), ("circa", "about"), ("approx.", "about"),
    ];

    /// <summary>Nouns whose figure counts people.</summary>
    public static readonly HashSet<string> PeopleNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "persons", "person", "women", "woman", "girls", "girl", "men", "man", "boys", "children", "child", "defectors", "defector",
        "refugees", "refugee", "migrants", "victims", "victim", "koreans", "orphans", "inmates", "survivors", "escapees", "brides",
        "wives", "individuals", "workers", "residents", "prisoners", "detainees", "families", "soldiers", "officials", "citizens",
        "students", "minors", "mothers", "babies", "infants", "deaths", "dead", "lives", "those", "others", "nationals", "returnees",
        "repatriates", "adults", "teenagers", "females", "males", "abductees", "brokers", "traffickers", "guards", "civilians",
    };

    /// <summary>Nouns whose figure counts recorded cases.</summary>
    public static readonly HashSet<string> CaseNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "cases", "case", "violations", "incidents", "records", "reports", "testimonies", "interviews", "entries", "complaints", "allegations",
    };

    /// <summary>Words that end a counted noun phrase: verbs, auxiliaries, relatives, conjunctions of clauses.</summary>
    public static readonly HashSet<string> PhraseStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "are", "is", "were", "was", "be", "been", "being", "have", "has", "had", "will", "would", "could", "can", "may", "might", "must",
        "should", "who", "whom", "which", "that", "whose", "including", "because", "while", "when", "after", "before", "since", "until",
        "as", "but", "so", "if", "than", "according", "live", "lives", "face", "faces", "fled", "flee", "fleeing", "end", "ends", "reached",
        "remain", "remains", "became", "become", "said", "say", "says", "told", "reported", "report", "reports", "estimated", "a", "per",
        "each", "every", "annually", "mints", "generates", "generating", "make", "makes", "made", "earn", "earns", "where", "whereas",
        "with", "previously", "already", "now", "today", "yet", "still", "also", "not", "get", "got", "go", "went", "do", "does", "did",
        "for", "by", "to", "across", "during", "through", "within", "without", "under", "over", "since",
    };

    /// <summary>Capitalised words that may stand before a figure without making it part of a name ("Tier 3", "Covid 19").</summary>
    public static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "Between", "About", "Some", "Over", "Around", "More", "Nearly", "Almost", "Up", "At", "As", "An", "Roughly", "Approximately",
        "Estimated", "Only", "Just", "Of", "In", "By", "To", "From", "Since", "And", "But", "The", "Another", "Fewer", "Less", "Under",
    };

    /// <summary>Verbs that introduce a statement of fact by a source.</summary>
    public static readonly string[] ReportVerbs =
    [
        "said", "says", "say", "reported", "reports", "report", "estimates", "estimated", "estimate", "found", "finds", "documented",
        "recorded", "records", "alleges", "alleged", "pointed out", "revealed", "reveals", "warns", "warned", "claims", "claimed", "stated",
        "states", "noted", "notes", "believes", "brings", "told", "calls", "indicated", "indicate", "shows", "showed", "counted",
    ];
}
