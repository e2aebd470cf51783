using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tumen.Ingest.Documents;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Tumen.Ingest.Tests.Documents;

/// <summary>Runs alone: it points TMPDIR of the whole process at an empty folder while it reads.</summary>
[CollectionDefinition(nameof(TempFolderTests), DisableParallelization = true)]
public sealed class TempFolderCollection;

[Collection(nameof(TempFolderTests))]
public class TempFolderTests
{
    private const string Canary = "CANARY Kim Sun-hui testified in Tumen city";

    [Fact]
    public async Task ReadAsync_EveryFormat_WritesNothingToTheTempFolder()
    {
        var root = Directory.CreateTempSubdirectory("tumen-tmp-test-");
        var documents = Directory.CreateDirectory(Path.Combine(root.FullName, "documents"));
        var temp = Directory.CreateDirectory(Path.Combine(root.FullName, "tmp"));
        var previous = Environment.GetEnvironmentVariable("TMPDIR");
        try
        {
            var files = CanaryDocuments.WriteAll(documents.FullName, Canary);
            Environment.SetEnvironmentVariable("TMPDIR", temp.FullName + "/");
            Path.GetTempPath().ShouldStartWith(temp.FullName);
            var created = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var watcher = new FileSystemWatcher(temp.FullName) { IncludeSubdirectories = true };
            var markerSeen = new TaskCompletionSource();
            watcher.Created += (_, e) =>
            {
                created.Enqueue(e.Name ?? "");
                if (string.Equals(e.Name, "marker", StringComparison.Ordinal))
                {
                    markerSeen.TrySetResult();
                }
            };
            watcher.EnableRaisingEvents = true;
            var reader = new DocumentReader();
            foreach (var file in files)
            {
                var document = await reader.ReadAsync(file, TestContext.Current.CancellationToken);
                document.Text.ShouldContain("Kim Sun-hui", customMessage: Path.GetFileName(file));
            }

            // A file created and deleted again during the read is seen by the watcher (inotify); its
            // event may arrive after the read, so a marker file written last flushes the queue.
            await File.WriteAllTextAsync(Path.Combine(temp.FullName, "marker"), "", TestContext.Current.CancellationToken);
            await markerSeen.Task.WaitAsync(TestContext.Current.CancellationToken);
            created.Where(name => !string.Equals(name, "marker", StringComparison.Ordinal)).ShouldBeEmpty();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", previous);
            root.Delete(recursive: true);
        }
    }
}

/// <summary>One small document of every format Tumen reads, each holding the same canary sentence.</summary>
internal static class CanaryDocuments
{
    public static IReadOnlyList<string> WriteAll(string folder, string canary)
    {
        var body = string.Join("\n\n", Enumerable.Repeat(canary + ". More than 300 women were sold.", 2_000));
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["canary.txt"] = Encoding.UTF8.GetBytes(body),
            ["canary.md"] = Encoding.UTF8.GetBytes("# Report\n\n" + body),
            ["canary.html"] = Encoding.UTF8.GetBytes($"<html><head><title>Report</title></head><body><article><p>{body.Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></article></body></html>"),
            ["canary.pdf"] = Pdf(canary),
            ["canary.docx"] = Docx(body),
        };
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }

        return [.. files.Keys.Select(name => Path.Combine(folder, name))];
    }

    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var n = 0; n < 3; n++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText(text, 12, new UglyToad.PdfPig.Core.PdfPoint(40, 700), font);
        }

        return builder.Build();
    }

    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(text.Split("\n\n").Select(p => new Paragraph(new Run(new Text(p))))));
            word.PackageProperties.Title = "Interview";
        }

        return stream.ToArray();
    }
}
