using System.Net;
using Microsoft.AspNetCore.Builder;
using Tumen.Application.Users;
using Tumen.Storage.Users;
using Tumen.Storage.Verification;

namespace Tumen.Web.Tests;

/// <summary>Hostile input, forged posts, guessing passwords, headers, errors and the audit trail, over HTTP.</summary>
public abstract class SecurityTests<TApp>(TApp web) : IClassFixture<TApp>
    where TApp : WebApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        web.RequireBackend();
        using var admin = await web.SignedInAsync(UserRoles.Administrator);
        using var response = await admin.PostAsync(new Uri("/users?handler=Add", UriKind.Relative), new FormUrlEncodedContent(
        [
            KeyValuePair.Create("UserName", "forged-user"), KeyValuePair.Create("Role", UserRoles.Administrator),
            KeyValuePair.Create("Password", "a forged password here"), KeyValuePair.Create("Culture", "en"),
        ]), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await web.Accounts.FindByNameAsync("forged-user", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ScriptPayloadAndSqlText_RenderInertAndAreStoredLiterally()
    {
        web.RequireBackend();
        using var admin = await web.SignedInAsync(UserRoles.Administrator);
        const string Payload = "<script>alert('x')</script>'); DROP TABLE users;--";
        var created = await WebApp.PostFormAsync(admin, "/users", "Token", ("UserId", web.Users[UserRoles.Intake].Id.ToString("D")), ("TokenName", Payload));
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await (await admin.GetAsync(new Uri("/users", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        html.ShouldNotContain("<script>alert");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        (await web.Accounts.ListTokensAsync(Ct)).ShouldContain(t => t.Name == Payload, "stored literally, tables intact");
        (await web.Accounts.ListAsync(Ct)).Count.ShouldBeGreaterThanOrEqualTo(UserRoles.All.Count);

        var echoed = await (await admin.GetAsync(new Uri("/audit?actor=" + Uri.EscapeDataString("<img src=x onerror=alert(1)>"), UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        echoed.ShouldNotContain("<img src=x");
    }

    [Fact]
    public async Task SixWrongPasswords_ThenTheRightOne_IsRefusedForAWhile()
    {
        web.RequireBackend();
        var name = "guessed-" + Guid.NewGuid().ToString("N")[..8];
        await web.Accounts.CreateAsync("setup", name, UserRoles.Investigator, WebApp.Password, "en", Ct);
        using var client = web.NewClient();
        for (var i = 0; i < 6; i++)
        {
            var wrong = await WebApp.PostFormAsync(client, "/login", null, ("UserName", name), ("Password", "wrong password " + i));
            wrong.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
        }

        var right = await WebApp.PostFormAsync(client, "/login", null, ("UserName", name), ("Password", WebApp.Password));
        right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await right.Content.ReadAsStringAsync(Ct)).ShouldContain("Too many wrong attempts");
        var account = await web.Accounts.FindByNameAsync(name, Ct);
        account!.LockoutEnd.ShouldNotBeNull();
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders_AndNoStore()
    {
        web.RequireBackend();
        using var admin = await web.SignedInAsync(UserRoles.Administrator);
        using var response = await admin.GetAsync(new Uri("/", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        string.Join(",", response.Headers.GetValues("X-Content-Type-Options")).ShouldBe("nosniff");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS only over TLS");
    }

    [Fact]
    public async Task ApiErrors_AreProblemDetails_WithoutExceptionText()
    {
        web.RequireBackend();
        using var client = web.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit?before=not-a-number");
        var token = await web.Accounts.CreateTokenAsync("setup", web.Users[UserRoles.Administrator].Id, "errors", Ct);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("\"status\":400");
        body.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task AnalystResponses_NeverContainTheCanaryNameOrTestimony()
    {
        web.RequireBackend();
        using var analyst = await web.SignedInAsync(UserRoles.Analyst);
        var token = await web.Accounts.CreateTokenAsync("setup", web.Users[UserRoles.Analyst].Id, "canary", Ct);
        foreach (var path in new[] { "/", "/account", "/api/dashboard" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new("Bearer", token);
            using var response = await analyst.SendAsync(request, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var body = await response.Content.ReadAsStringAsync(Ct);
            body.ShouldNotContain(WebApp.CanaryName, Case.Insensitive, path);
            body.ShouldNotContain(WebApp.CanaryTestimony, Case.Insensitive, path);
        }
    }

    [Fact]
    public async Task AdminChanges_AreAuditedAsTheUser_AndVerifyPassesAfter()
    {
        web.RequireBackend();
        using var admin = await web.SignedInAsync(UserRoles.Administrator);
        var name = "audited-" + Guid.NewGuid().ToString("N")[..8];
        (await WebApp.PostFormAsync(admin, "/users", "Add", ("UserName", name), ("Role", UserRoles.Legal), ("Culture", "ko"), ("Password", WebApp.Password)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var created = await web.Accounts.FindByNameAsync(name, Ct);
        created.ShouldNotBeNull();
        created.Culture.ShouldBe("ko");

        await using (var db = web.Workspace.CreateContext())
        {
            var actor = ActorContexts.UserActor(web.Users[UserRoles.Administrator].Id);
            var id = created.Id.ToString("D");
            db.AuditLog.Where(a => a.Actor == actor && a.Action == "create" && a.Entity == "users" && a.RecordId == id).ToList()
                .ShouldHaveSingleItem();
        }

        var verify = await WebApp.PostFormAsync(admin, "/verify", null);
        (await verify.Content.ReadAsStringAsync(Ct)).ShouldContain("id=\"verify-result\"");
        var report = await Verifier.VerifyAsync(web.Workspace, null, Ct);
        report.FirstProblem.ShouldBeNull();
        report.Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task SecondServer_OnTheSameWorkspace_AcceptsTheFirstServersSession()
    {
        web.RequireBackend();
        await using var second = TumenWebApp.Create(web.Workspace, web.Options());
        await second.StartAsync(Ct);
        var cookies = new CookieContainer();
        using var admin = await web.SignedInAsync(UserRoles.Administrator, cookies);
        // Cookies do not depend on the port: the second server gets the session the first one made.
        using var onSecond = web.NewClient(second.Address(), cookies);
        using var response = await onSecond.GetAsync(new Uri("/users", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the data-protection keys are shared through the workspace");
        await second.StopAsync(Ct);
    }
}

public sealed class SecuritySqliteTests(SqliteWebApp web) : SecurityTests<SqliteWebApp>(web);

public sealed class SecurityPostgresTests(PostgresWebApp web) : SecurityTests<PostgresWebApp>(web);

/// <summary>Revealing a person's names: only for roles that may, and in the audit chain as the user.</summary>
public sealed class RevealTests(SqliteWebApp web) : IClassFixture<SqliteWebApp>
{
    [Fact]
    public async Task Reveal_ByInvestigator_ShowsNamesAndIsAuditedAsTheUser_AnalystIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var code = (await new Application.Persons.PersonService(web.Workspace).ListAsync(new Application.Persons.PersonQuery(), ct)).Persons[0].Code;

        using var analyst = await web.SignedInAsync(UserRoles.Analyst);
        var detail = await (await analyst.GetAsync(new Uri("/persons/" + code, UriKind.Relative), ct)).Content.ReadAsStringAsync(ct);
        detail.ShouldContain(code);
        detail.ShouldNotContain(WebApp.CanaryName);
        (await WebApp.PostFormAsync(analyst, "/persons/" + code, "Reveal")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "forbidden: sent to the denied page");

        using var investigator = await web.SignedInAsync(UserRoles.Investigator);
        var revealed = await WebApp.PostFormAsync(investigator, "/persons/" + code, "Reveal");
        revealed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await revealed.Content.ReadAsStringAsync(ct)).ShouldContain(WebApp.CanaryName);

        await using var db = web.Workspace.CreateContext();
        var actor = ActorContexts.UserActor(web.Users[UserRoles.Investigator].Id);
        db.AuditLog.Where(a => a.Actor == actor && a.Entity == "persons").ToList().ShouldNotBeEmpty();
        (await Verifier.VerifyAsync(web.Workspace, null, ct)).Ok.ShouldBeTrue();
    }
}
