using System.Security.Claims;
using Tumen.Storage.Users;

namespace Tumen.Web.Features.Security;

/// <summary>Who a request acts as, for the audit log: the signed-in user's id.</summary>
public static class RequestActor
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static string Actor(this ClaimsPrincipal user) => ActorContexts.UserActor(user.UserId());

    public static string Role(this ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.Role) ?? "";
}
