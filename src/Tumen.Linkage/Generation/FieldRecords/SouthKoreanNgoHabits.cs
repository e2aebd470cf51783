namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>
/// South Korean NGO lists: Revised Romanization or passport spellings (Lee/Yi/Rhee, Keum, Soon, Mee), family
/// name first or last, the given name joined, hyphenated or spaced; Hangul in the South's spelling (이, 연희);
/// traditional hanja now and then (<c>金蘭熙</c>); birth dates often missing or the year alone.
/// </summary>
internal sealed class SouthKoreanNgoHabits : SourceHabits
{
    public override SourceKind Kind => SourceKind.SouthKoreanNgo;

    public override string SourcePrefix => "kr-ngo";

    public override int Lists => 5;

    public override FieldRecord Write(KoreanWoman woman, string id, string source, Random random)
    {
        var surname = woman.Surname;
        var name = Chance(random, 0.85) ? Latin(woman, random) : "";
        var korean = Chance(random, 0.55) ? surname.South + (Chance(random, 0.1) ? " " : "") + woman.GivenSouth : "";
        var chinese = Chance(random, 0.15) ? surname.Traditional + Han(woman.Given, traditional: true) : "";
        if (name.Length == 0 && korean.Length == 0 && chinese.Length == 0)
        {
            korean = surname.South + woman.GivenSouth;
        }

        var b = woman.Birth;
        var birth = Choose(random, 0.2, 0.25, 0.1, 0.3) switch
        {
            0 => "",
            1 => Invariant($"{b.Year}"),
            2 => Invariant($"{b.Year}-{b.Month:00}"),
            3 => Chance(random, 0.05) ? Typo(Iso(b), random) : Iso(b),
            _ => Invariant($"{b.Year}.{b.Month:00}.{b.Day:00}"),
        };

        var place = woman.Origin;
        var hasProvince = place.Province.Length > 0;
        var origin = Choose(random, 0.3, 0.2, 0.15, 0.1, 0.15) switch
        {
            0 when hasProvince => place.ProvinceSouth + " " + place.KoreanSouth,
            1 => place.Short,
            2 => place.English,
            3 when hasProvince => place.ProvinceEnglish,
            4 when hasProvince => place.ProvinceShortSouth,
            5 => "",
            _ => place.KoreanSouth,
        };

        var sex = Choose(random, 0.5, 0.3, 0.1) switch { 0 => "F", 1 => "여", 2 => "female", _ => "" };
        return new FieldRecord(id, source, Kind, name, korean, chinese, sex, birth, origin, woman.PersonId);
    }

    private static string Latin(KoreanWoman woman, Random random)
    {
        var surname = woman.Surname;
        var family = Choose(random, 0.65, 0.2) switch
        {
            0 => Popular(surname.Popular, random),
            1 => surname.Revised,
            _ => Romaniser.DropApostrophes(Romaniser.DropBreves(surname.McCune)),
        };

        var popular = Chance(random, 0.6);
        var syllables = woman.GivenSouth
            .Select(c => popular ? Popular(Romaniser.PopularSyllable(c), random).ToLowerInvariant() : Romaniser.RevisedSyllables(c.ToString())[0])
            .ToArray();
        var given = Choose(random, 0.35, 0.35) switch
        {
            0 => Romaniser.Capitalise(string.Concat(syllables)),
            1 => Romaniser.Capitalise(string.Join('-', syllables)),
            _ => string.Join(' ', syllables.Select(Romaniser.Capitalise)),
        };

        family = Romaniser.Capitalise(family);
        var familyFirst = Chance(random, 0.6);
        var text = familyFirst ? family + " " + given : given + " " + family;
        return Choose(random, 0.7, 0.2) switch
        {
            0 => text,
            1 => text.ToUpperInvariant(),
            _ => familyFirst ? family.ToUpperInvariant() + " " + given : given + " " + family.ToUpperInvariant(),
        };
    }

    /// <summary>The commonest spelling half the time, else any of the others.</summary>
    private static string Popular(IReadOnlyList<string> spellings, Random random) =>
        spellings.Count == 1 || Chance(random, 0.5) ? spellings[0] : spellings[1 + random.Next(spellings.Count - 1)];
}
