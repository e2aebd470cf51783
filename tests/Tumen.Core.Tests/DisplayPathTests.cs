using Tumen.Core;

namespace Tumen.Core.Tests;

public class DisplayPathTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("연변 보고서.docx", "연변 보고서.docx")]
    [InlineData(@"C:\data\list.csv", @"C:\data\list.csv")]
    public void Of_OrdinaryNames_AreUnchanged(string path, string expected) => DisplayPath.Of(path).ShouldBe(expected);

    [Theory]
    [InlineData("\u001b[31mred.csv", @"\x1B[31mred.csv")]
    [InlineData("a\nb.csv", @"a\x0Ab.csv")]
    [InlineData("bell\u0007.csv", @"bell\x07.csv")]
    [InlineData("csi\u009b2J.csv", @"csi\x9B2J.csv")]
    [InlineData("cod\u202Efdp.exe", @"cod\u202Efdp.exe")]
    [InlineData("esc\u001b\\back.csv", @"esc\x1B\\back.csv")]
    public void Of_ControlAndBidiCharacters_AreEscaped(string path, string expected)
    {
        var shown = DisplayPath.Of(path);
        shown.ShouldBe(expected);
        shown.Any(c => char.IsControl(c) || c == '\u202E').ShouldBeFalse();
    }

    [Fact]
    public void NameOf_TakesTheFileNameAndEscapesIt() =>
        DisplayPath.NameOf("/cases/\u001b[2Jlist.csv").ShouldBe(@"\x1B[2Jlist.csv");
}
