using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tumen.Application.Persons;
using Tumen.Storage.Workspaces;
using Tumen.Web.Features.Security;

namespace Tumen.Web.Features.Persons;

/// <summary>
/// One person by code; her names and testimony only on an explicit reveal, which only roles with
/// the identifying policy may make and which is in the audit chain (as this user) before the page
/// shows anything.
/// </summary>
[Authorize(Policy = Policies.Browse)]
public sealed class DetailModel(Workspace workspace, IAuthorizationService authorization) : PageModel
{
    public PersonListItem Person { get; private set; } = null!;

    public IReadOnlyList<string> SamePerson { get; private set; } = [];

    public RevealedPerson? Revealed { get; private set; }

    public bool MayReveal { get; private set; }

    public Task OnGetAsync(string code, CancellationToken cancellationToken) => LoadAsync(code, cancellationToken);

    public async Task<IActionResult> OnPostRevealAsync(string code, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Identifying)).Succeeded)
        {
            return Forbid();
        }

        await LoadAsync(code, cancellationToken);
        Revealed = await new PersonService(workspace.As(User.Actor())).RevealAsync(code, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string code, CancellationToken cancellationToken)
    {
        var persons = new PersonService(workspace.As(User.Actor()));
        Person = await persons.ShowAsync(code, cancellationToken);
        SamePerson = await persons.SamePersonAsync(code, cancellationToken);
        MayReveal = (await authorization.AuthorizeAsync(User, Policies.Identifying)).Succeeded;
    }
}
