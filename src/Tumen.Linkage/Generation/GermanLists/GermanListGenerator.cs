using System.Globalization;
using System.Text;

namespace Tumen.Linkage.Generation.GermanLists;

/// <summary>
/// One record of a German-style list in the shape of R's RecordLinkage RLdata500/RLdata10000: first and last
/// names in two parts (the second absent, written <c>NA</c>, for most people), birth year, month and day
/// apart; <see cref="EntityId"/> is the truth.
/// </summary>
public sealed record GermanRecord(
    string FirstName1, string? FirstName2, string LastName1, string? LastName2,
    int BirthYear, int BirthMonth, int BirthDay, int RecordId, int EntityId);

/// <summary>
/// Generates German-style lists with a known share of duplicates, each with a typo in a name or a changed
/// birth-date part, as RLdata500 has them. Names are drawn by their real frequency from the generator's own
/// tables (german_*.csv), so that many different people share a name and precision has to come from the
/// birth date: the scale of namesakes that a deduplication must survive. Fast: 100,000 records in well under
/// a second. Deterministic by seed.
/// </summary>
public sealed class GermanListGenerator(int seed)
{
    /// <summary>The CSV columns, as in RLdata500; <c>ent_id</c> is the truth and must be removed before linking.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["fname_c1", "fname_c2", "lname_c1", "lname_c2", "by", "bm", "bd", "rec_id", TruthColumn];

    /// <summary>The truth column: the person a record belongs to.</summary>
    public const string TruthColumn = "ent_id";

    /// <summary>How a missing part is written, as in RLdata.</summary>
    public const string Missing = "NA";

    private static readonly Lazy<(WeightedChoice<string> First, WeightedChoice<string> Last)> _names = new(() => (
        new WeightedChoice<string>(GeneratedCsv.DataRows("german_first_names.csv").Select(r => (Upper(r[0]), double.Parse(r[1], CultureInfo.InvariantCulture)))),
        new WeightedChoice<string>(GeneratedCsv.DataRows("german_last_names.csv").Select(r => (Upper(r[0]), double.Parse(r[1], CultureInfo.InvariantCulture))))));

    /// <summary>
    /// <paramref name="count"/> records, of which <paramref name="duplicates"/> (default 10 %) are a second record
    /// of a distinct other person with one error (one in ten with two); records in random order.
    /// </summary>
    public IReadOnlyList<GermanRecord> Generate(int count, double duplicates = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (duplicates is < 0 or >= 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(duplicates), "The share of duplicates must be at least 0 and below 0.5.");
        }

        var random = new Random(seed);
        var (first, last) = _names.Value;
        var copies = (int)Math.Round(count * duplicates);
        var people = count - copies;
        var records = new List<GermanRecord>(count);
        for (var p = 1; p <= people; p++)
        {
            var (f1, f2) = Split(first.Next(random));
            if (f2 is null && random.NextDouble() < 0.05)
            {
                f2 = first.Next(random).Split('-')[0];
            }

            var l2 = random.NextDouble() < 0.016 ? last.Next(random) : null;
            var year = 1925 + random.Next(84);
            var month = 1 + random.Next(12);
            var day = 1 + random.Next(DateTime.DaysInMonth(year, month));
            records.Add(new GermanRecord(f1, f2 == f1 ? null : f2, last.Next(random), l2, year, month, day, 0, p));
        }

        // Each duplicate copies a different person (Floyd's sample of distinct indexes).
        var chosen = new HashSet<int>();
        for (var j = people - copies; j < people; j++)
        {
            var t = random.Next(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        foreach (var original in chosen.Order())
        {
            var copy = Corrupt(records[original], random);
            if (random.NextDouble() < 0.1)
            {
                copy = Corrupt(copy, random);
            }

            records.Add(copy);
        }

        for (var i = records.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (records[i], records[j]) = (records[j], records[i]);
        }

        return records.Select((r, i) => r with { RecordId = i + 1 }).ToArray();
    }

    /// <summary>Writes the records as CSV in RLdata500's columns; <paramref name="withTruth"/> false leaves out <c>ent_id</c>.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<GermanRecord> records, bool withTruth = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        GeneratedCsv.WriteRow(writer, withTruth ? Columns : Columns.SkipLast(1));
        foreach (var r in records)
        {
            string[] cells =
            [
                r.FirstName1, r.FirstName2 ?? Missing, r.LastName1, r.LastName2 ?? Missing,
                Number(r.BirthYear), Number(r.BirthMonth), Number(r.BirthDay), Number(r.RecordId), Number(r.EntityId),
            ];
            GeneratedCsv.WriteRow(writer, withTruth ? cells : cells.SkipLast(1));
        }
    }

    private static GermanRecord Corrupt(GermanRecord record, Random random)
    {
        var field = random.NextDouble();
        return field switch
        {
            < 0.3 => record with { FirstName1 = Typo(record.FirstName1, random) },
            < 0.6 => record with { LastName1 = Typo(record.LastName1, random) },
            < 0.73 => record with { BirthDay = Shift(record.BirthDay, 1, 28, random) },
            < 0.86 => record with { BirthMonth = Shift(record.BirthMonth, 1, 12, random) },
            < 0.96 => record with { BirthYear = Year(record.BirthYear, random) },
            _ when record.FirstName2 is not null => record with { FirstName2 = Typo(record.FirstName2, random) },
            _ => record with { LastName1 = Typo(record.LastName1, random) },
        };
    }

    /// <summary>A letter inserted, replaced, dropped or two swapped (HOFFMSNN, BAUERH, MYER).</summary>
    private static string Typo(string name, Random random)
    {
        var builder = new StringBuilder(name);
        var at = random.Next(name.Length);
        var letter = (char)('A' + random.Next(26));
        switch (random.Next(4))
        {
            case 0:
                builder.Insert(random.Next(name.Length + 1), letter);
                break;
            case 1:
                builder[at] = letter == name[at] ? (char)('A' + ((letter - 'A' + 1) % 26)) : letter;
                break;
            case 2 when name.Length > 3:
                builder.Remove(at, 1);
                break;
            default:
                var other = at + 1 < name.Length ? at + 1 : at - 1;
                if (name[other] == name[at])
                {
                    builder.Insert(at, letter);
                }
                else
                {
                    (builder[at], builder[other]) = (builder[other], builder[at]);
                }

                break;
        }

        return builder.ToString();
    }

    /// <summary>A day or month one off (a slip) or another value altogether (a misread), within its range.</summary>
    private static int Shift(int value, int low, int high, Random random)
    {
        int changed;
        do
        {
            changed = random.NextDouble() < 0.5 ? value + (random.Next(2) * 2) - 1 : low + random.Next(high - low + 1);
        }
        while (changed == value || changed < low || changed > high);
        return changed;
    }

    /// <summary>A year with one of its last two digits changed (1957 → 1987), or one year off.</summary>
    private static int Year(int year, Random random)
    {
        int changed;
        do
        {
            changed = random.Next(3) switch
            {
                0 => year + (random.Next(2) * 2) - 1,
                1 => (year / 10 * 10) + random.Next(10),
                _ => (year / 100 * 100) + (random.Next(10) * 10) + (year % 10),
            };
        }
        while (changed == year);
        return changed;
    }

    private static (string First, string? Second) Split(string name)
    {
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (name, null) : (name[..dash], name[(dash + 1)..]);
    }

    private static string Upper(string name) =>
        name.ToUpperInvariant().Replace("Ä", "AE", StringComparison.Ordinal).Replace("Ö", "OE", StringComparison.Ordinal)
            .Replace("Ü", "UE", StringComparison.Ordinal).Replace("ß", "SS", StringComparison.Ordinal);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
