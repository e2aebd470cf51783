using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tumen.Application.Statistics;
using Tumen.Application.Users;
using Tumen.Web.Features.Security;

namespace Tumen.Web.Features.Audit;

/// <summary>The audit log, newest first, for administrators; user ids shown with their login names.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(AuditLogQuery audit, UserAccounts accounts) : PageModel
{
    private Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public AuditPage Entries { get; private set; } = new([], 0);

    public string? ActorFilter { get; private set; }

    public string? ActionFilter { get; private set; }

    public async Task OnGetAsync(long? before, string? actor, string? action, CancellationToken cancellationToken)
    {
        ActorFilter = actor;
        ActionFilter = action;
        Entries = await audit.PageAsync(before, actor, action, cancellationToken);
        _names = (await accounts.ListAsync(cancellationToken)).ToDictionary(u => Storage.Users.ActorContexts.UserActor(u.Id), u => u.UserName, StringComparer.Ordinal);
    }

    public string ActorName(string actor) => _names.TryGetValue(actor, out var name) ? $"{name} ({actor})" : actor;
}
