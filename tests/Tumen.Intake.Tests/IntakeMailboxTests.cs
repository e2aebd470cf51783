using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tumen.Intake.Files;
using Tumen.Intake.Mailbox;
using Tumen.Intake.Receipts;
using Tumen.Intake.Sealing;
using Tumen.Intake.Submissions;

namespace Tumen.Intake.Tests;

public sealed class IntakeMailboxTests : IDisposable
{
    private const string Canary = "두만강-CANARY-7731";
    private readonly string _root = Directory.CreateTempSubdirectory("tumen-intake-").FullName;
    private readonly IntakeKeyPair _investigators = IntakeKeyPair.Generate();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 17, 45, 12, TimeSpan.Zero));
    private readonly IntakeMailbox _mailbox;

    public IntakeMailboxTests()
    {
        var folder = new PortalFolder(Path.Combine(_root, "portal"));
        folder.Install(_investigators.PublicKey, "token-1", DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
        _mailbox = new IntakeMailbox(folder, _time);
    }

    [Fact]
    public void Submit_ReportAndPhoto_FolderHoldsOnlyCiphertextDatedToTheDay()
    {
        var receipt = _mailbox.Submit(Draft(), [new Upload(TestImages.JpegWithGps(), "../../../etc/kim.jpg", "image/jpeg")], "ko");

        var files = System.IO.Directory.EnumerateFiles(_mailbox.Folder.Root, "*", SearchOption.AllDirectories).ToList();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Encoding.UTF8.GetString(bytes).ShouldNotContain(Canary);
            Encoding.Latin1.GetString(bytes).ShouldNotContain(TestImages.CommentCanary);
            File.GetLastWriteTimeUtc(file).TimeOfDay.ShouldBe(TimeSpan.Zero);
        }

        System.IO.Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).ShouldBe(["portal"]); // nothing escaped via the file name
        var thread = receipt.Derive().Thread;
        _mailbox.Folder.ListItems().ShouldBe([$"{thread}/a-1.sealed", $"{thread}/r-0.sealed"]);

        SealedBox.TryOpen(_mailbox.Folder.ReadItem(thread, "r-0.sealed")!, _investigators, out var plaintext).ShouldBeTrue();
        var report = IntakeJson.Deserialize<Report>(plaintext);
        report.WhatHappened.ShouldContain(Canary);
        report.ReceivedOn.ShouldBe("2026-03-04");
        report.Attachments.Single().FileName.ShouldBe("attachment-1.jpg");
    }

    [Fact]
    public void Submit_FakeJpeg_RefusedBeforeAnythingIsWritten()
    {
        Should.Throw<RejectedFileException>(() => _mailbox.Submit(Draft(), [new Upload("not a photo"u8.ToArray(), "x.jpg", "image/jpeg")], "en"));
        _mailbox.Folder.ListItems().ShouldBeEmpty();
    }

    [Fact]
    public void Replies_SealedToTheReceipt_OnlyThatReceiptReadsThem()
    {
        var receipt = _mailbox.Submit(Draft(), [], "ko");
        var thread = receipt.Derive().Thread;
        var replyKey = _mailbox.Folder.ReadReplyKey(thread)!;
        _mailbox.Folder.WriteItem(thread, "reply-" + new string('a', 32) + ".sealed", SealedBox.Seal(IntakeJson.Serialize(new Reply("안전하게 받았습니다", "2026-03-05")), replyKey), new DateOnly(2026, 3, 5));

        _mailbox.ReadReplies(receipt)!.Single().Text.ShouldBe("안전하게 받았습니다");
        _mailbox.ReadReplies(Receipt.New()).ShouldBeNull(); // a forged receipt opens nothing
    }

    [Fact]
    public void AddMessage_ReplayedForm_AddedOnce()
    {
        var receipt = _mailbox.Submit(Draft(), [], "ko");
        _mailbox.AddMessage(receipt, "more", "0123456789abcdef0123456789abcdef").ShouldBe(MessageResult.Added);
        _mailbox.AddMessage(receipt, "more", "0123456789abcdef0123456789abcdef").ShouldBe(MessageResult.AlreadyReceived);
        _mailbox.AddMessage(Receipt.New(), "more", "0123456789abcdef0123456789abcdef").ShouldBe(MessageResult.UnknownReceipt);
        _mailbox.Folder.ListItems().Count(i => i.Contains("/m-", StringComparison.Ordinal)).ShouldBe(1);
    }

    public void Dispose()
    {
        _investigators.Dispose();
        System.IO.Directory.Delete(_root, recursive: true);
    }

    private static ReportDraft Draft() => new ReportDraft
    {
        WhatHappened = "2019년 " + Canary,
        Where = "연길",
        Violations = ["trafficking"],
        Consents = ["storage", "share_with_un"],
    }.Normalized();
}
