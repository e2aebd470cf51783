namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>
/// North Korean documents: Hangul in the North's spelling (리금순, 림, 련), sometimes with a slip; romanised as
/// KCNA does (<c>Ri Kum Sun</c>, <c>JANG RYON OK</c>); places as <c>함북 회령</c>, <c>회령시</c>; dates written
/// 1995.3.2 or 1995년 3월 2일.
/// </summary>
internal sealed class NorthKoreanDocumentHabits : SourceHabits
{
    public override SourceKind Kind => SourceKind.NorthKoreanDocument;

    public override string SourcePrefix => "kp-doc";

    public override int Lists => 2;

    public override FieldRecord Write(KoreanWoman woman, string id, string source, Random random)
    {
        var surname = woman.Surname;
        var korean = "";
        var name = "";
        var hasKorean = Chance(random, 0.85);
        if (hasKorean)
        {
            korean = surname.North + (Chance(random, 0.25) ? " " : "") + woman.GivenNorth;
            if (Chance(random, 0.1))
            {
                korean = Hangul.Slip(korean, random);
            }
        }

        if (!hasKorean || Chance(random, 0.5))
        {
            var given = Romaniser.NorthSyllables(woman.GivenNorth);
            name = Choose(random, 0.45, 0.35, 0.1) switch
            {
                0 => surname.NorthOfficial + " " + string.Join(' ', given.Select(Romaniser.Capitalise)),
                1 => (surname.NorthOfficial + " " + string.Join(' ', given)).ToUpperInvariant(),
                2 => surname.NorthOfficial + " " + Romaniser.Capitalise(string.Concat(given)),
                _ => surname.NorthOfficial + " " + Romaniser.Capitalise(string.Join('-', given)),
            };
        }

        var b = woman.Birth;
        var birth = Choose(random, 0.3, 0.25, 0.25, 0.1) switch
        {
            0 => Invariant($"{b.Year}.{b.Month}.{b.Day}"),
            1 => Invariant($"{b.Year}년 {b.Month}월 {b.Day}일"),
            2 => Iso(b),
            3 => Invariant($"{b.Year}년 {b.Month}월"),
            _ => "",
        };

        var place = woman.Origin;
        var hasProvince = place.Province.Length > 0;
        var origin = Choose(random, 0.3, 0.25, 0.2, 0.1, 0.1) switch
        {
            0 when hasProvince => place.ProvinceShort + " " + place.Short,
            1 => place.Korean,
            2 when hasProvince => place.Province + " " + place.Korean,
            3 when hasProvince => place.ProvinceShort + " " + place.Korean,
            4 => place.English,
            5 => "",
            _ => place.Korean,
        };

        var sex = Choose(random, 0.6, 0.2, 0.1) switch { 0 => "녀", 1 => "여", 2 => "F", _ => "" };
        return new FieldRecord(id, source, Kind, name, korean, "", sex, birth, origin, woman.PersonId);
    }
}
