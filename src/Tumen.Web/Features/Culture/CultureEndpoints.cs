using Microsoft.AspNetCore.Localization;
using Tumen.Application.Users;
using Tumen.Web.Features.Security;

namespace Tumen.Web.Features.Culture;

/// <summary>
/// The language switch: a plain link on every page (works without JavaScript) that sets the culture
/// cookie and, for a signed-in user, remembers the choice in the account.
/// </summary>
public static class CultureEndpoints
{
    public const string Path = "/culture";

    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (string? to, string? back, HttpContext context, UserAccounts accounts, CancellationToken ct) =>
        {
            var culture = SupportedCultures.Normalise(to);
            SetCookie(context, culture);
            if (context.User.Identity?.IsAuthenticated == true && await accounts.FindByIdAsync(context.User.UserId(), ct).ConfigureAwait(false) is { } account
                && !string.Equals(account.Culture, culture, StringComparison.Ordinal))
            {
                account.Culture = culture;
                await accounts.UpdateAsync(context.User.Actor(), account, ct).ConfigureAwait(false);
            }

            // Only a local path: the switch must not become an open redirect.
            var target = back is { Length: > 0 } && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal)
                ? back : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().WithName("culture");

    public static void SetCookie(HttpContext context, string culture)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
    }
}
