using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Tumen.Application.Users;
using Tumen.Web.Features.Culture;

namespace Tumen.Web.Features.Account;

/// <summary>
/// First sign-in (or after <c>tumen user reset-2fa</c>): the password was right, now the user links
/// an authenticator app by QR code (SVG, drawn on the server) and proves it with one code; then the
/// recovery codes are shown once.
/// </summary>
[AllowAnonymous]
public sealed class EnrolModel(SignInManager<UserAccount> signIn, UserManager<UserAccount> users) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    public string Key { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public string? Message { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string Home { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/LoginCode");
        }

        if (user.AuthenticatorKey is null)
        {
            user.AuthenticatorKey = Totp.NewSecret();
            await users.UpdateAsync(user);
        }

        Show(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || user.AuthenticatorKey is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/LoginCode");
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code, isPersistent: false, rememberClient: false);
        if (!result.Succeeded)
        {
            Message = result.IsLockedOut ? "TooManyAttempts" : "WrongCode";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Show(user);
            return Page();
        }

        var enrolled = (await users.FindByIdAsync(user.Id.ToString("D")))!;
        enrolled.TwoFactorEnabled = true;
        await users.UpdateAsync(enrolled);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(enrolled, Application.Users.RecoveryCodes.Count) ?? []];
        CultureEndpoints.SetCookie(HttpContext, enrolled.Culture);
        Home = LoginCodeModel.HomeOf(enrolled.Role);
        return Page();
    }

    private void Show(UserAccount user)
    {
        Key = user.AuthenticatorKey!;
        var uri = Totp.EnrolmentUri("Tumen", user.UserName, Key);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
