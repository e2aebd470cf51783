using Microsoft.EntityFrameworkCore;
using Tumen.Storage.Users;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Statistics;

/// <summary>One audit entry as administrators read it: ids and actions, never content.</summary>
public sealed record AuditEntry(long Seq, DateTimeOffset At, string Actor, string Action, string Entity, string RecordId);

/// <summary>A page of the audit log, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long Total);

/// <summary>Reads the audit log for the administrators' view, optionally for one actor or action.</summary>
public sealed class AuditLogQuery(Workspace workspace)
{
    public const int PageSize = 100;

    public async Task<AuditPage> PageAsync(long? before, string? actor, string? action, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContextFor(Users.UserAccounts.ServerActor);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(a => a.Actor == actor);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(a => a.Action == action);
        }

        var total = await query.LongCountAsync(cancellationToken).ConfigureAwait(false);
        if (before is { } b)
        {
            query = query.Where(a => a.Seq < b);
        }

        var rows = await query.OrderByDescending(a => a.Seq).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new AuditPage([.. rows.Select(r => new AuditEntry(r.Seq, DateTimeOffset.FromUnixTimeMilliseconds(r.At), r.Actor, r.Action, r.Entity, r.RecordId))], total);
    }
}
