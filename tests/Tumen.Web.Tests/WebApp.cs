using System.Net;
using Microsoft.AspNetCore.Builder;
using System.Text.RegularExpressions;
using Tumen.Application.Users;
using Tumen.Core.Model;
using Tumen.Storage.Persons;
using Tumen.Storage.Tests;
using Tumen.Storage.Users;
using Tumen.Storage.Workspaces;
using Tumen.Web;

namespace Tumen.Web.Tests;

/// <summary>
/// One running web application per test class, on a real backend and on Kestrel at 127.0.0.1 with
/// a free port: a workspace with one enrolled account per role, a few persons (with a canary name
/// and testimony no analyst may ever see), and clients that sign in as each role.
/// </summary>
public abstract partial class WebApp : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    public const string CanaryName = "Canarykim Sunhee";
    public const string CanaryTestimony = "canary-testimony-7f3a";
    public static readonly PasswordCost CheapPasswords = new(8 * 1024, 1);

    private readonly string _provider;
    private TestBackend? _backend;
    private string? _unavailable;

    protected WebApp(string provider) => _provider = provider;

    public Workspace Workspace { get; private set; } = null!;

    public WebApplication App { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    /// <summary>The accounts, by role; each has an authenticator enrolled with a key the tests know.</summary>
    public Dictionary<string, UserAccount> Users { get; } = new(StringComparer.Ordinal);

    public UserAccounts Accounts => new(Workspace, new PasswordHasher(CheapPasswords));

    public async ValueTask InitializeAsync()
    {
        try
        {
            _backend = await TestBackend.StartAsync(_provider);
        }
        catch (Exception ex) when (ex.GetType().Name.Contains("Skip", StringComparison.Ordinal))
        {
            _unavailable = ex.Message;
            return;
        }

        Workspace = await _backend.CreateWorkspaceAsync("web-tests");
        await SeedAsync();
        App = TumenWebApp.Create(Workspace, Options());
        await App.StartAsync();
        Address = App.Address();
    }

    /// <summary>Skips (or, under CI=true, fails) a test when this backend is not available here.</summary>
    public void RequireBackend()
    {
        if (_unavailable is not null)
        {
            Assert.Skip(_unavailable);
        }
    }

    public TumenWebOptions Options() => new() { Urls = "http://127.0.0.1:0", PasswordCost = CheapPasswords, MaxUploadBytes = 1024 * 1024 };

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at each step).</summary>
    public HttpClient NewClient(Uri? address = null, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address ?? Address };

    /// <summary>A client signed in as the account of <paramref name="role"/> (password, then TOTP code).</summary>
    public async Task<HttpClient> SignedInAsync(string role, CookieContainer? cookies = null)
    {
        var client = NewClient(cookies: cookies);
        var user = Users[role];
        (await PostFormAsync(client, "/login", null, ("UserName", user.UserName), ("Password", Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var code = await PostFormAsync(client, "/login/code", null, ("Code", Totp.Code(user.AuthenticatorKey!, TimeProvider.System.GetUtcNow())));
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"second step for {role}");
        return client;
    }

    /// <summary>Posts a form the way a browser does: first GETs the page for its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string? handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        token.Success.ShouldBeTrue($"{path} has no antiforgery token (status {(int)page.StatusCode})");
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        var target = handler is null ? path : $"{path}?handler={handler}";
        return await client.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        Workspace?.Dispose();
        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task SeedAsync()
    {
        var accounts = Accounts;
        foreach (var role in UserRoles.All)
        {
            var user = await accounts.CreateAsync("setup", role + "-user", role, Password, SupportedCultures.English, CancellationToken.None);
            user.AuthenticatorKey = Totp.NewSecret();
            user.TwoFactorEnabled = true;
            await accounts.UpdateAsync("setup", user, CancellationToken.None);
            Users[role] = user;
        }

        await using var db = Workspace.CreateContext();
        var persons = new PersonStore(db);
        await persons.AddAsync(new PersonRecord
        {
            Names = [PersonName.Of(CanaryName)],
            Sex = "female",
            Violation = "trafficking",
            Date = "2019",
            Place = "Yanji",
            Testimony = CanaryTestimony,
            Source = "web-test-list",
        }, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>The web application on a SQLite workspace.</summary>
public sealed class SqliteWebApp() : WebApp(WorkspaceLocation.Sqlite);

/// <summary>The web application on a PostgreSQL workspace (TUMEN_TEST_POSTGRES).</summary>
public sealed class PostgresWebApp() : WebApp(WorkspaceLocation.Postgres);
