using System.Diagnostics;
using System.Text;
using Tumen.Ingest.Documents;

namespace Tumen.Ingest.Tests.Documents;

/// <summary>Pipes, device links, huge files and hostile names: refused before reading, and never stopping the files after them.</summary>
public sealed class OddFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tumen-odd-");
    private readonly DocumentReader _reader = new();

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact(Timeout = 60_000)]
    public async Task ReadAsync_Fifo_IsRefusedWithoutOpeningIt()
    {
        var fifo = MakeFifo("waiting.txt");
        var ex = await Should.ThrowAsync<DocumentReadException>(() => _reader.ReadAsync(fifo, TestContext.Current.CancellationToken));
        ex.Message.ShouldContain("waiting.txt");
        ex.Message.ShouldContain("pipe");
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadAsync_LinkToDevZero_IsRefusedWithoutReading()
    {
        var link = Path.Combine(_folder.FullName, "zero.pdf");
        File.CreateSymbolicLink(link, "/dev/zero");
        var ex = await Should.ThrowAsync<DocumentReadException>(() => _reader.ReadAsync(link, TestContext.Current.CancellationToken));
        ex.Message.ShouldContain("zero.pdf");
        ex.Message.ShouldContain("device");
    }

    [Fact(Timeout = 60_000)]
    public async Task TryReadAsync_FolderWithHugePipeDeviceAndGoodFile_ReadsTheGoodOneAndNamesTheOthers()
    {
        var huge = Path.Combine(_folder.FullName, "huge.docx");
        await using (var stream = File.Create(huge))
        {
            stream.SetLength(3L * 1024 * 1024 * 1024); // sparse: 3 GB that take no disk
        }

        var zero = Path.Combine(_folder.FullName, "zero.html");
        File.CreateSymbolicLink(zero, "/dev/zero");
        var fifo = MakeFifo("pipe.md");
        var good = Path.Combine(_folder.FullName, "good.txt");
        await File.WriteAllTextAsync(good, "More than 300 women were sold in Yanbian.", TestContext.Current.CancellationToken);

        var results = new List<DocumentReadResult>();
        foreach (var path in new[] { huge, zero, fifo, good })
        {
            results.Add(await _reader.TryReadAsync(path, TestContext.Current.CancellationToken));
        }

        results.Select(r => r.IsRead).ShouldBe([false, false, false, true]);
        results[0].Failure!.ShouldContain("huge.docx is 3072 MB");
        results[1].Failure!.ShouldContain("zero.html");
        results[2].Failure!.ShouldContain("pipe.md");
        results[3].Document!.Text.ShouldContain("300 women");
        results[3].Original.ShouldBe(Encoding.UTF8.GetBytes("More than 300 women were sold in Yanbian."));
    }

    [Fact]
    public async Task TryReadAsync_LinkToGoodFile_IsFollowedAndRead()
    {
        var target = Path.Combine(_folder.FullName, "target.txt");
        await File.WriteAllTextAsync(target, "Brokers sold 40 women.", TestContext.Current.CancellationToken);
        var link = Path.Combine(_folder.FullName, "link.txt");
        File.CreateSymbolicLink(link, target);
        var result = await _reader.TryReadAsync(link, TestContext.Current.CancellationToken);
        result.Document!.Text.ShouldBe("Brokers sold 40 women.");
        result.Document.FileName.ShouldBe("link.txt");
    }

    [Fact]
    public async Task TryReadAsync_NameWithTerminalEscapes_IsNeverEchoedRaw()
    {
        var name = "\u001b[2J\u001b]0;owned\u0007report\u202Etxt.md";
        var path = Path.Combine(_folder.FullName, name);
        await File.WriteAllBytesAsync(path, [], TestContext.Current.CancellationToken);
        var result = await _reader.TryReadAsync(path, TestContext.Current.CancellationToken);
        result.IsRead.ShouldBeFalse();
        result.Failure.ShouldNotBeNull();
        result.Failure.ShouldNotContain("\u001b");
        result.Failure.ShouldNotContain("\u0007");
        result.Failure.ShouldNotContain("\u202E");
        result.Failure.ShouldContain(@"\x1B[2J\x1B]0;owned\x07report\u202Etxt.md");
    }

    [Fact]
    public void Read_BytesWithEscapeInName_MessageIsEscaped()
    {
        var ex = Should.Throw<DocumentReadException>(() => _reader.Read("\u001b[31mred.pdf", Encoding.UTF8.GetBytes("not a pdf")));
        ex.Message.ShouldNotContain("\u001b");
        ex.Message.ShouldContain(@"\x1B[31mred.pdf");
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(_folder.FullName, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0);
        return path;
    }
}
