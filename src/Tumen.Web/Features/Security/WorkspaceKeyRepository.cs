using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Tumen.Application.Users;
using Tumen.Storage.Users;
using Tumen.Storage.Workspaces;

namespace Tumen.Web.Features.Security;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys (they sign the session cookies and antiforgery tokens)
/// in the workspace database, encrypted under the workspace key: every server on one PostgreSQL
/// workspace reads the same keys, and a copied database alone cannot forge a session.
/// </summary>
public sealed class WorkspaceKeyRepository(Workspace workspace) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = workspace.CreateContextFor(UserAccounts.ServerActor);
        return [.. db.DataProtectionKeys.AsNoTracking().AsEnumerable()
            .Select(k => XElement.Parse(UserSecrets.UnprotectKeyXml(workspace.Session, k.Id, k.Xml)))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = workspace.CreateContextFor(UserAccounts.ServerActor);
        var id = Guid.NewGuid();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow
        {
            Id = id,
            FriendlyName = friendlyName,
            Xml = UserSecrets.ProtectKeyXml(workspace.Session, id, element.ToString(SaveOptions.DisableFormatting)),
            CreatedAt = workspace.Session.Now(),
        });
        // The data-protection API is synchronous; this runs once per key (every 90 days).
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
