using Tumen.Core;
using Tumen.Estimation.Input;

namespace Tumen.Estimation.Tests.Input;

public class CaptureCsvTests
{
    [Fact]
    public void Read_PatternsWithCountColumn_SumsPeople()
    {
        var histories = TestData.Load("Kosovo");
        histories.Lists.ShouldBe(["EXH", "ABA", "OSCE", "HRW"]);
        histories.Observed.ShouldBe(4400);
        histories.CountOf(0b0001).ShouldBe(1131);
        histories.CountOf(0b1111).ShouldBe(27);
        histories.CountOn(0b0011).ShouldBe(177 + 181 + 18 + 27);
    }

    [Fact]
    public void Read_OneRowPerPerson_CountsPatterns()
    {
        var histories = TestData.FromCsv("police,ngo,church\n1,0,0\n1,1,0\n0,1,1\n1,1,0\n0,0,1\n");
        histories.Lists.ShouldBe(["police", "ngo", "church"]);
        histories.Observed.ShouldBe(5);
        histories.CountOf(0b011).ShouldBe(2);
        histories.CountOf(0b110).ShouldBe(1);
    }

    [Fact]
    public void Read_CountColumnByValueWithAnyHeaderName_IsCount()
    {
        var histories = TestData.FromCsv("a,b,people\n1,0,7\n0,1,3\n1,1,2\n");
        histories.ListCount.ShouldBe(2);
        histories.Observed.ShouldBe(12);
    }

    [Fact]
    public void Read_NoHeader_NamesListsByLetter()
    {
        var histories = TestData.FromCsv("1,0,0,5\n0,1,0,4\n0,0,1,3\n1,1,0,2\n0,1,1,1\n");
        histories.Lists.ShouldBe(["A", "B", "C"]);
        histories.Observed.ShouldBe(15);
    }

    [Fact]
    public void Read_DuplicatePatterns_AreAdded()
    {
        var histories = TestData.FromCsv("a,b,n\n1,0,4\n1,0,6\n0,1,2\n1,1,1\n");
        histories.CountOf(0b01).ShouldBe(10);
        histories.InputOrder.ShouldBe([0b01, 0b10, 0b11]);
    }

    [Fact]
    public void Read_PatternsOutOfMaskOrder_KeepTheirRowOrderForResampling()
    {
        var histories = TestData.FromCsv("a,b,c,n\n1,1,0,2\n0,0,1,3\n1,0,0,5\n0,1,1,1\n0,1,0,0\n");
        histories.InputOrder.ShouldBe([0b011, 0b100, 0b001, 0b110]); // an empty pattern takes no draw
        histories.Patterns.Select(p => p.Mask).ShouldBe([0b001, 0b011, 0b100, 0b110]);
        histories.WithCells(histories.CellCounts()).InputOrder.ShouldBe(histories.InputOrder);
    }

    [Theory]
    [InlineData("a,b,n\n1,0,4\n2,1,3\n", "line 3, column 1")]
    [InlineData("a,b,c\n1,0,1\n0,1,1\n1,1,0\n1,x,0\n", "line 5, column 2")]
    [InlineData("a,b,n\n1,0,4\n0,1,x\n", "line 3, count column 3 is not a number")]
    [InlineData("a,b,n\n1,0,4\n0,1,-3\n1,1,1\n", "negative")]
    [InlineData("a,b,n\n1,0,4\n0,1,2.5\n1,1,1\n", "fractional")]
    [InlineData("a,n\n1,4\n", "at least two list columns")]
    [InlineData("a,b,n\n1,0,4\n1,1,3\n", "contains everyone")]
    [InlineData("a,b,c,n\n1,0,0,4\n0,1,0,3\n1,1,0,1\n", "has nobody on it")]
    [InlineData("a,b,n\n1,0,4\n0,0,3\n1,1,1\n0,1,1\n", "on no list")]
    [InlineData("a,b,n\n1,0,4\n0,1\n", "line 3 has 2 fields")]
    [InlineData("", "empty")]
    [InlineData("a,b,n\n", "no rows")]
    public void Read_BadInput_ThrowsBadInputNamingThePlace(string csv, string expected)
    {
        var ex = Should.Throw<TumenException>(() => TestData.FromCsv(csv));
        ex.ExitCode.ShouldBe(ExitCode.BadInput);
        ex.Message.ShouldContain(expected);
        ex.Message.ShouldStartWith("test.csv");
    }

    [Fact]
    public void Read_BadValue_DoesNotEchoTheValue()
    {
        var ex = Should.Throw<TumenException>(() => TestData.FromCsv("a,b\n1,0\nKim Yong-hee,1\n"));
        ex.Message.ShouldNotContain("Kim");
    }

    [Fact]
    public void ReadStratified_StratumColumn_SplitsAndPools()
    {
        var csv = "stratum,a,b,c,n\n2019,1,0,0,10\n2019,0,1,0,8\n2019,1,1,0,2\n2019,0,0,1,5\n2019,0,1,1,1\n"
            + "2020,1,0,0,7\n2020,0,1,0,6\n2020,0,0,1,4\n2020,1,0,1,3\n";
        var data = CaptureCsv.ReadStratified(new StringReader(csv), "test.csv");
        data.Total.Lists.ShouldBe(["a", "b", "c"]);
        data.Total.Observed.ShouldBe(46);
        data.Strata.Select(s => s.Name).ShouldBe(["2019", "2020"]);
        data.Strata[0].Observed.ShouldBe(26);
        data.Strata[1].ToHistories().CountOf(0b101).ShouldBe(3);
    }

    [Fact]
    public void FromPersons_ListNamesPerPerson_BuildsPatterns()
    {
        var histories = CaptureHistories.FromPersons(
            ["shelter", "police", "church"],
            [["shelter"], ["shelter", "police"], ["church"], ["police", "church"], ["police"]]);
        histories.Observed.ShouldBe(5);
        histories.CountOf(0b011).ShouldBe(1);
        histories.CountOn(0b010).ShouldBe(3);
    }

    [Fact]
    public void Read_RepeatedListName_NamesColumnsNotTheLabel()
    {
        var ex = Should.Throw<TumenException>(() => TestData.FromCsv("Helong safe house,Helong safe house,n\n1,0,3\n0,1,2\n"));
        ex.Message.ShouldContain("list columns 1 and 2 have the same name");
        ex.Message.ShouldNotContain("Helong");
    }

    [Fact]
    public void Read_BadCell_NamesColumnNotTheLabel()
    {
        var ex = Should.Throw<TumenException>(() => TestData.FromCsv("Helong safe house,police,n\n1,x,3\n0,1,2\n"));
        ex.Message.ShouldContain("column 2 must be 0 or 1");
        ex.Message.ShouldNotContain("police");
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadFile_Fifo_IsRefusedWithoutBlocking()
    {
        var folder = Directory.CreateTempSubdirectory("tumen-capture-");
        try
        {
            var path = Path.Combine(folder.FullName, "lists.csv");
            using (var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!)
            {
                await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            var ex = await Task.Run(() => Should.Throw<TumenException>(() => CaptureCsv.ReadFile(path)), TestContext.Current.CancellationToken);
            ex.Message.ShouldContain("pipe");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
