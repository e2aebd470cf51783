using System.Text.Json;
using System.Text.Json.Serialization;
using Tumen.Core;
using Tumen.Core.Places;
using Tumen.Linkage.Comparisons;

namespace Tumen.Linkage.Engine;

/// <summary>Deduplicate every record against every other, or link across sources only.</summary>
public enum LinkType
{
    /// <summary>Find duplicates among all records (within and across sources).</summary>
    Dedupe,

    /// <summary>Only pairs whose records come from different sources.</summary>
    LinkOnly,
}

/// <summary>One comparison of the model: a column and the kind used to compare it.</summary>
public sealed record ComparisonSpec(string Column, string Kind);

/// <summary>
/// What to link and how; the JSON form is the <c>tumen link --settings</c> contract:
/// <c>{"id": "rec_id", "link_type": "dedupe", "comparisons": {"surname": "surname", ...},
/// "blocking": [["surname"], ["date_of_birth"]], "threshold": 0.9}</c>.
/// Blocking entries name a column, optionally with a part: <c>name:surname</c>, <c>name:given</c>, <c>dob:year</c>,
/// <c>dob:month_day</c>, <c>dob:year_month</c>, <c>origin:province</c>.
/// </summary>
public sealed record LinkSettings(
    string IdColumn,
    LinkType LinkType,
    IReadOnlyList<ComparisonSpec> Comparisons,
    IReadOnlyList<IReadOnlyList<string>> Blocking,
    double Threshold = LinkSettings.DefaultThreshold)
{
    /// <summary>
    /// The link threshold when settings name none. 0.4 rather than 0.5: the model under-predicts true matches
    /// (it treats a missing value as no evidence), and the cluster density guard removes the chains a lower
    /// threshold would let in; on generated data (100,000 records, five seeds) F1 rose by 0.001 to 0.002 over 0.5,
    /// and on fake_1000 from 0.927 to 0.929.
    /// </summary>
    public const double DefaultThreshold = 0.4;

    /// <summary>The comparison kinds the engine knows.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["korean_name", "given_name", "surname", "date", "year", "month", "day", "exact", "category", "place", "text"];

    /// <summary>Pairs at or above this probability (and below <see cref="Threshold"/>) are uncertain: for a review queue.</summary>
    public double ReviewThreshold { get; init; } = 0.2;

    /// <summary>Blocks larger than this are skipped (and counted) so one common key cannot explode the work.</summary>
    public int MaxBlockSize { get; init; } = 2_000;

    /// <summary>
    /// Clusters of more than three records whose internal pairs (linked, or scored at least 0.2) are sparser than
    /// this are split at their weakest links. 0.6 rather than 0.5: with the lower default threshold it keeps
    /// precision (generated data, 100,000 records, five seeds); 0.7 gained more there but cut the recall of
    /// fake_1000, whose people have many loosely agreeing records.
    /// </summary>
    public double MinClusterDensity { get; init; } = 0.6;

    /// <summary>Parses settings JSON and checks it against the input's columns.</summary>
    public static LinkSettings Parse(string json, IReadOnlyList<string> columns)
    {
        SettingsJson? raw;
        try
        {
            raw = JsonSerializer.Deserialize<SettingsJson>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new TumenException($"The settings file is not valid JSON (line {ex.LineNumber + 1}).", ex, ExitCode.BadInput);
        }

        if (raw is null)
        {
            throw new TumenException("The settings file is empty.", ExitCode.BadInput);
        }

        var id = raw.Id ?? InferIdColumn(columns) ?? throw new TumenException("The settings name no id column and none could be inferred.", ExitCode.BadInput);
        var linkType = raw.LinkType switch
        {
            null or "dedupe" or "dedupe_only" => LinkType.Dedupe,
            "link_only" => LinkType.LinkOnly,
            _ => throw new TumenException($"Unknown link_type '{raw.LinkType}' (use dedupe or link_only).", ExitCode.BadInput),
        };
        var comparisons = raw.Comparisons is { Count: > 0 }
            ? raw.Comparisons.Select(p => new ComparisonSpec(p.Key, p.Value)).ToList()
            : Infer(columns).Comparisons.ToList();
        var blocking = raw.Blocking is { Count: > 0 }
            ? raw.Blocking.Select(r => (IReadOnlyList<string>)r).ToList()
            : InferBlocking(comparisons).ToList();
        var settings = new LinkSettings(id, linkType, comparisons, blocking, raw.Threshold ?? DefaultThreshold)
        {
            ReviewThreshold = raw.ReviewThreshold ?? Math.Min(0.2, raw.Threshold ?? DefaultThreshold),
            MaxBlockSize = raw.MaxBlockSize ?? 2_000,
        };
        settings.Validate(columns);
        return settings;
    }

    /// <summary>Infers settings from column names (id, names, dates, places, categories, free text).</summary>
    public static LinkSettings Infer(IReadOnlyList<string> columns)
    {
        var id = InferIdColumn(columns) ?? throw new TumenException(
            $"No id column found among: {string.Join(", ", columns)}. Name one with --settings ({{\"id\": \"...\"}}) or add a column called id.",
            ExitCode.BadInput);
        var comparisons = new List<ComparisonSpec>();
        foreach (var column in columns)
        {
            if (string.Equals(column, id, StringComparison.Ordinal) || IsTruthOrSource(column) || IsAboutAnEvent(column, columns))
            {
                continue;
            }

            comparisons.Add(new ComparisonSpec(column, InferKind(column)));
        }

        if (comparisons.Count == 0)
        {
            throw new TumenException("The input has no columns to compare besides the id.", ExitCode.BadInput);
        }

        return new LinkSettings(id, LinkType.Dedupe, comparisons, InferBlocking(comparisons).ToList());
    }

    /// <summary>Checks that every named column exists and every kind is known; throws a <see cref="TumenException"/> that says which.</summary>
    public void Validate(IReadOnlyList<string> columns)
    {
        if (!columns.Contains(IdColumn, StringComparer.Ordinal))
        {
            throw new TumenException($"The settings name the id column '{IdColumn}', which the input does not have.", ExitCode.BadInput);
        }

        foreach (var c in Comparisons)
        {
            if (!columns.Contains(c.Column, StringComparer.Ordinal))
            {
                throw new TumenException($"The settings compare column '{c.Column}', which the input does not have.", ExitCode.BadInput);
            }

            if (!Kinds.Contains(c.Kind, StringComparer.Ordinal))
            {
                throw new TumenException($"Unknown comparison kind '{c.Kind}' for column '{c.Column}' (known: {string.Join(", ", Kinds)}).", ExitCode.BadInput);
            }
        }

        foreach (var entry in Blocking.SelectMany(r => r))
        {
            var column = entry.Split(':')[0];
            if (!columns.Contains(column, StringComparer.Ordinal))
            {
                throw new TumenException($"The blocking rules name column '{column}', which the input does not have.", ExitCode.BadInput);
            }
        }

        if (Blocking.Count == 0 || Blocking.Any(r => r.Count == 0))
        {
            throw new TumenException("Every blocking rule must name at least one column.", ExitCode.BadInput);
        }

        if (Threshold is <= 0 or > 1)
        {
            throw new TumenException("The threshold must be a probability in (0, 1].", ExitCode.BadInput);
        }
    }

    /// <summary>Builds the comparison objects of this model.</summary>
    public IReadOnlyList<Comparison> CreateComparisons(Gazetteer? gazetteer = null) =>
        Comparisons.Select(c => Create(c, gazetteer ?? Gazetteer.Default)).ToList();

    private static Comparison Create(ComparisonSpec spec, Gazetteer gazetteer) => spec.Kind switch
    {
        "korean_name" => new KoreanNameComparison(spec.Column),
        "given_name" => new GivenNameComparison(spec.Column),
        "surname" => new SurnameComparison(spec.Column),
        "date" => new DateComparison(spec.Column),
        "year" => new YearComparison(spec.Column),
        "exact" => new ExactComparison(spec.Column),
        "category" => new ExactComparison(spec.Column, "category"),
        "month" => new ExactComparison(spec.Column, "month"),
        "day" => new ExactComparison(spec.Column, "day"),
        "place" => new PlaceComparison(spec.Column, gazetteer),
        "text" => new TextComparison(spec.Column),
        _ => throw new TumenException($"Unknown comparison kind '{spec.Kind}' for column '{spec.Column}'.", ExitCode.BadInput),
    };

    private static string? InferIdColumn(IReadOnlyList<string> columns)
    {
        string[] preferred = ["id", "rec_id", "record_id", "unique_id", "uid", "person_id"];
        return preferred.FirstOrDefault(p => columns.Contains(p, StringComparer.OrdinalIgnoreCase)) is { } hit
            ? columns.First(c => string.Equals(c, hit, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    // Tumen's person lists (and exports) carry a violation beside the person: its type, date, place and testimony.
    // They describe an event, not the woman — two records of her may report different events — and the workspace
    // link compares only the person's fields, so the stateless link leaves them out too: one engine, one answer.
    // A bare "date" or "place" is the event's when the file also has a birth date or an origin.
    private static bool IsAboutAnEvent(string column, IReadOnlyList<string> columns)
    {
        var c = column.ToLowerInvariant();
        bool Has(params string[] names) => columns.Any(x => names.Contains(x.ToLowerInvariant(), StringComparer.Ordinal));
        return c is "violation" or "testimony" or "code"
            || (c == "date" && Has("birth_date", "dob", "date_of_birth"))
            || (c == "place" && Has("origin", "birthplace", "birth_place", "place_of_birth", "hometown"));
    }

    private static bool IsTruthOrSource(string column)
    {
        var c = column.ToLowerInvariant();
        return c is "cluster" or "cluster_id" or "truth" or "true_id" or "true_person" or "source" or "source_dataset" || c.StartsWith("true_", StringComparison.Ordinal);
    }

    private static string InferKind(string column)
    {
        var c = column.ToLowerInvariant().Replace("-", "_", StringComparison.Ordinal).Replace(" ", "_", StringComparison.Ordinal);
        if (c is "given_name" or "first_name" or "forename" or "firstname" or "givenname")
        {
            return "given_name";
        }

        if (c is "surname" or "last_name" or "family_name" or "lastname" or "familyname")
        {
            return "surname";
        }

        if (c is "name" or "full_name" or "fullname" or "korean_name" or "person_name" or "name_ko" or "name_zh" or "alias")
        {
            return "korean_name";
        }

        if (c.Contains("birth_year", StringComparison.Ordinal) || c is "year" or "yob" or "by" or "byear")
        {
            return "year";
        }

        if (c.Contains("date", StringComparison.Ordinal) || c is "dob" or "birthday" or "born")
        {
            return "date";
        }

        if (c is "sex" or "gender" or "state" or "nationality" or "status" or "ethnicity" or "country")
        {
            return "category";
        }

        if (c is "place" or "origin" or "birthplace" or "birth_place" or "place_of_birth" or "hometown" or "county" or "province" or "city" or "residence" or "last_residence")
        {
            return "place";
        }

        if (c is "postcode" or "zip" or "zipcode" or "postal_code" or "street_number")
        {
            return "exact";
        }

        return KindFromNameParts(c);
    }

    // Names that say their kind in part (fname_c1, lname_c2, vorname, birth_month, bm, bd).
    private static string KindFromNameParts(string c)
    {
        bool Has(params string[] parts) => parts.Any(p => c.Contains(p, StringComparison.Ordinal));
        if (c is "bm" or "mob" or "month" || Has("birth_month", "month_of_birth"))
        {
            return "month";
        }

        if (c is "bd" or "day" || Has("birth_day", "day_of_birth"))
        {
            return "day";
        }

        if (Has("fname", "first", "given", "vorname", "forename", "prenom", "christian"))
        {
            return "given_name";
        }

        if (Has("lname", "surname", "family", "nachname", "last_name", "lastname"))
        {
            return "surname";
        }

        if (Has("sex", "gender"))
        {
            return "category";
        }

        return "text";
    }

    /// <summary>
    /// Blocking rules for these comparisons: selective ones only. A name is paired with a birth year or date or a
    /// place; a given or family name may stand alone; a birth date stands alone only as year, month and day
    /// together. A month, a day, a sex or another category never blocks alone: each puts a twelfth, a thirty-first
    /// or a half of all records in one block.
    /// </summary>
    internal static IEnumerable<IReadOnlyList<string>> InferBlocking(IReadOnlyList<ComparisonSpec> comparisons)
    {
        var names = comparisons.Where(c => c.Kind == "korean_name").Select(c => c.Column).ToList();
        var dates = comparisons.Where(c => c.Kind is "date").Select(c => c.Column).ToList();
        var years = comparisons.Where(c => c.Kind is "year").Select(c => c.Column).ToList();
        var given = comparisons.Where(c => c.Kind == "given_name").Select(c => c.Column).ToList();
        var surnames = comparisons.Where(c => c.Kind == "surname").Select(c => c.Column).ToList();
        var rules = new List<IReadOnlyList<string>>();
        // Korean names collide a lot (Kim, Lee, Park; a few hundred given-name syllables), so a name alone
        // makes blocks that grow with the square of the input: pair it with a year or a place instead.
        var places = comparisons.Where(c => c.Kind == "place").Select(c => c.Column).ToList();
        foreach (var n in names)
        {
            foreach (var d in dates)
            {
                rules.Add([n, d + ":year"]);
                rules.Add([n + ":surname", d]);
                rules.Add([n + ":given", d]);
                rules.Add([n, d + ":month_day"]);
            }

            foreach (var y in years)
            {
                rules.Add([n, y]);
            }

            // A record without a birth date is found by its name and its place; by the place's province, so that a
            // town written once and its province written elsewhere still meet (the scores keep namesakes apart).
            foreach (var p in places)
            {
                rules.Add([n, p + ":province"]);
            }

            // A given name read through pinyin (which has many Korean readings) or mistyped may share no key
            // with its other spellings, and a date a day off shares no date key: the family name, the year
            // and month of birth and the place still find the pair, in small blocks.
            foreach (var d in dates)
            {
                foreach (var p in places)
                {
                    rules.Add([n + ":surname", d + ":year_month", p]);
                }
            }

            if (dates.Count == 0 && years.Count == 0 && places.Count == 0)
            {
                rules.Add([n]);
            }
        }

        foreach (var g in given)
        {
            rules.Add([g]);
        }

        foreach (var s in surnames)
        {
            rules.Add([s]);
        }

        if (names.Count == 0)
        {
            foreach (var d in dates)
            {
                rules.Add([d]);
            }

            // A birth date written in three columns (year, month, day): all three together, like one date column.
            var months = comparisons.Where(c => c.Kind == "month").Select(c => c.Column).ToList();
            var days = comparisons.Where(c => c.Kind == "day").Select(c => c.Column).ToList();
            if (years.Count > 0 && months.Count > 0 && days.Count > 0)
            {
                rules.Add([years[0], months[0], days[0]]);
            }
        }

        foreach (var other in comparisons.Where(c => c.Kind is "exact" or "text" && rules.Count < 8 && !c.Column.Contains("address", StringComparison.OrdinalIgnoreCase)))
        {
            rules.Add([other.Column]);
        }

        if (rules.Count == 0)
        {
            // Nothing selective: the most telling column there is, never a month, a day or a category alone.
            string[] order = ["date", "year", "place", "exact", "text", "korean_name", "given_name", "surname"];
            var best = order.SelectMany(k => comparisons.Where(c => c.Kind == k)).FirstOrDefault() ?? comparisons[0];
            rules.Add([best.Column]);
        }

        return rules;
    }

    /// <summary>
    /// These settings as a settings file (<c>tumen link --print-settings</c>): what was inferred, for a person to
    /// read, save, edit and pass back with <c>--settings</c>.
    /// </summary>
    public string ToJson()
    {
        var json = new SettingsJson
        {
            Id = IdColumn,
            LinkType = LinkType == LinkType.LinkOnly ? "link_only" : "dedupe",
            Comparisons = Comparisons.ToDictionary(c => c.Column, c => c.Kind, StringComparer.Ordinal),
            Blocking = [.. Blocking.Select(r => r.ToList())],
            Threshold = Threshold,
            ReviewThreshold = ReviewThreshold,
            MaxBlockSize = MaxBlockSize,
        };
        return JsonSerializer.Serialize(json, PrintOptions);
    }

    private static readonly JsonSerializerOptions PrintOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private sealed class SettingsJson
    {
        public string? Id { get; set; }

        public string? LinkType { get; set; }

        public Dictionary<string, string>? Comparisons { get; set; }

        public List<List<string>>? Blocking { get; set; }

        public double? Threshold { get; set; }

        public double? ReviewThreshold { get; set; }

        public int? MaxBlockSize { get; set; }
    }
}
