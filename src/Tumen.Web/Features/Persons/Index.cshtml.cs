using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tumen.Application.Persons;
using Tumen.Storage.Workspaces;
using Tumen.Web.Features.Security;

namespace Tumen.Web.Features.Persons;

/// <summary>
/// Persons by pseudonymous code, and the name search through the blind index. The searched name is
/// posted, never put in the address, so it stays out of logs and browser history.
/// </summary>
[Authorize(Policy = Policies.Browse)]
public sealed class IndexModel(Workspace workspace) : PageModel
{
    public const int PageSize = 100;

    public PersonPage Result { get; private set; } = new([], 0);

    [BindProperty]
    public string? Name { get; set; }

    public int PageNumber { get; private set; }

    public async Task OnGetAsync(int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(0, page);
        Name = null;
        Result = await new PersonService(workspace.As(User.Actor())).ListAsync(new PersonQuery(null, PageNumber * PageSize, PageSize), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return RedirectToPage();
        }

        Result = await new PersonService(workspace.As(User.Actor())).ListAsync(new PersonQuery(Name, 0, PageSize), cancellationToken);
        return Page();
    }
}
