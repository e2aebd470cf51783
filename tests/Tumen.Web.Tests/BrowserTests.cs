using Microsoft.Playwright;
using Tumen.Application.Users;
using Tumen.Storage.Users;

namespace Tumen.Web.Tests;

/// <summary>
/// The pages as people use them, in Debian's chromium driven by Playwright, with JavaScript on and
/// off: sign in with a password and a TOTP code (enrolling the authenticator first), switch to
/// Korean and Chinese. Screenshots go to the test output folder; the console must stay free of
/// errors and CSP violations. Skips only when chromium is absent, and never under CI=true.
/// </summary>
public sealed class BrowserTests(SqliteWebApp web) : IClassFixture<SqliteWebApp>
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Browser_EnrolSignInAndSwitchLanguages(bool javaScript)
    {
        RequireChromium();
        var ct = TestContext.Current.CancellationToken;
        var mode = javaScript ? "js" : "nojs";
        var name = "browser-" + mode;
        await web.Accounts.CreateAsync("setup", name, UserRoles.Investigator, WebApp.Password, SupportedCultures.English, ct);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript, BaseURL = web.Address.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync("/");
        page.Url.ShouldContain("/login");
        await page.FillAsync("input[name=UserName]", name);
        await page.FillAsync("input[name=Password]", WebApp.Password);
        await ClickAndLoadAsync(page, "button[type=submit]");
        page.Url.ShouldContain("/login/enrol");
        (await page.Locator(".qr svg").CountAsync()).ShouldBe(1);
        await Shot(page, $"{mode}-enrol");
        var key = (await page.TextContentAsync("#authenticator-key"))!.Trim();
        await page.FillAsync("input[name=Code]", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await ClickAndLoadAsync(page, "main button[type=submit]");
        (await page.Locator("ul.codes li").CountAsync()).ShouldBe(RecoveryCodes.Count);
        await ClickAndLoadAsync(page, "main a");
        (await page.TextContentAsync("h1")).ShouldBe("Dashboard");
        (await page.Locator("svg.map").CountAsync()).ShouldBe(1);
        await Shot(page, $"{mode}-dashboard-en");

        await ClickAndLoadAsync(page, ".languages a[lang=ko]");
        (await page.TextContentAsync("h1")).ShouldBe("대시보드");
        await Shot(page, $"{mode}-dashboard-ko");
        await ClickAndLoadAsync(page, ".languages a[lang=zh-Hans]");
        (await page.TextContentAsync("h1")).ShouldBe("仪表板");
        await Shot(page, $"{mode}-dashboard-zh");

        await ClickAndLoadAsync(page, "form.signout button");
        page.Url.ShouldContain("/login");
        await page.FillAsync("input[name=UserName]", name);
        await page.FillAsync("input[name=Password]", WebApp.Password);
        await ClickAndLoadAsync(page, "button[type=submit]");
        page.Url.ShouldContain("/login/code");
        await page.FillAsync("input[name=Code]", Totp.Code(key, TimeProvider.System.GetUtcNow()));
        await ClickAndLoadAsync(page, "main form button[type=submit]");
        (await page.TextContentAsync("h1")).ShouldBe("仪表板", "the language chosen is kept with the account");

        problems.ShouldBeEmpty();
    }

    /// <summary>Clicks something that loads a new page (a link or a form post) and waits for that page.</summary>
    private static async Task ClickAndLoadAsync(IPage page, string selector)
    {
#pragma warning disable CS0612 // Its replacement (WaitForURL) needs the target URL; forms post back to themselves.
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync(selector));
#pragma warning restore CS0612
    }

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    private static void RequireChromium()
    {
        if (File.Exists(Chromium))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI=true but {Chromium} is missing: .ci/run must install chromium and fonts-noto-cjk.");
        }

        Assert.Skip($"browser tests need {Chromium} (apt-get install chromium fonts-noto-cjk)");
    }
}
