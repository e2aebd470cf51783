using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Tumen.Intake.Tests;

namespace Tumen.Portal.Tests;

/// <summary>The portal over real HTTP: page weight, headers, cookies, hostile input, floods, and what it keeps.</summary>
public sealed partial class PortalHttpTests
{
    private const string Canary = "HTML-CANARY-<b>bold</b><script>alert(1)</script>";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPage_AtMost100KB_NoScriptNoThirdPartyResources_SafeHeaders()
    {
        await using var portal = await PortalHost.StartAsync();
        using var client = portal.Client();
        var css = await client.GetAsync(new Uri("portal.css", UriKind.Relative), Ct);
        var cssBytes = (await css.Content.ReadAsByteArrayAsync(Ct)).Length;
        var pages = new List<(string Name, string Html, HttpResponseMessage Response)>();
        foreach (var lang in PortalLanguage.All)
        {
            foreach (var path in new[] { "", "report", "follow-up", "safety", "no-such-page" })
            {
                var response = await client.GetAsync(new Uri($"{lang.Slug}/{path}", UriKind.Relative), Ct);
                pages.Add(($"{lang.Slug}/{path}", await response.Content.ReadAsStringAsync(Ct), response));
            }

            var (receiptHtml, _) = await SubmitAsync(client, lang.Slug, new() { ["what"] = "x" });
            pages.Add(($"{lang.Slug}/receipt", receiptHtml, new HttpResponseMessage(HttpStatusCode.OK)));
            var words = ReceiptWords(receiptHtml);
            var hidden = await PortalHost.HiddenFieldsAsync(client, $"{lang.Slug}/follow-up");
            var thread = await client.PostAsync(new Uri($"{lang.Slug}/follow-up", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(hidden) { ["receipt"] = words }), Ct);
            thread.StatusCode.ShouldBe(HttpStatusCode.OK);
            pages.Add(($"{lang.Slug}/thread", await thread.Content.ReadAsStringAsync(Ct), thread));
        }

        var report = new StringBuilder($"page weights (HTML + {cssBytes} B stylesheet):\n");
        foreach (var (name, html, response) in pages)
        {
            var total = Encoding.UTF8.GetByteCount(html) + cssBytes;
            report.Append(name).Append(": ").Append(total).Append(" B\n");
            total.ShouldBeLessThanOrEqualTo(100 * 1024, name);
            html.ShouldNotContain("<script", Case.Insensitive, name);
            html.ShouldContain("id=\"leave\"", Case.Sensitive, name); // the leave link is on every page...
            html.ShouldContain("中文", Case.Sensitive, name);        // ...and so are the language links
            html.ShouldContain("조선말", Case.Sensitive, name);
            ExternalResource().IsMatch(html).ShouldBeFalse(name);
            if (response.Content.Headers.ContentType is not null)
            {
                response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
                var csp = response.Headers.GetValues("Content-Security-Policy").Single();
                csp.ShouldContain("default-src 'none'");
                csp.ShouldNotContain("unsafe-inline");
                response.Headers.Contains("Server").ShouldBeFalse();
                response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            }
        }

        TestContext.Current.SendDiagnosticMessage(report.ToString());
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "page-weights.txt"), report.ToString());
    }

    [Fact]
    public async Task Cookies_OnlyTheSessionAntiforgeryToken()
    {
        await using var portal = await PortalHost.StartAsync();
        using var client = portal.Client();
        var response = await client.GetAsync(new Uri("ko/report", UriKind.Relative), Ct);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.Count.ShouldBe(1);
        cookies[0].ShouldStartWith("t=");
        cookies[0].ShouldContain("samesite=strict", Case.Insensitive);
        cookies[0].ShouldContain("httponly", Case.Insensitive);
        cookies[0].ShouldNotContain("expires", Case.Insensitive);
        cookies[0].ShouldNotContain("max-age", Case.Insensitive);
        (await client.GetAsync(new Uri("ko/", UriKind.Relative), Ct)).Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task FailedSubmission_HtmlInEveryField_ShownBackInertWithEverythingTyped()
    {
        await using var portal = await PortalHost.StartAsync();
        using var client = portal.Client();
        var (html, status) = await SubmitAsync(client, "en", new()
        {
            ["what"] = "",
            ["where"] = "where " + Canary,
            ["when"] = "when " + Canary,
            ["contact_choice"] = "yes",
            ["contact"] = "contact " + Canary,
            ["violation"] = "torture",
            ["consent"] = "legal_proceedings",
        });

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        html.ShouldContain("Please write what happened.");
        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldNotContain("<b>bold</b>");
        html.ShouldContain("where HTML-CANARY-&lt;b&gt;bold&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("when HTML-CANARY-&lt;b&gt;");
        html.ShouldContain("contact HTML-CANARY-&lt;b&gt;");
        html.ShouldContain("value=\"torture\" checked");
        html.ShouldContain("value=\"legal_proceedings\" checked");
        html.ShouldContain("value=\"yes\" checked");
        portal.AllFiles().Any(f => f.Contains("threads", StringComparison.Ordinal)).ShouldBeFalse();

        var (whatHtml, _) = await SubmitAsync(client, "en", new() { ["what"] = "what " + Canary, ["place"] = "<svg onload=x>" });
        whatHtml.ShouldContain("what HTML-CANARY-&lt;b&gt;bold&lt;/b&gt;&lt;script&gt;");
        whatHtml.ShouldContain("One of the choices is not on our list.");
        whatHtml.ShouldNotContain("<svg");
    }

    [Fact]
    public async Task Upload_Over20MB_RefusedWithTextKept_PortalKeepsServing()
    {
        await using var portal = await PortalHost.StartAsync();
        using var client = portal.Client();
        var big = new byte[(21 * 1024 * 1024)];
        TestImages.JpegWithGps().CopyTo(big, 0);
        var (html, status) = await SubmitAsync(client, "ko", new() { ["what"] = "큰 파일과 함께 쓴 글" }, ("big.jpg", "image/jpeg", big));

        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        html.ShouldContain("20 MB보다 커서");
        html.ShouldContain("큰 파일과 함께 쓴 글");
        portal.AllFiles().Sum(f => new FileInfo(f).Length).ShouldBeLessThan(1024 * 1024);
        (await client.GetAsync(new Uri("ko/", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Upload_FileClaimingJpegThatIsNot_RefusedWithTextKept_NothingWritten()
    {
        await using var portal = await PortalHost.StartAsync();
        using var client = portal.Client();
        var (html, status) = await SubmitAsync(client, "zh", new() { ["what"] = "我写的内容" }, ("photo.jpg", "image/jpeg", Encoding.UTF8.GetBytes("<?php echo 'not a photo'; ?>")));

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        html.ShouldContain("我写的内容");
        html.ShouldContain("未被接收");
        portal.AllFiles().Any(f => f.Contains("threads", StringComparison.Ordinal) && !Directory.Exists(f)).ShouldBeFalse();
    }

    [Fact]
    public async Task Upload_PathTraversalName_StoredOnlyAsASealedItemInItsThread()
    {
        await using var portal = await PortalHost.StartAsync();
        using var client = portal.Client();
        var (html, status) = await SubmitAsync(client, "en", new() { ["what"] = "with a photo" }, ("../../../../tmp/evil.jpg", "image/jpeg", TestImages.JpegWithGps()));

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("receipt");
        Directory.EnumerateFileSystemEntries(portal.Root).Select(Path.GetFileName).ShouldBe(["portal"]);
        portal.AllFiles().Select(Path.GetFileName).ShouldNotContain("evil.jpg");
        portal.AllFiles().Count(f => f.EndsWith(".sealed", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Receipts_ForgedRefused_ReplayedFormsAddNothing()
    {
        await using var portal = await PortalHost.StartAsync();
        using var client = portal.Client();
        var hidden = await PortalHost.HiddenFieldsAsync(client, "en/report");
        var form = new Dictionary<string, string>(hidden) { ["what"] = "once" };
        var first = await PostMultipartAsync(client, "en/report", form);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var words = ReceiptWords(await first.Content.ReadAsStringAsync(Ct));
        var replay = await PostMultipartAsync(client, "en/report", form);
        replay.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Directory.GetDirectories(Path.Combine(portal.DataDirectory, "threads")).Length.ShouldBe(1);

        var followHidden = await PortalHost.HiddenFieldsAsync(client, "en/follow-up");
        var forged = await client.PostAsync(new Uri("en/follow-up", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(followHidden) { ["receipt"] = "apple pear grape peach melon watermelon cherry plum chestnut walnut" }), Ct);
        forged.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await forged.Content.ReadAsStringAsync(Ct)).ShouldContain("These words do not open any report.");

        var thread = await client.PostAsync(new Uri("en/follow-up", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(followHidden) { ["receipt"] = words }), Ct);
        var messageForm = new Dictionary<string, string>(PortalHost.HiddenFields(await thread.Content.ReadAsStringAsync(Ct))) { ["message"] = "one more thing" };
        var sent = await client.PostAsync(new Uri("en/follow-up/message", UriKind.Relative), new FormUrlEncodedContent(messageForm), Ct);
        (await sent.Content.ReadAsStringAsync(Ct)).ShouldContain("Your message was added.");
        var replayed = await client.PostAsync(new Uri("en/follow-up/message", UriKind.Relative), new FormUrlEncodedContent(messageForm), Ct);
        (await replayed.Content.ReadAsStringAsync(Ct)).ShouldContain("it was not added twice");
        portal.AllFiles().Count(f => Path.GetFileName(f).StartsWith("m-", StringComparison.Ordinal)).ShouldBe(1);

        using var stranger = portal.Client(); // no antiforgery cookie: a cross-site post
        var crossSite = await stranger.PostAsync(new Uri("en/follow-up/message", UriKind.Relative), new FormUrlEncodedContent(messageForm), Ct);
        crossSite.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        portal.AllFiles().Count(f => Path.GetFileName(f).StartsWith("m-", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Flood_SubmissionsBeyondTheMinuteLimit_RefusedWithTextKept_PagesStillServed()
    {
        await using var portal = await PortalHost.StartAsync(o => o with { SubmissionsPerMinute = 5, RateWindow = TimeSpan.FromHours(1) });
        using var client = portal.Client();
        var statuses = new List<HttpStatusCode>();
        string lastHtml = "";
        for (var i = 0; i < 25; i++)
        {
            (lastHtml, var status) = await SubmitAsync(client, "en", new() { ["what"] = $"flood {i}" });
            statuses.Add(status);
        }

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(5);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(20);
        lastHtml.ShouldContain("flood 24");
        Directory.GetDirectories(Path.Combine(portal.DataDirectory, "threads")).Length.ShouldBe(5);
        (await client.GetAsync(new Uri("en/report", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HundredRequestsWithADistinctiveUserAgent_NoFileOrLogHoldsTheAddressOrAgent()
    {
        const string agent = "TumenCanaryAgent/9.9 (survivor-phone-XJ42)";
        await using var portal = await PortalHost.StartAsync();
        using var client = portal.Client(agent);
        for (var i = 0; i < 100; i++)
        {
            switch (i % 4)
            {
                case 0:
                    (await client.GetAsync(new Uri("ko/report", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
                    break;
                case 1:
                    (await SubmitAsync(client, "ko", new() { ["what"] = $"report {i}" })).Status.ShouldBe(HttpStatusCode.OK);
                    break;
                case 2:
                    await client.GetAsync(new Uri("ko/../../etc/passwd?x=" + i, UriKind.Relative), Ct);
                    break;
                default:
                    await SubmitAsync(client, "ko", new() { ["what"] = "" }, ("x.jpg", "image/jpeg", [1, 2, 3]));
                    break;
            }
        }

        File.Exists(portal.Logs.Path).ShouldBeTrue(); // the log sink is wired: reports were logged
        File.ReadAllText(portal.Logs.Path).ShouldContain("report sealed");
        foreach (var file in portal.AllFiles())
        {
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            text.ShouldNotContain("127.0.0.1", Case.Sensitive, file);
            text.ShouldNotContain("TumenCanaryAgent", Case.Sensitive, file);
            text.ShouldNotContain("XJ42", Case.Sensitive, file);
            if (!string.Equals(file, portal.Logs.Path, StringComparison.Ordinal))
            {
                File.GetLastWriteTimeUtc(file).TimeOfDay.ShouldBe(TimeSpan.Zero, file); // what the portal writes is dated to the day
            }
        }
    }

    [Fact]
    public async Task IntakeApi_WithoutTheToken_LooksAbsent()
    {
        await using var portal = await PortalHost.StartAsync();
        using var client = portal.Client();
        (await client.GetAsync(new Uri("intake/items", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "intake/items");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess");
        (await client.SendAsync(wrong, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var right = new HttpRequestMessage(HttpMethod.Get, "intake/items");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PortalHost.IntakeToken);
        (await client.SendAsync(right, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NoIntakeKeyInstalled_FormSaysClosed_NothingWritten()
    {
        await using var portal = await PortalHost.StartAsync(installKey: false);
        using var client = portal.Client();
        (await client.GetStringAsync(new Uri("en/report", UriKind.Relative), Ct)).ShouldContain("cannot take reports");
        (await client.GetAsync(new Uri("en/", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void PortalAssembly_ReferencesNeitherStorageNorApplication()
    {
        var references = typeof(PortalApp).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        references.ShouldContain("Tumen.Intake");
        references.ShouldNotContain("Tumen.Storage");
        references.ShouldNotContain("Tumen.Application");
        typeof(Tumen.Intake.Mailbox.PortalFolder).Assembly.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain("Tumen.Storage");
    }

    internal static async Task<(string Html, HttpStatusCode Status)> SubmitAsync(HttpClient client, string lang, Dictionary<string, string> fields, (string Name, string Type, byte[] Content)? file = null)
    {
        var hidden = await PortalHost.HiddenFieldsAsync(client, $"{lang}/report");
        var response = await PostMultipartAsync(client, $"{lang}/report", new Dictionary<string, string>(hidden).Concat(fields).ToDictionary(StringComparer.Ordinal), file);
        return (await response.Content.ReadAsStringAsync(Ct), response.StatusCode);
    }

    internal static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string path, Dictionary<string, string> fields, (string Name, string Type, byte[] Content)? file = null)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(f.Type);
            content.Add(part, "files", f.Name);
        }

        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
    }

    internal static string ReceiptWords(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<p class=\"receipt\" id=\"receipt\">([^<]+)</p>").Groups[1].Value);

    [GeneratedRegex("(src|href)=\"(https?:)?//(?!www\\.bing\\.com/\")", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
