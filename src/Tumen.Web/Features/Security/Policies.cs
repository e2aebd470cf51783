using Microsoft.AspNetCore.Authorization;
using Tumen.Storage.Users;

namespace Tumen.Web.Features.Security;

/// <summary>
/// The authorization policies, by what a page or API shows. Each names the roles allowed; every
/// endpoint declares one (the authorization matrix test fails on an endpoint without a rule).
/// </summary>
public static class Policies
{
    /// <summary>Counts and charts: nothing that identifies a person.</summary>
    public const string Aggregates = "aggregates";

    /// <summary>Accounts, the audit log and verification.</summary>
    public const string Administration = "administration";

    /// <summary>Adding data (uploads of lists and documents).</summary>
    public const string Intake = "intake";

    /// <summary>Lists of records by pseudonymous code, without names or testimony.</summary>
    public const string Browse = "browse";

    /// <summary>Names, testimony and document text, each view audited.</summary>
    public const string Identifying = "identifying";

    /// <summary>Deciding linkage review pairs.</summary>
    public const string Review = "review";

    /// <summary>The roles of each policy (also the table the documentation shows).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Aggregates] = [UserRoles.Administrator, UserRoles.Investigator, UserRoles.Analyst, UserRoles.Legal],
        [Administration] = [UserRoles.Administrator],
        [Intake] = [UserRoles.Administrator, UserRoles.Investigator, UserRoles.Intake],
        [Browse] = [UserRoles.Investigator, UserRoles.Analyst, UserRoles.Legal],
        [Identifying] = [UserRoles.Investigator, UserRoles.Legal],
        [Review] = [UserRoles.Investigator],
    };

    /// <summary>Registers every policy (sessions on pages and tokens on the API alike) and requires sign-in where none is named.</summary>
    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
