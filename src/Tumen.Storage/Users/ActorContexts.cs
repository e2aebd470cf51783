using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Users;

/// <summary>
/// Database contexts that write the audit log in the name of a given actor (a web user), over the
/// one key ring a server unlocked at start: the server opens the workspace once, every request
/// acts as its own user.
/// </summary>
public static class ActorContexts
{
    /// <summary>A context whose audit entries name <paramref name="actor"/>. Dispose it after use.</summary>
    public static TumenDbContext CreateContextFor(this Workspace workspace, string actor)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.As(actor).CreateContext();
    }

    /// <summary>How a web user is named in the audit log: by id, never by name.</summary>
    public static string UserActor(Guid userId) => "user:" + userId.ToString("D");
}
