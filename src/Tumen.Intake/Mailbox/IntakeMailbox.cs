using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tumen.Intake.Files;
using Tumen.Intake.Receipts;
using Tumen.Intake.Sealing;
using Tumen.Intake.Submissions;

namespace Tumen.Intake.Mailbox;

/// <summary>An uploaded file as it arrived: bytes, and the name and type the browser claimed.</summary>
public sealed record Upload(byte[] Content, string? ClaimedName, string? ClaimedType);

/// <summary>
/// The portal's side of intake: seals each report, file and message to the investigators' public
/// key before a byte is written, and opens replies only with the key derived from her receipt.
/// </summary>
public sealed class IntakeMailbox(PortalFolder folder, TimeProvider time)
{
    public PortalFolder Folder { get; } = folder;

    /// <summary>Whether reports can be taken (the investigators' public key is installed).</summary>
    public bool IsReady => Folder.ReadPublicKey() is not null;

    /// <summary>
    /// Cleans the files, seals everything and files it under a new receipt's thread. Throws
    /// <see cref="RejectedFileException"/> before anything is written when a file is refused.
    /// </summary>
    public Receipt Submit(ReportDraft draft, IReadOnlyList<Upload> uploads, string language)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(uploads);
        var publicKey = Folder.ReadPublicKey() ?? throw new InvalidOperationException("The portal has no intake key installed.");
        var cleaned = uploads.Select(u => MetadataStripper.Clean(u.Content, u.ClaimedName, u.ClaimedType)).ToList();
        var today = Today();
        var receipt = Receipt.New();
        var keys = receipt.Derive();
        using var replyKeys = keys.Keys;
        var attachments = new List<(AttachmentInfo Info, byte[] Sealed)>();
        for (var i = 0; i < cleaned.Count; i++)
        {
            var item = string.Create(CultureInfo.InvariantCulture, $"a-{i + 1}.sealed");
            var name = string.Create(CultureInfo.InvariantCulture, $"attachment-{i + 1}{cleaned[i].Extension}");
            attachments.Add((new AttachmentInfo(item, name, cleaned[i].MediaType, cleaned[i].Removed), SealedBox.Seal(cleaned[i].Content, publicKey)));
        }

        var report = draft.ToReport(keys.Thread, language, Convert.ToBase64String(replyKeys.PublicKey), Day(today), [.. attachments.Select(a => a.Info)]);
        var sealedReport = SealedBox.Seal(IntakeJson.Serialize(report), publicKey);
        if (!Folder.CreateThread(keys.Thread, replyKeys.PublicKey, today))
        {
            throw new InvalidOperationException("A thread with this receipt exists already.");
        }

        foreach (var (info, sealedBytes) in attachments)
        {
            Folder.WriteItem(keys.Thread, info.Item, sealedBytes, today);
        }

        Folder.WriteItem(keys.Thread, PortalFolder.ReportItem, sealedReport, today);
        return receipt;
    }

    /// <summary>
    /// Adds a message to her thread, sealed to the investigators. <paramref name="formNonce"/> (a
    /// random value in the form she sent) names the item, so a replayed form adds nothing twice.
    /// </summary>
    public MessageResult AddMessage(Receipt receipt, string text, string formNonce)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var publicKey = Folder.ReadPublicKey() ?? throw new InvalidOperationException("The portal has no intake key installed.");
        var keys = receipt.Derive();
        keys.Keys.Dispose();
        if (!Folder.ThreadExists(keys.Thread))
        {
            return MessageResult.UnknownReceipt;
        }

        var today = Today();
        var message = new FollowUp(keys.Thread, text.Trim().Normalize(NormalizationForm.FormC), Day(today));
        var item = "m-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keys.Thread + "/" + formNonce)))[..32] + ".sealed";
        return Folder.WriteItem(keys.Thread, item, SealedBox.Seal(IntakeJson.Serialize(message), publicKey), today)
            ? MessageResult.Added
            : MessageResult.AlreadyReceived;
    }

    /// <summary>The replies to her report, opened with her receipt; null when no report has this receipt.</summary>
    public IReadOnlyList<Reply>? ReadReplies(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var keys = receipt.Derive();
        using var pair = keys.Keys;
        if (!Folder.ThreadExists(keys.Thread))
        {
            return null;
        }

        var replies = new List<Reply>();
        foreach (var item in Folder.ListReplies(keys.Thread))
        {
            if (Folder.ReadItem(keys.Thread, item) is { } sealedBytes && SealedBox.TryOpen(sealedBytes, pair, out var plaintext))
            {
                replies.Add(IntakeJson.Deserialize<Reply>(plaintext));
            }
        }

        return [.. replies.OrderBy(r => r.SentOn, StringComparer.Ordinal)];
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What became of a follow-up message.</summary>
public enum MessageResult
{
    Added,
    AlreadyReceived,
    UnknownReceipt,
}
