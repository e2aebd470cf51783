using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tumen.Application.Users;

namespace Tumen.Web.Features.Account;

/// <summary>The first step of signing in: the password (throttled per account after six wrong ones).</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<UserAccount> signIn) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    /// <summary>The resource key of the message to show, if any.</summary>
    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginCode");
        }

        Message = result.IsLockedOut ? "TooManyAttempts" : "WrongPassword";
        Response.StatusCode = result.IsLockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized;
        return Page();
    }
}
