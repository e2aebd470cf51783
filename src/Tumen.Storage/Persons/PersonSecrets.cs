using Tumen.Core.Model;

namespace Tumen.Storage.Persons;

/// <summary>Everything about a person that could identify them; stored only as one ciphertext.</summary>
public sealed record PersonSecrets(
    IReadOnlyList<PersonName> Names,
    string BirthDate,
    string? OriginDetail,
    IReadOnlyList<string> Contacts,
    string? Narrative,
    string? ExternalId,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>The identifying parts of an act: the exact date, the exact location, the description.</summary>
public sealed record ActSecrets(string Date, string? ExactLocation, string? Description);

/// <summary>The identifying parts of a source: title, full text, and the label an import gave it.</summary>
public sealed record SourceSecrets(string? Title, string? Text, string? Label);
