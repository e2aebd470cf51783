using Tumen.Core.Dates;

namespace Tumen.Core.Model;

/// <summary>Which writing system a name is in; linkage and search treat each differently.</summary>
public enum NameScript
{
    Latin,
    Hangul,
    Han,
    Mixed,
}

/// <summary>One of a person's names, as a source wrote it.</summary>
/// <param name="Kind">A <c>name_kind</c> vocabulary id: registered, alias, romanisation, nickname, chinese_identity.</param>
public sealed record PersonName(string Value, NameScript Script, string Kind)
{
    /// <summary>Builds a name and works out its script from the characters.</summary>
    public static PersonName Of(string value, string kind = "registered") => new(value, Scripts.Detect(value), kind);
}

/// <summary>
/// Anyone in a case — victim, perpetrator, witness, informant — as HURIDOCS models them: one record,
/// many roles, many names. Everything that identifies the person is encrypted at rest; only
/// <see cref="Code"/>, the vocabulary ids and the gazetteer-level origin are stored in the clear.
/// </summary>
public sealed record Person
{
    public required Guid Id { get; init; }

    /// <summary>A pseudonymous code (e.g. <c>P-4KX7QM</c>) safe to print, say and publish.</summary>
    public required string Code { get; init; }

    /// <summary><c>person_role</c> ids.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<PersonName> Names { get; init; } = [];

    /// <summary>A <c>sex</c> vocabulary id.</summary>
    public string Sex { get; init; } = "unknown";

    public UncertainDate BirthDate { get; init; } = UncertainDate.Unknown;

    /// <summary>The gazetteer id of where the person comes from (county or coarser).</summary>
    public string? OriginPlaceId { get; init; }

    /// <summary>The origin as the source wrote it (a village, a street): identifying, so encrypted.</summary>
    public string? OriginDetail { get; init; }

    /// <summary>Phone numbers, messenger ids, addresses: identifying, so encrypted.</summary>
    public IReadOnlyList<string> Contacts { get; init; } = [];

    /// <summary>The person's account or the investigator's notes: encrypted.</summary>
    public string? Narrative { get; init; }

    /// <summary>The id the person has in the list or source it came from (encrypted).</summary>
    public string? ExternalId { get; init; }

    /// <summary>The source that first recorded this person.</summary>
    public Guid? SourceId { get; init; }

    /// <summary>Columns of an imported list that Tumen has no field for, kept as given (encrypted).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
