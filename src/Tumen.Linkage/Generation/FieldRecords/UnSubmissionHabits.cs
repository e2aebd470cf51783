namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>
/// Submissions to UN bodies: McCune–Reischauer with breves and apostrophes (<c>Kim Kŭm-sun</c>, <c>Ch'oe</c>) or
/// without (<c>Kum-sun</c>, <c>Choe</c>), joined (<c>Kŭmsun</c>), family name now and then last; places in English
/// (<c>Hoeryong City, North Hamgyong Province</c>); approximate birth years (<c>~1990</c>, <c>1989/1991</c>).
/// </summary>
internal sealed class UnSubmissionHabits : SourceHabits
{
    public override SourceKind Kind => SourceKind.UnSubmission;

    public override string SourcePrefix => "un";

    public override int Lists => 3;

    public override FieldRecord Write(KoreanWoman woman, string id, string source, Random random)
    {
        var syllables = Romaniser.McCuneSyllables(Chance(random, 0.6) ? woman.GivenSouth : woman.GivenNorth);
        var family = woman.Surname.McCune;
        var style = Choose(random, 0.4, 0.25, 0.15, 0.1);
        var given = style switch
        {
            2 => Romaniser.Capitalise(string.Concat(syllables)),
            3 => string.Join(' ', syllables.Select(Romaniser.Capitalise)),
            _ => Romaniser.Capitalise(string.Join('-', syllables)),
        };
        if (style == 3)
        {
            family = family.ToUpperInvariant();
        }

        var name = Chance(random, 0.2) ? given + " " + family : family + " " + given;
        name = style switch
        {
            1 => Romaniser.DropBreves(name),
            3 => Romaniser.DropBreves(name),
            4 => Romaniser.DropApostrophes(Romaniser.DropBreves(name)),
            _ => name,
        };

        var korean = Chance(random, 0.25) ? woman.Surname.South + woman.GivenSouth : "";
        var year = woman.Birth.Year;
        var birth = Choose(random, 0.25, 0.25, 0.15, 0.15) switch
        {
            0 => Iso(woman.Birth),
            1 => Invariant($"~{year + Pick(random, -1, 0, 0, 1)}"),
            2 => Range(year, random),
            3 => Invariant($"{year}"),
            _ => "",
        };

        var place = woman.Origin;
        var hasProvince = place.Province.Length > 0;
        var origin = Choose(random, 0.35, 0.2, 0.2, 0.15) switch
        {
            0 when hasProvince => $"{place.English} {place.Suffix}, {place.ProvinceEnglish} Province",
            1 when hasProvince => $"{place.McCune}, {place.ProvinceMcCune}",
            2 => place.English,
            3 when hasProvince => place.ProvinceEnglish + " Province",
            4 => "",
            _ => place.English,
        };

        var sex = Choose(random, 0.7, 0.2) switch { 0 => "female", 1 => "F", _ => "" };
        return new FieldRecord(id, source, Kind, name, korean, "", sex, birth, origin, woman.PersonId);
    }

    /// <summary>A range of two or three years that holds the true year (<c>1989/1991</c>).</summary>
    private static string Range(int year, Random random)
    {
        var width = Pick(random, 1, 2, 2);
        var low = year - random.Next(width + 1);
        return FormattableString.Invariant($"{low}/{low + width}");
    }
}
