using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tumen.Storage.Verification;
using Tumen.Storage.Workspaces;
using Tumen.Web.Features.Security;

namespace Tumen.Web.Features.Audit;

/// <summary><c>tumen verify</c> in the browser: the audit chain, seals, ciphertexts and evidence hashes.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class VerifyModel(Workspace workspace) : PageModel
{
    public VerifyReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken) =>
        Report = await Verifier.VerifyAsync(workspace, progress: null, cancellationToken);
}
