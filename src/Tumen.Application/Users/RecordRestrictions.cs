using Microsoft.EntityFrameworkCore;
using Tumen.Storage.Users;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Users;

/// <summary>
/// Per-record restriction lists: a record with a list is visible only to the users on it (a
/// survivor who asked that only her own investigator see her file).
/// </summary>
public sealed class RecordRestrictions(Workspace workspace)
{
    /// <summary>Replaces the list of users who may see a record; an empty list lifts the restriction.</summary>
    public async Task SetAsync(string actor, string entity, Guid recordId, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        await using var db = workspace.CreateContextFor(actor);
        var existing = await db.RecordRestrictions.Where(r => r.Entity == entity && r.RecordId == recordId).ToListAsync(cancellationToken).ConfigureAwait(false);
        db.RecordRestrictions.RemoveRange(existing.Where(r => !userIds.Contains(r.UserId)));
        foreach (var userId in userIds.Where(u => existing.TrueForAll(r => r.UserId != u)))
        {
            db.RecordRestrictions.Add(new RecordRestrictionRow
            {
                Id = Guid.NewGuid(),
                Entity = entity,
                RecordId = recordId,
                UserId = userId,
                CreatedAt = workspace.Session.Now(),
            });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids of the records of <paramref name="entity"/> that <paramref name="userId"/> may not see.</summary>
    public async Task<IReadOnlySet<Guid>> HiddenFromAsync(Guid userId, string entity, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContextFor(UserAccounts.ServerActor);
        var rows = await db.RecordRestrictions.AsNoTracking().Where(r => r.Entity == entity)
            .Select(r => new { r.RecordId, r.UserId }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.RecordId).Where(g => g.All(r => r.UserId != userId)).Select(g => g.Key).ToHashSet();
    }

    /// <summary>Whether <paramref name="userId"/> may see one record.</summary>
    public async Task<bool> MaySeeAsync(Guid userId, string entity, Guid recordId, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContextFor(UserAccounts.ServerActor);
        var allowed = await db.RecordRestrictions.AsNoTracking().Where(r => r.Entity == entity && r.RecordId == recordId)
            .Select(r => r.UserId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return allowed.Count == 0 || allowed.Contains(userId);
    }
}
