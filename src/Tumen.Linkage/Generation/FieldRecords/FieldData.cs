using System.Globalization;

namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>A family name as one clan's character, in every form the sources write it.</summary>
internal sealed record Surname(
    string South, string North, string Traditional, string Simplified, string Pinyin,
    string Revised, string McCune, string NorthOfficial, IReadOnlyList<string> Popular);

/// <summary>A Han character of a given name with its Korean reading (original form, 련 not 연) and pinyin.</summary>
internal sealed record NameCharacter(char Reading, string Traditional, string Simplified, string Pinyin);

/// <summary>A North Korean city or county with its province, in Korean (North and South forms), Chinese and English.</summary>
internal sealed record Place(
    string Korean, string KoreanSouth, string Short, string Chinese, string English, string McCune, string Suffix,
    string Province, string ProvinceSouth, string ProvinceShort, string ProvinceShortSouth, string ProvinceChinese,
    string ProvinceEnglish, string ProvinceMcCune);

/// <summary>
/// The generator's own tables (field_*.csv next to this file): family names by share, given-name characters
/// by position, common given names, and places of origin. Loaded once; read-only.
/// </summary>
internal sealed class FieldData
{
    private FieldData()
    {
        var surnames = GeneratedCsv.DataRows("field_surnames.csv").Select(r =>
            (new Surname(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8].Split('|')), Weight(r[9]))).ToArray();
        Surnames = new WeightedChoice<Surname>(surnames);

        var characters = GeneratedCsv.DataRows("field_hanja.csv")
            .Select(r => (Character: new NameCharacter(r[0][0], r[1], r[2], r[3]), First: Weight(r[4]), Second: Weight(r[5])))
            .ToArray();
        FirstCharacters = new WeightedChoice<NameCharacter>(characters.Select(c => (c.Character, c.First)));
        SecondCharacters = new WeightedChoice<NameCharacter>(characters.Select(c => (c.Character, c.Second)));
        ByReading = characters
            .GroupBy(c => c.Character.Reading)
            .ToDictionary(g => g.Key, g => new WeightedChoice<NameCharacter>(g.Select(c => (c.Character, c.First + c.Second))));

        CommonGivenNames = new WeightedChoice<string>(GeneratedCsv.DataRows("field_given_names.csv").Select(r => (r[0], Weight(r[1]))));

        Places = new WeightedChoice<Place>(GeneratedCsv.DataRows("field_places.csv").Select(r =>
            (new Place(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13]), Weight(r[14]))));
    }

    public static FieldData Instance { get; } = new();

    public WeightedChoice<Surname> Surnames { get; }

    public WeightedChoice<NameCharacter> FirstCharacters { get; }

    public WeightedChoice<NameCharacter> SecondCharacters { get; }

    /// <summary>The characters of each Korean reading, weighted: what a writer choosing characters by sound picks from.</summary>
    public IReadOnlyDictionary<char, WeightedChoice<NameCharacter>> ByReading { get; }

    public WeightedChoice<string> CommonGivenNames { get; }

    public WeightedChoice<Place> Places { get; }

    private static double Weight(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
