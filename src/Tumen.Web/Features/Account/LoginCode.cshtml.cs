using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tumen.Application.Users;
using Tumen.Storage.Users;
using Tumen.Web.Features.Culture;

namespace Tumen.Web.Features.Account;

/// <summary>The second step: a code from the authenticator app, or a one-time recovery code.</summary>
[AllowAnonymous]
public sealed class LoginCodeModel(SignInManager<UserAccount> signIn) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty]
    public string RecoveryCode { get; set; } = "";

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        return user is null ? RedirectToPage("/Account/Login")
            : !user.TwoFactorEnabled ? RedirectToPage("/Account/Enrol")
            : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/Enrol");
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code, isPersistent: false, rememberClient: false);
        return Finish(result, user);
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/Login");
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode);
        return Finish(result, user);
    }

    private IActionResult Finish(Microsoft.AspNetCore.Identity.SignInResult result, UserAccount user)
    {
        if (result.Succeeded)
        {
            CultureEndpoints.SetCookie(HttpContext, user.Culture);
            return LocalRedirect(HomeOf(user.Role));
        }

        Message = result.IsLockedOut ? "TooManyAttempts" : "WrongCode";
        Response.StatusCode = result.IsLockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>Where a role lands after signing in (intake may add, not browse: no dashboard).</summary>
    public static string HomeOf(string role) => role == UserRoles.Intake ? "/account" : "/";
}
