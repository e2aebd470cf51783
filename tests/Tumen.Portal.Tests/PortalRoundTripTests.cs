using System.Net;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tumen.Intake.Tests;
using Tumen.Storage.Evidence;
using Tumen.Storage.Persons;
using Tumen.Storage.Protection;
using Tumen.Storage.Workspaces;
using Directory = System.IO.Directory;

namespace Tumen.Portal.Tests;

/// <summary>
/// The whole path a survivor's report takes, in a real browser with JavaScript off: sent in Korean
/// with a photo carrying GPS, sealed on the portal, pulled into a workspace, answered, and the
/// answer read back with the receipt words.
/// </summary>
public sealed class PortalRoundTripTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Canary = "연길 시장 뒤에서 일어난 일 CANARY-두만강-5521";
    private const string ReplyText = "받았습니다. 안전하십니까? 조사팀 드림";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Browser_KoreanReportWithGpsPhoto_JsOff_SealedPulledStrippedAnsweredAndReadBack()
    {
        RequireChromium();
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        var root = Directory.CreateTempSubdirectory("tumen-roundtrip-").FullName;
        var workspaceDir = Path.Combine(root, "workspace");
        var variables = CliRun.Variables(workspaceDir);
        using (await Workspace.CreateAsync(new WorkspaceLocation(workspaceDir, WorkspaceLocation.Sqlite, null), CliRun.Passphrase, "test", TimeProvider.System, new KdfParameters(8 * 1024, 1), Ct))
        {
        }

        var keygen = await CliRun.RunAsync(variables, Ct, "intake", "keygen", "--portal-data", Path.Combine(root, "portal"));
        keygen.Code.ShouldBe(0, keygen.Error);
        var token = keygen.Out.Split('\n').Single(l => l.StartsWith("intake token", StringComparison.Ordinal)).Split(' ')[^1];
        await using var portal = await PortalHost.StartAsync(installKey: false, root: root);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "ko-KR", ViewportSize = new ViewportSize { Width = 412, Height = 915 } });
        var page = await context.NewPageAsync();
        var thirdParty = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(portal.BaseAddress.ToString(), StringComparison.Ordinal))
            {
                thirdParty.Add(request.Url);
            }
        };

        // She opens the portal (Korean from her browser's language), then the form.
        await page.GotoAsync(portal.BaseAddress.ToString());
        page.Url.ShouldEndWith("/ko/");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "1-home-ko.png"), FullPage = true });
        await page.ClickAsync("a[href='/ko/report']");
        await page.FillAsync("#what", Canary);
        await page.FillAsync("#where", "연길");
        await page.CheckAsync("input[name=violation][value=trafficking]");
        await page.CheckAsync("input[name=consent][value=storage]");
        await page.CheckAsync("input[name=consent][value=share_with_un]");
        await page.SetInputFilesAsync("#files", new FilePayload { Name = "IMG_20260301_0932.jpg", MimeType = "image/jpeg", Buffer = TestImages.JpegWithGps() });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "2-report-form-ko.png"), FullPage = true });
        await page.ClickAsync("button[type=submit]");
        var words = (await page.TextContentAsync("#receipt"))!.Trim();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "3-receipt-ko.png"), FullPage = true });
        words.Split(' ').Length.ShouldBe(10);
        words.Any(c => c is >= '\uAC00' and <= '\uD7A3').ShouldBeTrue(); // Hangul words

        // The portal's folder holds only ciphertext.
        var gpsBlock = TestImages.ExifWithGps();
        foreach (var file in portal.AllFiles())
        {
            var bytes = File.ReadAllBytes(file);
            Encoding.UTF8.GetString(bytes).ShouldNotContain("CANARY-두만강", Case.Sensitive, file);
            Encoding.UTF8.GetString(bytes).ShouldNotContain("연길", Case.Sensitive, file);
            Encoding.Latin1.GetString(bytes).ShouldNotContain(TestImages.CommentCanary, Case.Sensitive, file);
            bytes.AsSpan().IndexOf(gpsBlock).ShouldBe(-1, file);
        }

        // The investigators pull it into the workspace.
        var pull = await CliRun.RunAsync(variables, Ct, "intake", "pull", "--from", portal.BaseAddress.ToString());
        pull.Code.ShouldBe(0, pull.Error);
        pull.Out.ShouldContain("1 reports");
        var code = pull.Out.Split(' ')[^1].Trim();

        using (var workspace = await Workspace.OpenAsync(WorkspaceLocation.Load(workspaceDir), CliRun.Passphrase, "test", TimeProvider.System, Ct))
        {
            await using var db = workspace.CreateContext();
            var store = new PersonStore(db);
            var row = (await store.FindByCodeAsync(code, Ct)).ShouldNotBeNull();
            var person = await store.RevealAsync(row, Ct);
            person.Testimony.ShouldBe(Canary);
            person.Violation.ShouldBe("trafficking");
            person.Attributes["intake_status"].ShouldBe("new");
            var consents = await db.Consents.AsNoTracking().Where(c => c.PersonId == row.Id).ToDictionaryAsync(c => c.Scope, c => c.Given, StringComparer.Ordinal, Ct);
            consents["storage"].ShouldBeTrue();
            consents["share_with_un"].ShouldBeTrue();
            consents["legal_proceedings"].ShouldBeFalse();
            consents["publication_anonymised"].ShouldBeFalse();
            var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Id == row.SourceId, Ct);
            source.Kind.ShouldBe("testimony");
            var evidence = await db.Evidence.AsNoTracking().SingleAsync(e => e.Id == source.EvidenceFileId, Ct);
            var photo = new EvidenceStore(db).Open(evidence);
            evidence.MediaType.ShouldBe("image/jpeg");
            ImageMetadataReader.ReadMetadata(new MemoryStream(TestImages.JpegWithGps())).OfType<GpsDirectory>().ShouldNotBeEmpty(); // the reader does see GPS when it is there
            ImageMetadataReader.ReadMetadata(new MemoryStream(photo)).OfType<GpsDirectory>().ShouldBeEmpty();
            ImageMetadataReader.ReadMetadata(new MemoryStream(photo)).OfType<ExifIfd0Directory>().ShouldBeEmpty();
            TestImages.ScanData(photo).SequenceEqual(TestImages.ScanData(TestImages.JpegWithGps())).ShouldBeTrue();
        }

        // An investigator replies; the reply is sealed to her receipt and delivered to the portal.
        var reply = await CliRun.RunAsync(variables, Ct, "intake", "reply", code, "--text", ReplyText, "--to", portal.BaseAddress.ToString());
        reply.Code.ShouldBe(0, reply.Error);
        foreach (var file in portal.AllFiles())
        {
            Encoding.UTF8.GetString(File.ReadAllBytes(file)).ShouldNotContain("조사팀 드림", Case.Sensitive, file);
        }

        // She comes back, JavaScript still off, types her words and reads the reply.
        await page.GotoAsync(portal.BaseAddress + "ko/follow-up");
        await page.FillAsync("#receipt", words);
        await page.ClickAsync("button[type=submit]");
        (await page.TextContentAsync("main"))!.ShouldContain(ReplyText);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "4-reply-ko.png"), FullPage = true });
        await page.FillAsync("#message", "고맙습니다. 더 알려 드릴 것이 있습니다.");
        await page.ClickAsync("button[type=submit]");
        (await page.TextContentAsync("#notice"))!.ShouldBe("글을 더했습니다.");
        await page.ClickAsync("a[lang='ko-KP']");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "5-follow-up-ko-KP.png"), FullPage = true });
        thirdParty.ShouldBeEmpty();

        var second = await CliRun.RunAsync(variables, Ct, "intake", "pull", "--from", portal.BaseAddress.ToString());
        second.Out.ShouldContain("0 reports, 1 messages imported; 1 already imported");
        token.Length.ShouldBe(64);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task PortalCommand_NoWorkspaceAndAnUnreadableWorkspaceFolder_ServesAndNeverOpensIt()
    {
        var root = Directory.CreateTempSubdirectory("tumen-noworkspace-").FullName;
        var workspaceDir = Directory.CreateDirectory(Path.Combine(root, "workspace")).FullName;
        File.WriteAllText(Path.Combine(workspaceDir, "tumen.db"), "not to be opened");
        File.SetUnixFileMode(workspaceDir, UnixFileMode.None);
        try
        {
            var variables = CliRun.Variables(workspaceDir);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            using var output = new StringWriter();
            var env = new Tumen.Cli.CliEnvironment(output, TextWriter.Null, TextReader.Null, n => variables.GetValueOrDefault(n), TimeProvider.System, false);
            var run = Tumen.Cli.CliApp.RunAsync(["portal", "--urls", "http://127.0.0.1:0", "--data", Path.Combine(root, "portal")], env, stop.Token);
            string? url = null;
            for (var i = 0; i < 600 && url is null && !run.IsCompleted; i++)
            {
                await Task.Delay(100, Ct);
                url = output.ToString().Split(' ').FirstOrDefault(w => w.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
            }

            url.ShouldNotBeNull(output.ToString());
            using var client = new HttpClient { BaseAddress = new Uri(url + "/") };
            (await client.GetAsync(new Uri("ko/", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync(new Uri("zh/report", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            Directory.EnumerateFileSystemEntries("/proc/self/fd")
                .Select(fd => new FileInfo(fd).LinkTarget ?? "")
                .ShouldNotContain(t => t.StartsWith(workspaceDir, StringComparison.Ordinal));
            await stop.CancelAsync();
            (await run).ShouldBeOneOf(0, 130); // stopped by cancellation, as Ctrl+C would
        }
        finally
        {
            File.SetUnixFileMode(workspaceDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(root, recursive: true);
        }
    }

    private static void RequireChromium()
    {
        if (File.Exists(Chromium))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Chromium} is missing; CI must install Debian's chromium.");
        }

        Assert.Skip($"{Chromium} is not installed");
    }
}
