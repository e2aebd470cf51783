using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tumen.Application.Users;
using Tumen.Web.Features.Security;

namespace Tumen.Web.Features.Account;

/// <summary>The signed-in user's own account (every role).</summary>
[Authorize]
public sealed class ProfileModel(UserAccounts accounts) : PageModel
{
    public UserAccount Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var account = await accounts.FindByIdAsync(User.UserId(), cancellationToken);
        if (account is null)
        {
            return Forbid();
        }

        Account = account;
        return Page();
    }
}
