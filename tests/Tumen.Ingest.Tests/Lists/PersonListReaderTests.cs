using System.Diagnostics;
using System.Text;
using Tumen.Core;
using Tumen.Core.Vocabularies;
using Tumen.Ingest.Lists;

namespace Tumen.Ingest.Tests.Lists;

public sealed class PersonListReaderTests : IDisposable
{
    private const string Testimony = "She was sold twice near Helong";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tumen-list-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static TumenException Refused(string csv) =>
        Should.Throw<TumenException>(() => PersonListReader.Parse("list.csv", Encoding.UTF8.GetBytes(csv), Vocabulary.Default));

    [Fact]
    public void Parse_NoHeaderRow_ErrorNeverQuotesTheFirstRecord()
    {
        var ex = Refused($"Kim Sun-hui,F,1990,{Testimony}\nPak Mi-ok,F,1988,Escaped in 2019\n");
        ex.ExitCode.ShouldBe(ExitCode.BadInput);
        ex.Message.ShouldContain("no name column");
        ex.Message.ShouldContain("4 cells");
        foreach (var secret in new[] { "Kim", "Sun-hui", "1990", "Helong", "sold" })
        {
            ex.Message.ShouldNotContain(secret);
        }
    }

    [Fact]
    public void Parse_NoNameColumnButKnownColumns_NamesOnlyTheKnownOnes()
    {
        var ex = Refused("sex,Helong village,testimony\nF,x,y\n");
        ex.Message.ShouldContain("sex, testimony");
        ex.Message.ShouldNotContain("helong");
    }

    [Fact]
    public void Parse_RepeatedHeaderCell_NamesPositionsNotContent()
    {
        var ex = Refused($"name,{Testimony},{Testimony}\nKim,a,b\n");
        ex.Message.ShouldContain("columns 2 and 3");
        ex.Message.ShouldNotContain("helong");
        ex.Message.ShouldNotContain("sold");
    }

    [Fact]
    public void Parse_RepeatedKnownColumn_NamesIt() =>
        Refused("name,sex,sex\nKim,F,F\n").Message.ShouldContain("columns 2 and 3 have the same name 'sex'");

    [Fact]
    public void Parse_LabelWithTerminalEscapes_IsEscapedInMessages()
    {
        var ex = Should.Throw<TumenException>(() => PersonListReader.Parse("\u001b[2Jlist.csv", [], Vocabulary.Default));
        ex.Message.ShouldNotContain("\u001b");
        ex.Message.ShouldStartWith(@"\x1B[2Jlist.csv");
    }

    [Fact]
    public void Parse_GuardedHeaderFromExport_ReadsBackTheColumnName()
    {
        var writer = new StringWriter();
        Csv.WriteRow(writer, ["name", "=HYPERLINK(\"http://x\")"]);
        Csv.WriteRow(writer, ["Kim", "=1+1"]);
        var list = PersonListReader.Parse("list.csv", Encoding.UTF8.GetBytes(writer.ToString()), Vocabulary.Default);
        list.Columns.ShouldBe(["name", "=hyperlink(\"http://x\")"]);
        list.Records[0].Attributes["=hyperlink(\"http://x\")"].ShouldBe("=1+1");
    }

    [Fact(Timeout = 60_000)]
    public async Task Read_Fifo_IsRefusedWithoutBlocking()
    {
        var path = Path.Combine(_folder.FullName, "list.csv");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        var ex = await Task.Run(() => Should.Throw<TumenException>(() => PersonListReader.Read(path)), TestContext.Current.CancellationToken);
        ex.Message.ShouldContain("pipe");
    }

    [Fact]
    public void Read_LinkToDevZero_IsRefusedWithoutReading()
    {
        var path = Path.Combine(_folder.FullName, "zero.csv");
        File.CreateSymbolicLink(path, "/dev/zero");
        Should.Throw<TumenException>(() => PersonListReader.Read(path)).Message.ShouldContain("device");
    }

    [Fact]
    public void Read_FileOverTheLimit_IsRefusedBeforeReading()
    {
        var path = Path.Combine(_folder.FullName, "huge.csv");
        using (var stream = File.Create(path))
        {
            stream.SetLength(PersonListReader.MaxFileBytes + 1); // sparse
        }

        Should.Throw<TumenException>(() => PersonListReader.Read(path)).Message.ShouldContain("huge.csv is 257 MB");
    }
}
