namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>
/// Shelter and church lists in China: characters chosen by sound for the Korean name (<c>今顺</c> / <c>锦顺</c>),
/// simplified or traditional; Hangul in the Chaoxianzu (North-like) or the South's spelling; romanised names
/// with typos; sometimes the given name alone; birth years from a stated age, often nothing.
/// </summary>
internal sealed class ChinaShelterHabits : SourceHabits
{
    public override SourceKind Kind => SourceKind.ChinaShelter;

    public override string SourcePrefix => "cn-shelter";

    public override int Lists => 4;

    public override FieldRecord Write(KoreanWoman woman, string id, string source, Random random)
    {
        var givenOnly = Chance(random, 0.04);
        var surname = woman.Surname;
        var chinese = "";
        if (Chance(random, 0.75))
        {
            var given = Chance(random, 0.5) ? SoundChosen(woman, random) : woman.Given;
            var traditional = Chance(random, 0.35);
            var family = traditional ? surname.Traditional : surname.Simplified;
            chinese = (givenOnly ? "" : family) + Han(given, traditional);
        }

        var korean = "";
        if (Chance(random, 0.35))
        {
            var north = Chance(random, 0.5);
            korean = (givenOnly ? "" : north ? surname.North : surname.South) + (north ? woman.GivenNorth : woman.GivenSouth);
        }

        var name = "";
        if (Chance(random, 0.35) || (chinese.Length == 0 && korean.Length == 0))
        {
            name = Chance(random, 0.5)
                ? PinyinName(givenOnly ? "" : PinyinTyped(surname.Pinyin, random), woman.Given.Select(c => PinyinTyped(c.Pinyin, random)).ToArray(), random).Trim()
                : (givenOnly ? "" : Romaniser.Capitalise(surname.Revised) + " ") + Romaniser.Capitalise(string.Concat(Romaniser.RevisedSyllables(woman.GivenSouth)));
            if (Chance(random, 0.4))
            {
                name = Typo(name, random);
            }
        }

        var year = woman.Birth.Year;
        var birth = Choose(random, 0.3, 0.35, 0.1) switch
        {
            0 => "",
            1 => Invariant($"{(Chance(random, 0.3) ? year + Pick(random, -1, 1) : year)}"),
            2 => Invariant($"~{year}"),
            _ => Chance(random, 0.5) ? Iso(woman.Birth) : Invariant($"{year}.{woman.Birth.Month}.{woman.Birth.Day}"),
        };

        var place = woman.Origin;
        var origin = Choose(random, 0.35, 0.2, 0.15, 0.1) switch
        {
            0 => ChineseShort(place),
            1 => place.Short,
            2 => "朝鲜",
            3 when place.ProvinceChinese.Length > 0 => place.ProvinceChinese,
            _ => "",
        };

        var sex = Choose(random, 0.5, 0.2) switch { 0 => "女", 1 => "여", _ => "" };
        return new FieldRecord(id, source, Kind, name, korean, chinese, sex, birth, origin, woman.PersonId);
    }
}
