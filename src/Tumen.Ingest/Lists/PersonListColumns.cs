using Tumen.Core.Model;

namespace Tumen.Ingest.Lists;

/// <summary>
/// The column mapping of person and incident lists, shared by import and export so that an
/// exported file imports back to the same records.
/// </summary>
public static class PersonListColumns
{
    public const string Code = "code";
    public const string Id = "id";
    public const string Source = "source";
    public const string Name = "name";
    public const string NameKorean = "name_ko";
    public const string NameChinese = "name_zh";
    public const string Sex = "sex";
    public const string BirthDate = "birth_date";
    public const string Origin = "origin";
    public const string Violation = "violation";
    public const string Date = "date";
    public const string Place = "place";
    public const string Testimony = "testimony";

    /// <summary>Separates several names in one name cell.</summary>
    public const char NameSeparator = ';';

    /// <summary>Every known column, in export order.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [Code, Id, Source, Name, NameKorean, NameChinese, Sex, BirthDate, Origin, Violation, Date, Place, Testimony];

    /// <summary>The columns that can hold a name; a list must have at least one.</summary>
    public static IReadOnlyList<string> NameColumns { get; } = [Name, NameKorean, NameChinese];

    /// <summary>The name cells of a record: Hangul names in name_ko, Han in name_zh, the rest in name.</summary>
    public static (string Name, string Korean, string Chinese) NameCells(IReadOnlyList<PersonName> names)
    {
        string Join(Func<PersonName, bool> which) =>
            string.Join(NameSeparator + " ", names.Where(which).Select(n => n.Value));
        return (
            Join(n => n.Script is not NameScript.Hangul and not NameScript.Han),
            Join(n => n.Script == NameScript.Hangul),
            Join(n => n.Script == NameScript.Han));
    }

    /// <summary>The cells of one record, in the order of <paramref name="columns"/>.</summary>
    public static IEnumerable<string> Cells(PersonRecord record, IReadOnlyList<string> columns)
    {
        var (name, korean, chinese) = NameCells(record.Names);
        foreach (var column in columns)
        {
            yield return column switch
            {
                Code => record.Code ?? "",
                Id => record.ExternalId ?? "",
                Source => record.Source ?? "",
                Name => name,
                NameKorean => korean,
                NameChinese => chinese,
                Sex => record.Sex,
                BirthDate => record.BirthDate,
                Origin => record.Origin ?? "",
                Violation => record.Violation ?? "",
                Date => record.Date ?? "",
                Place => record.Place ?? "",
                Testimony => record.Testimony ?? "",
                _ => record.Attributes.GetValueOrDefault(column, ""),
            };
        }
    }
}
