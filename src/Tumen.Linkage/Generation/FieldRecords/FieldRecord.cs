namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>The kinds of sources whose writing habits the field-records generator imitates.</summary>
public enum SourceKind
{
    /// <summary>Chinese police and court records: Han characters and pinyin, often in one field; simplified characters.</summary>
    ChinesePolice,

    /// <summary>North Korean documents: Hangul in the North's spelling (리, 련), KCNA-style romanisation.</summary>
    NorthKoreanDocument,

    /// <summary>South Korean NGO lists: Revised Romanization and passport spellings, traditional hanja, missing dates.</summary>
    SouthKoreanNgo,

    /// <summary>Submissions to UN bodies: McCune–Reischauer with and without diacritics, English places, approximate dates.</summary>
    UnSubmission,

    /// <summary>Shelter and church lists in China: characters chosen by sound, mixed forms, typos, sparse fields.</summary>
    ChinaShelter,
}

/// <summary>
/// One record as a source wrote it, in the columns of Tumen's list import (<c>id, source, name, name_ko,
/// name_zh, sex, birth_date, origin</c>), with <see cref="PersonId"/> as the truth, which linkage must not read.
/// </summary>
public sealed record FieldRecord(
    string Id,
    string Source,
    SourceKind Kind,
    string Name,
    string NameKorean,
    string NameChinese,
    string Sex,
    string BirthDate,
    string Origin,
    string PersonId);

/// <summary>The truth about one woman, from which each source's record is written.</summary>
internal sealed record KoreanWoman(string PersonId, Surname Surname, IReadOnlyList<NameCharacter> Given, DateOnly Birth, Place Origin)
{
    /// <summary>The given name in original readings, as the North writes it (련희).</summary>
    public string GivenNorth { get; } = new(Given.Select(c => c.Reading).ToArray());

    /// <summary>The given name as the South writes it (연희).</summary>
    public string GivenSouth => Hangul.SouthGivenName(GivenNorth);
}
