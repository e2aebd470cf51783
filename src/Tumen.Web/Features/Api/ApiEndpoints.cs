using Microsoft.AspNetCore.Http.HttpResults;
using Tumen.Application.Statistics;
using Tumen.Application.Users;
using Tumen.Storage.Verification;
using Tumen.Storage.Workspaces;
using Tumen.Web.Features.Security;

namespace Tumen.Web.Features.Api;

/// <summary>Verification as the API reports it.</summary>
public sealed record VerifyResult(bool Ok, string? FirstProblem, long AuditEntries, string AuditHead, long RowsChecked, long EvidenceFiles);

/// <summary>The HTTP API under <c>/api</c>: token authentication, the same policies as the pages.</summary>
public static class ApiEndpoints
{
    public static void MapTumenApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("tumen");

        api.MapGet("/dashboard", async Task<Ok<DashboardFigures>> (DashboardStatistics statistics, CancellationToken ct) =>
                TypedResults.Ok(await statistics.ComputeAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization(Policies.Aggregates).WithName("api-dashboard");

        api.MapGet("/audit", async Task<Ok<AuditPage>> (long? before, string? actor, string? action, AuditLogQuery audit, CancellationToken ct) =>
                TypedResults.Ok(await audit.PageAsync(before, actor, action, ct).ConfigureAwait(false)))
            .RequireAuthorization(Policies.Administration).WithName("api-audit");

        api.MapGet("/users", async Task<Ok<IReadOnlyList<UserSummary>>> (UserAccounts accounts, CancellationToken ct) =>
                TypedResults.Ok(await accounts.ListAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization(Policies.Administration).WithName("api-users");

        api.MapPost("/verify", async Task<Ok<VerifyResult>> (Workspace workspace, CancellationToken ct) =>
            {
                var report = await Verifier.VerifyAsync(workspace, progress: null, ct).ConfigureAwait(false);
                return TypedResults.Ok(new VerifyResult(report.Ok, report.FirstProblem, report.AuditEntries, report.AuditHead, report.RowsChecked, report.EvidenceFiles));
            })
            .RequireAuthorization(Policies.Administration).WithName("api-verify");
    }
}
