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

/// <summary>
/// The identifying parts of a source: title, full text, the label an import gave it, and what
/// extraction found in it (JSON), since quotations and places can identify a survivor.
/// </summary>
public sealed record SourceSecrets(string? Title, string? Text, string? Label, string? FindingsJson = null);

/// <summary>The words of a numeric claim and what it counts, who asserts it and where it stands in the source.</summary>
public sealed record ClaimSecrets(string Text, string? Counts, string? AssertedBy, int Start, int End, string Rule);
