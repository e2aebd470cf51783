using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tumen.Application.Users;
using Tumen.Core;
using Tumen.Web.Features.Security;

namespace Tumen.Web.Features.Users;

/// <summary>Accounts and API tokens, for administrators; the same operations as <c>tumen user</c>.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(UserAccounts accounts, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public IReadOnlyList<ApiTokenSummary> Tokens { get; private set; } = [];

    public string? Message { get; private set; }

    public bool Failed { get; private set; }

    public string? NewToken { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostAddAsync(string userName, string role, string culture, string password, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await accounts.CreateAsync(User.Actor(), userName, role, password, culture, cancellationToken);
            Message = l["UserAdded"];
        }, cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(string userName, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await accounts.DisableAsync(User.Actor(), userName, cancellationToken);
            Message = l["UserDisabled"];
        }, cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(string userName, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await accounts.ResetTwoFactorAsync(User.Actor(), userName, cancellationToken);
            Message = l["TwoFactorReset"];
        }, cancellationToken);

    public Task<IActionResult> OnPostTokenAsync(Guid userId, string? tokenName, CancellationToken cancellationToken) =>
        RunAsync(async () => NewToken = await accounts.CreateTokenAsync(User.Actor(), userId, tokenName ?? "", cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken) =>
        RunAsync(() => accounts.RevokeTokenAsync(User.Actor(), tokenId, cancellationToken), cancellationToken);

    private async Task<IActionResult> RunAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
        }
        catch (TumenException ex) when (ex.Kind is ErrorKind.BadInput or ErrorKind.NotFound or ErrorKind.Conflict)
        {
            // The message names the rule that was broken, never stored content.
            Message = ex.Message;
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await accounts.ListAsync(cancellationToken);
        Tokens = await accounts.ListTokensAsync(cancellationToken);
    }
}
