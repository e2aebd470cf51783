using Tumen.Core.Model;

namespace Tumen.Application.Persons;

/// <summary>Which persons to list: all, or those whose names hold every token of <see cref="Name"/>; a page of them.</summary>
/// <param name="Name">Searched through the blind index: Latin words, Hangul or Han character pairs, in any romanisation the index knows.</param>
public sealed record PersonQuery(string? Name = null, int Skip = 0, int Take = int.MaxValue);

/// <summary>A person as anyone allowed to see the list sees her: a pseudonymous code, never a name.</summary>
/// <param name="Cluster">The code of the first person of her cluster (her own when alone) as the last link run found; null before any run.</param>
/// <param name="Origin">The gazetteer's name for her place of origin (county or coarser), when known.</param>
public sealed record PersonListItem(string Code, string? Cluster, string Sex, string? Origin);

/// <summary>A page of persons and how many match in all.</summary>
public sealed record PersonPage(IReadOnlyList<PersonListItem> Persons, int Total);

/// <summary>A person with her identifying fields decrypted; producing one is an audited read.</summary>
public sealed record RevealedPerson(
    string Code,
    string? Cluster,
    IReadOnlyList<string> Names,
    string Sex,
    string BirthDate,
    string? Origin,
    string? Violation,
    string? Date,
    string? Place,
    string? Testimony,
    string? Source,
    string? Id)
{
    internal static RevealedPerson From(PersonRecord record, string? cluster) => new(
        record.Code ?? "",
        cluster,
        [.. record.Names.Select(n => n.Value)],
        record.Sex,
        record.BirthDate,
        record.Origin,
        record.Violation,
        record.Date,
        record.Place,
        record.Testimony,
        record.Source,
        record.ExternalId);
}

/// <summary>A new person typed in by hand (the command line's <c>person add</c>, the web app's form).</summary>
public sealed record NewPerson(
    IReadOnlyList<string> Names,
    string? Sex = null,
    string? BirthDate = null,
    string? Origin = null,
    string? Violation = null,
    string? Date = null,
    string? Place = null,
    string? Testimony = null,
    string? Source = null);
