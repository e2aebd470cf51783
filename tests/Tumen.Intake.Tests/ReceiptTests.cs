using Tumen.Intake.Receipts;
using Tumen.Intake.Sealing;

namespace Tumen.Intake.Tests;

public sealed class ReceiptTests
{
    [Fact]
    public void Receipt_Has80Bits_TenWordsFrom256()
    {
        (Receipt.Length * 8).ShouldBeGreaterThanOrEqualTo(80);
        foreach (var language in ReceiptWords.Languages)
        {
            Enumerable.Range(0, 256).Select(i => ReceiptWords.Default.Word((byte)i, language)).Distinct(StringComparer.Ordinal).Count().ShouldBe(256);
        }
    }

    [Theory]
    [InlineData("ko")]
    [InlineData("zh")]
    [InlineData("en")]
    public void Receipt_WordsInAnyLanguage_OpenTheSameThread(string language)
    {
        var receipt = Receipt.New();
        var words = receipt.ToWords(language);
        words.Split(' ').Length.ShouldBe(10);

        Receipt.TryParse(words, out var parsed).ShouldBeTrue();
        Receipt.TryParse(receipt.ToWords("en").ToUpperInvariant(), out var fromEnglish).ShouldBeTrue();
        using var a = receipt.Derive().Keys;
        parsed!.Derive().Thread.ShouldBe(receipt.Derive().Thread);
        fromEnglish!.Derive().Thread.ShouldBe(receipt.Derive().Thread);
    }

    [Fact]
    public void Receipt_TwoReceipts_DifferentThreadsAndKeys()
    {
        var a = Receipt.New().Derive();
        var b = Receipt.New().Derive();
        string.Equals(a.Thread, b.Thread, StringComparison.Ordinal).ShouldBeFalse();
        a.Keys.PublicKey.ShouldNotBe(b.Keys.PublicKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("apple pear grape")]
    [InlineData("apple pear grape peach melon watermelon cherry plum chestnut notaword")]
    [InlineData("apple pear grape peach melon watermelon cherry plum chestnut walnut rice")]
    public void Receipt_WrongWordsOrCount_NotParsed(string text) => Receipt.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void SealedBox_OpensOnlyWithTheRecipientsKey()
    {
        using var recipient = IntakeKeyPair.Generate();
        using var other = IntakeKeyPair.Generate();
        var plaintext = "증언 canary"u8.ToArray();
        var sealedBytes = SealedBox.Seal(plaintext, recipient.PublicKey);

        sealedBytes.Length.ShouldBe(plaintext.Length + SealedBox.Overhead);
        SealedBox.TryOpen(sealedBytes, recipient, out var opened).ShouldBeTrue();
        opened.ShouldBe(plaintext);
        SealedBox.TryOpen(sealedBytes, other, out _).ShouldBeFalse();
        sealedBytes[^1] ^= 1;
        SealedBox.TryOpen(sealedBytes, recipient, out _).ShouldBeFalse();
    }
}
