using Tumen.Core;

namespace Tumen.Core.Tests;

public class CsvTests
{
    private static string Written(params string[] cells)
    {
        var writer = new StringWriter();
        Csv.WriteRow(writer, cells);
        return writer.ToString();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\uFF1DHYPERLINK(\"http://evil\")")] // full-width =
    [InlineData("\uFF0B1")]
    [InlineData("\uFF0D1")]
    [InlineData("\uFF20SUM(A1)")]
    [InlineData("\tcmd")]
    public void WriteRow_FormulaStart_IsGuardedByDefault(string cell) =>
        Csv.Read(Written(cell)).Single().Cells[0].ShouldBe("'" + cell);

    [Fact]
    public void WriteRow_HeaderLikeRowWithoutFlag_IsGuarded() =>
        Written("name", "=cmd|' /C calc'!A0").ShouldStartWith("name,'=cmd");

    [Fact]
    public void WriteRow_GuardOff_WritesCellsAsTheyAre()
    {
        var writer = new StringWriter();
        Csv.WriteRow(writer, ["-2"], guardFormulas: false);
        writer.ToString().ShouldBe("-2\r\n");
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("\uFF1D1")]
    [InlineData("plain")]
    [InlineData("'quoted")]
    public void UnguardFormula_UndoesGuardFormula(string cell) =>
        Csv.UnguardFormula(Csv.GuardFormula(cell)).ShouldBe(cell);
}
