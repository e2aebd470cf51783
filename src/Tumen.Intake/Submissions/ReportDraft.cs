using System.Text;
using Tumen.Core.Places;
using Tumen.Core.Vocabularies;

namespace Tumen.Intake.Submissions;

/// <summary>
/// What she typed into the form, before it is sealed. Validation returns message keys (never
/// throws) so the form can be shown again with everything she wrote still in it.
/// </summary>
public sealed record ReportDraft
{
    /// <summary>Longest free text accepted in one field (a long testimony fits; a flood does not).</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>Longest short field (where, when, contact).</summary>
    public const int MaxShortLength = 500;

    public string WhatHappened { get; init; } = "";

    public string Where { get; init; } = "";

    public string PlaceId { get; init; } = "";

    public string When { get; init; } = "";

    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>True when she chose "do not contact me".</summary>
    public bool NoContact { get; init; } = true;

    public string Contact { get; init; } = "";

    public IReadOnlyList<string> Consents { get; init; } = [];

    /// <summary>The draft with every text field in NFC and trimmed.</summary>
    public ReportDraft Normalized() => this with
    {
        WhatHappened = Clean(WhatHappened),
        Where = Clean(Where),
        PlaceId = Clean(PlaceId),
        When = Clean(When),
        Contact = Clean(Contact),
        Violations = [.. Violations.Select(Clean).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)],
        Consents = [.. Consents.Select(Clean).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)],
    };

    /// <summary>Message keys for what is wrong; empty when the draft can be sent.</summary>
    public IReadOnlyList<string> Validate(Vocabulary vocabulary, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var errors = new List<string>();
        if (WhatHappened.Length == 0)
        {
            errors.Add("ErrorWhatMissing");
        }

        if (WhatHappened.Length > MaxTextLength || Where.Length > MaxShortLength || When.Length > MaxShortLength || Contact.Length > MaxShortLength)
        {
            errors.Add("ErrorTooLong");
        }

        if (!NoContact && Contact.Length == 0)
        {
            errors.Add("ErrorContactMissing");
        }

        if ((PlaceId.Length > 0 && gazetteer.Find(PlaceId) is null)
            || Violations.Any(v => !vocabulary.Contains(Vocabulary.ViolationType, v))
            || Consents.Any(c => !vocabulary.Contains(Vocabulary.ConsentScope, c)))
        {
            errors.Add("ErrorUnknownChoice");
        }

        return errors;
    }

    /// <summary>The report to seal, once <see cref="Validate"/> found nothing wrong.</summary>
    public Report ToReport(string thread, string language, string replyKey, string receivedOn, IReadOnlyList<AttachmentInfo> attachments) => new()
    {
        Thread = thread,
        Language = language,
        WhatHappened = WhatHappened,
        Where = NullIfEmpty(Where),
        PlaceId = NullIfEmpty(PlaceId),
        When = NullIfEmpty(When),
        Violations = Violations,
        Contact = NoContact ? null : Contact,
        Consents = Consents,
        ReplyKey = replyKey,
        ReceivedOn = receivedOn,
        Attachments = attachments,
    };

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
