namespace Tumen.Core.Model;

/// <summary>
/// One person as lists carry them and as Tumen shows them: the unit of import, export, linking and
/// display. Every field except the id, the code, sex and vocabulary ids is identifying and is
/// stored only encrypted.
/// </summary>
public sealed record PersonRecord
{
    /// <summary>The workspace's id of the person (set by the store; null before it is stored).</summary>
    public Guid? Id { get; init; }

    /// <summary>The pseudonymous display code (set by the store; ignored on import).</summary>
    public string? Code { get; init; }

    /// <summary>The id the record had in its source list.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The list or document the record came from, as labelled by the user.</summary>
    public string? Source { get; init; }

    public IReadOnlyList<PersonName> Names { get; init; } = [];

    /// <summary>A <c>sex</c> vocabulary id.</summary>
    public string Sex { get; init; } = "unknown";

    /// <summary>The birth date as written (an uncertain date when it parses).</summary>
    public string BirthDate { get; init; } = "";

    /// <summary>Place of origin: a gazetteer name or free text.</summary>
    public string? Origin { get; init; }

    /// <summary>A <c>violation_type</c> vocabulary id, when the record reports one.</summary>
    public string? Violation { get; init; }

    /// <summary>When the violation happened, as written.</summary>
    public string? Date { get; init; }

    /// <summary>Where the violation happened: a gazetteer name or free text.</summary>
    public string? Place { get; init; }

    public string? Testimony { get; init; }

    /// <summary>Columns the list had beyond the known ones, kept as they were.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
