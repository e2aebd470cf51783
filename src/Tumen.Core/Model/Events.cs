using Tumen.Core.Dates;

namespace Tumen.Core.Model;

/// <summary>Something that happened over a period, containing one or more acts (HURIDOCS Event).</summary>
public sealed record Event
{
    public required Guid Id { get; init; }

    /// <summary>A short non-identifying title, e.g. "Sale in Yanbian, 2019".</summary>
    public required string Title { get; init; }

    /// <summary>What happened, in the investigator's words: encrypted.</summary>
    public string? Description { get; init; }

    public UncertainDate Start { get; init; } = UncertainDate.Unknown;

    public UncertainDate End { get; init; } = UncertainDate.Unknown;

    public string? PlaceId { get; init; }

    /// <summary>A <c>confidentiality</c> id.</summary>
    public string Confidentiality { get; init; } = "confidential";
}

/// <summary>One violation of one type against one victim, at a time and place (HURIDOCS Act).</summary>
public sealed record Act
{
    public required Guid Id { get; init; }

    public Guid? EventId { get; init; }

    public required Guid VictimId { get; init; }

    /// <summary>A <c>violation_type</c> id.</summary>
    public required string ViolationType { get; init; }

    public UncertainDate Date { get; init; } = UncertainDate.Unknown;

    /// <summary>The gazetteer id at the precision the source supports.</summary>
    public string? PlaceId { get; init; }

    /// <summary>An address or coordinates finer than the gazetteer: encrypted.</summary>
    public string? ExactLocation { get; init; }

    /// <summary>What was done: encrypted.</summary>
    public string? Description { get; init; }

    /// <summary>The victim's age at the time, when the source gives it.</summary>
    public int? AgeAtTime { get; init; }

    public Guid? SourceId { get; init; }
}

/// <summary>Who took part in an act and how (HURIDOCS Involvement).</summary>
/// <param name="Role">An <c>involvement_role</c> id: broker, buyer, husband, chinese_police, state_security, guard, ...</param>
/// <param name="Degree">A <c>degree_of_involvement</c> id.</param>
public sealed record Involvement(Guid Id, Guid ActId, Guid PerpetratorId, string Role, string Degree = "directly_carried_out");

/// <summary>Where information comes from: a testimony, document, list or report.</summary>
public sealed record Source
{
    public required Guid Id { get; init; }

    /// <summary>A <c>source_kind</c> id.</summary>
    public required string Kind { get; init; }

    /// <summary>The title (encrypted: a testimony's title can identify its author).</summary>
    public string? Title { get; init; }

    /// <summary>The full text of a testimony or document: encrypted.</summary>
    public string? Text { get; init; }

    /// <summary>A <c>reliability</c> id.</summary>
    public string Reliability { get; init; } = "unknown";

    /// <summary>A <c>confidentiality</c> id.</summary>
    public string Confidentiality { get; init; } = "confidential";

    public UncertainDate Date { get; init; } = UncertainDate.Unknown;

    /// <summary>The original file, kept as encrypted evidence.</summary>
    public Guid? EvidenceFileId { get; init; }
}

/// <summary>A numeric statement a source makes ("more than 82,000 cases").</summary>
public sealed record Claim
{
    public required Guid Id { get; init; }

    public required Guid SourceId { get; init; }

    public required string Text { get; init; }

    public double? Value { get; init; }

    public double? Low { get; init; }

    public double? High { get; init; }

    /// <summary>people, percent, usd, cases, years, ...</summary>
    public string? Unit { get; init; }

    /// <summary>about, more than, up to, at least, ...</summary>
    public string? Qualifier { get; init; }

    /// <summary>What is counted, as a noun phrase.</summary>
    public string? Counts { get; init; }

    public string? AssertedBy { get; init; }
}
