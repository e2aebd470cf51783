using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tumen.Intake.Submissions;

/// <summary>
/// A survivor's report as it travels sealed from the portal to the workspace. Everything in it is
/// identifying, so it exists in the clear only in the portal's memory and, once opened, inside the
/// workspace's own encryption.
/// </summary>
public sealed record Report
{
    public int Version { get; init; } = 1;

    /// <summary>The thread id derived from her receipt, so replies can be filed where she will look.</summary>
    public required string Thread { get; init; }

    /// <summary>The page language she wrote in (<c>en</c>, <c>ko</c>, <c>ko-KP</c>, <c>zh</c>).</summary>
    public required string Language { get; init; }

    public required string WhatHappened { get; init; }

    public string? Where { get; init; }

    /// <summary>A gazetteer id she chose, if any.</summary>
    public string? PlaceId { get; init; }

    public string? When { get; init; }

    /// <summary><c>violation_type</c> ids she chose.</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>How to reach her; null when she asked not to be contacted.</summary>
    public string? Contact { get; init; }

    /// <summary><c>consent_scope</c> ids she agreed to; every other purpose is refused.</summary>
    public IReadOnlyList<string> Consents { get; init; } = [];

    /// <summary>Her receipt's public key (base64): replies are sealed to it.</summary>
    public required string ReplyKey { get; init; }

    /// <summary>The day it arrived (<c>yyyy-MM-dd</c>): no finer time is kept anywhere.</summary>
    public required string ReceivedOn { get; init; }

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];
}

/// <summary>One file sent with a report: stored as its own sealed item, under a name the portal chose.</summary>
/// <param name="Item">The sealed item's name in the thread (e.g. <c>a-1.sealed</c>).</param>
/// <param name="FileName">A neutral name (<c>attachment-1.jpg</c>): the original name may identify her.</param>
/// <param name="Removed">What metadata was removed on arrival (exif, xmp, iptc, comment, text, properties...).</param>
public sealed record AttachmentInfo(string Item, string FileName, string MediaType, IReadOnlyList<string> Removed);

/// <summary>A message she added later with her receipt.</summary>
public sealed record FollowUp(string Thread, string Text, string ReceivedOn);

/// <summary>An investigator's answer, sealed to her receipt key.</summary>
public sealed record Reply(string Text, string SentOn);

/// <summary>The JSON shape of sealed items: stable across versions, camel case.</summary>
public static class IntakeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Reads a sealed item's plaintext; throws <see cref="JsonException"/> when it is not the expected shape.</summary>
    public static T Deserialize<T>(byte[] json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("empty intake item");
}
