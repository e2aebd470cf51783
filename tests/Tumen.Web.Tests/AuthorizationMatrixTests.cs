using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tumen.Storage.Users;

namespace Tumen.Web.Tests;

/// <summary>
/// Every endpoint the application maps (pages and API), called as every role and anonymously,
/// against the table below. The list comes from the app's own endpoint data source, so an endpoint
/// added without a row here fails <see cref="Matrix_EveryEndpointHasARule"/>.
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp web) : IClassFixture<TApp>
    where TApp : WebApp
{
    private const string Anonymous = "anonymous";
    private const string AnySignedIn = "signed-in";
    private static readonly string[] Aggregates = [UserRoles.Administrator, UserRoles.Investigator, UserRoles.Analyst, UserRoles.Legal];
    private static readonly string[] Admin = [UserRoles.Administrator];
    private static readonly string[] Browse = [UserRoles.Investigator, UserRoles.Analyst, UserRoles.Legal];

    /// <summary>Endpoint (method and route pattern) to who may call it.</summary>
    private static readonly Dictionary<string, string[]> Rules = new(StringComparer.Ordinal)
    {
        ["GET /login"] = [Anonymous],
        ["GET /login/code"] = [Anonymous],
        ["GET /login/enrol"] = [Anonymous],
        ["GET /denied"] = [Anonymous],
        ["GET /culture"] = [Anonymous],
        ["GET /openapi/{documentName}.json"] = [Anonymous],
        ["GET /logout"] = [AnySignedIn],
        ["GET /account"] = [AnySignedIn],
        ["GET /"] = Aggregates,
        ["GET /users"] = Admin,
        ["GET /audit"] = Admin,
        ["GET /verify"] = Admin,
        ["GET /persons"] = Browse,
        ["GET /persons/{code}"] = Browse,
        ["GET /api/dashboard"] = Aggregates,
        ["GET /api/audit"] = Admin,
        ["GET /api/users"] = Admin,
        ["POST /api/verify"] = Admin,
    };

    [Fact]
    public void Matrix_EveryEndpointHasARule()
    {
        web.RequireBackend();
        var endpoints = Endpoints().Select(e => e.Key).ToList();
        endpoints.Where(e => !Rules.ContainsKey(e)).ShouldBeEmpty("endpoints without a rule in the authorization matrix");
        Rules.Keys.Where(k => !endpoints.Contains(k)).ShouldBeEmpty("rules for endpoints that no longer exist");
    }

    [Fact]
    public async Task Matrix_EachRoleAndAnonymous_AllowedOrDeniedAsTheTableSays()
    {
        web.RequireBackend();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal) { [Anonymous] = web.NewClient() };
        foreach (var role in UserRoles.All)
        {
            clients[role] = await web.SignedInAsync(role);
            tokens[role] = await web.Accounts.CreateTokenAsync("setup", web.Users[role].Id, "matrix", TestContext.Current.CancellationToken);
        }

        var failures = new List<string>();
        foreach (var (key, (method, path)) in Endpoints())
        {
            var allowed = Rules[key];
            foreach (var (who, client) in clients)
            {
                var expected = allowed.Contains(who) || allowed.Contains(Anonymous) || (allowed.Contains(AnySignedIn) && who != Anonymous);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (path.StartsWith("/api/", StringComparison.Ordinal) && who != Anonymous)
                {
                    request.Headers.Authorization = new("Bearer", tokens[who]);
                }

                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                // The denied page itself answers 403 to everyone: shown, not refused.
                var granted = path == "/denied" ? response.StatusCode == HttpStatusCode.Forbidden && response.Headers.Location is null : Granted(response);
                if (granted != expected)
                {
                    failures.Add($"{key} as {who}: {(int)response.StatusCode} {response.Headers.Location}, expected {(expected ? "allowed" : "denied")}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>Denied means 401, 403, or the sign-in challenge (a redirect to /login with a return URL) or the denied page.</summary>
    private static bool Granted(HttpResponseMessage response) =>
        response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        && !(response.StatusCode == HttpStatusCode.Redirect
             && response.Headers.Location?.OriginalString is { } to
             && (to.Contains("/login?ReturnUrl=", StringComparison.Ordinal) || to.Contains("/denied", StringComparison.Ordinal)));

    private IEnumerable<KeyValuePair<string, (string Method, string Path)>> Endpoints()
    {
        var source = web.App.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = pattern.Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{code}", "P-0000-0000", StringComparison.Ordinal);
            foreach (var method in methods)
            {
                yield return new($"{method} {pattern}", (method, path));
            }
        }
    }
}

public sealed class AuthorizationMatrixSqliteTests(SqliteWebApp web) : AuthorizationMatrixTests<SqliteWebApp>(web);

public sealed class AuthorizationMatrixPostgresTests(PostgresWebApp web) : AuthorizationMatrixTests<PostgresWebApp>(web);
