using System.Net;
using System.Xml.Linq;
using Tumen.Storage.Users;

namespace Tumen.Web.Tests;

/// <summary>The interface in English, Korean and Chinese, switched by a plain link.</summary>
public sealed class LocalizationTests(SqliteWebApp web) : IClassFixture<SqliteWebApp>
{
    [Theory]
    [InlineData("ko", "대시보드", "로그아웃")]
    [InlineData("zh-Hans", "仪表板", "退出")]
    [InlineData("en", "Dashboard", "Sign out")]
    public async Task CultureLink_SwitchesEveryLabel_AndIsRemembered(string culture, string dashboard, string signOut)
    {
        using var client = await web.SignedInAsync(UserRoles.Investigator);
        var ct = TestContext.Current.CancellationToken;
        using var switched = await client.GetAsync(new Uri($"/culture?to={culture}&back=%2F", UriKind.Relative), ct);
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe("/");
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        html.ShouldContain($"<html lang=\"{culture}\">");
        html.ShouldContain(dashboard);
        html.ShouldContain(signOut);
        (await web.Accounts.FindByIdAsync(web.Users[UserRoles.Investigator].Id, ct))!.Culture.ShouldBe(culture);
    }

    [Fact]
    public async Task CultureLink_RefusesToRedirectOffSite()
    {
        using var client = web.NewClient();
        using var response = await client.GetAsync(new Uri("/culture?to=ko&back=%2F%2Fevil.example", UriKind.Relative), TestContext.Current.CancellationToken);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public void Resources_EveryKeyInEveryLanguage()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Tumen.Web", "Resources");
        string[] Keys(string file) => [.. XDocument.Load(Path.Combine(folder, file)).Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value)).Select(d => d.Attribute("name")!.Value).Order(StringComparer.Ordinal)];
        var english = Keys("SharedResource.resx");
        english.Length.ShouldBeGreaterThan(50);
        Keys("SharedResource.ko.resx").ShouldBe(english);
        Keys("SharedResource.zh-Hans.resx").ShouldBe(english);
    }
}
