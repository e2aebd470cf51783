using System.Globalization;

namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>
/// Synthetic records of North Korean women as five kinds of sources write them (Chinese police, North Korean
/// documents, South Korean NGO lists, UN submissions, shelter lists in China), with the truth by construction.
/// Written from a description of how real sources write records, independently of the linkage engine and of
/// <see cref="PersonGenerator"/>, so that linkage is tested on habits it was not built from.
/// The same seed gives the same records. See docs/generators.md.
/// </summary>
public sealed class FieldRecordGenerator(int seed)
{
    /// <summary>The CSV columns written; <c>person_id</c> is the truth and must be removed before linking.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "source", "name", "name_ko", "name_zh", "sex", "birth_date", "origin", TruthColumn];

    /// <summary>The truth column: the woman a record belongs to.</summary>
    public const string TruthColumn = "person_id";

    // How many sources hold a woman: 1 to 5 (about 1.43 records per woman, as in lists of this kind).
    private static readonly WeightedChoice<int> _recordsPerWoman = new([(1, 0.74), (2, 0.15), (3, 0.07), (4, 0.025), (5, 0.015)]);

    private static readonly SourceHabits[] _habits =
        [new ChinesePoliceHabits(), new NorthKoreanDocumentHabits(), new SouthKoreanNgoHabits(), new UnSubmissionHabits(), new ChinaShelterHabits()];

    // Share of records per kind of source.
    private static readonly WeightedChoice<SourceHabits> _kinds = new([(_habits[0], 0.25), (_habits[1], 0.12), (_habits[2], 0.3), (_habits[3], 0.13), (_habits[4], 0.2)]);

    /// <summary>Share of women who carry one of the common given names (금순, 영희, ...): where namesakes come from.</summary>
    public const double CommonGivenNameShare = 0.3;

    /// <summary>Generates <paramref name="count"/> records in random order, ids <c>R000001</c>..., each woman in 1–5 different lists.</summary>
    public IReadOnlyList<FieldRecord> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        var data = FieldData.Instance;
        var drafts = new List<(KoreanWoman Woman, SourceHabits Habits, string Source)>(count + 5);
        var women = 0;
        while (drafts.Count < count)
        {
            var woman = Woman(++women, data, random);
            var lists = new HashSet<string>(StringComparer.Ordinal);
            var n = _recordsPerWoman.Next(random);
            while (lists.Count < n)
            {
                var habits = _kinds.Next(random);
                var source = habits.SourcePrefix + "-" + (1 + random.Next(habits.Lists)).ToString(CultureInfo.InvariantCulture);
                if (lists.Add(source))
                {
                    drafts.Add((woman, habits, source));
                }
            }
        }

        drafts.RemoveRange(count, drafts.Count - count);
        for (var i = drafts.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (drafts[i], drafts[j]) = (drafts[j], drafts[i]);
        }

        var records = new FieldRecord[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            var (woman, habits, source) = drafts[i];
            records[i] = habits.Write(woman, "R" + (i + 1).ToString("000000", CultureInfo.InvariantCulture), source, random);
        }

        return records;
    }

    /// <summary>Writes the records as UTF-8 CSV in <see cref="Columns"/> order; <paramref name="withTruth"/> false leaves out <c>person_id</c>.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<FieldRecord> records, bool withTruth = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        GeneratedCsv.WriteRow(writer, withTruth ? Columns : Columns.SkipLast(1));
        foreach (var r in records)
        {
            string[] cells = [r.Id, r.Source, r.Name, r.NameKorean, r.NameChinese, r.Sex, r.BirthDate, r.Origin, r.PersonId];
            GeneratedCsv.WriteRow(writer, withTruth ? cells : cells.SkipLast(1));
        }
    }

    private static KoreanWoman Woman(int number, FieldData data, Random random)
    {
        var surname = data.Surnames.Next(random);
        NameCharacter[] given;
        if (random.NextDouble() < CommonGivenNameShare)
        {
            given = data.CommonGivenNames.Next(random).Select(reading => data.ByReading[reading].Next(random)).ToArray();
        }
        else
        {
            var first = data.FirstCharacters.Next(random);
            NameCharacter second;
            do
            {
                second = data.SecondCharacters.Next(random);
            }
            while (second.Reading == first.Reading);
            given = [first, second];
        }

        var year = Math.Clamp((int)Math.Round(1985 + (Normal(random) * 9)), 1955, 2006);
        var month = 1 + random.Next(12);
        var day = 1 + random.Next(DateTime.DaysInMonth(year, month));
        var id = "P" + number.ToString("000000", CultureInfo.InvariantCulture);
        return new KoreanWoman(id, surname, given, new DateOnly(year, month, day), data.Places.Next(random));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
