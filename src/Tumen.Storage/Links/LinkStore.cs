using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Storage.Rows;

namespace Tumen.Storage.Links;

/// <summary>A pair the linkage is unsure about, to be put before a reviewer.</summary>
/// <param name="Explanation">JSON of what each comparison contributed (levels and weights, never values).</param>
public sealed record ReviewCandidate(Guid Left, Guid Right, double Probability, string Explanation);

/// <summary>A reviewer's decision, by person id.</summary>
public sealed record StoredDecision(Guid Left, Guid Right, bool Same);

/// <summary>What one save of a linkage run changed.</summary>
public sealed record LinkSaveSummary(int ClustersChanged, int ReviewAdded, int ReviewUpdated, int ReviewRemoved, int ReviewPending);

/// <summary>
/// Keeps the outcome of linking the workspace's persons: each person's cluster and the review queue of
/// uncertain pairs with the reviewers' decisions. Decisions are never overwritten by a later run; pending
/// pairs follow the latest run. Every change goes through the audited, sealed save of the context.
/// </summary>
public sealed class LinkStore(TumenDbContext db)
{
    public const string Pending = "pending";
    public const string Same = "same";
    public const string Different = "different";

    /// <summary>Every decision a reviewer has made.</summary>
    public async Task<IReadOnlyList<StoredDecision>> DecisionsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.LinkReviews.AsNoTracking().Where(r => r.Status != Pending).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new StoredDecision(r.LeftId, r.RightId, r.Status == Same))];
    }

    /// <summary>
    /// Stages the clusters of a run (person id → cluster id; rows change only where the cluster did) and
    /// its review queue: new uncertain pairs are added, pending ones re-scored or, when the run no longer
    /// finds them uncertain, removed; decided pairs stay as decided. The caller saves.
    /// </summary>
    public async Task<LinkSaveSummary> StageRunAsync(IReadOnlyDictionary<Guid, Guid> clusterOf, IReadOnlyList<ReviewCandidate> review, CancellationToken cancellationToken)
    {
        var now = db.Session?.Now() ?? throw new InvalidOperationException("The workspace must be unlocked to store links.");
        var existing = await db.PersonLinks.ToDictionaryAsync(r => r.PersonId, cancellationToken).ConfigureAwait(false);
        var changed = 0;
        foreach (var (person, cluster) in clusterOf)
        {
            if (!existing.TryGetValue(person, out var row))
            {
                db.PersonLinks.Add(new PersonLinkRow { PersonId = person, ClusterId = cluster, LinkedAt = now });
                changed++;
            }
            else if (row.ClusterId != cluster)
            {
                row.ClusterId = cluster;
                row.LinkedAt = now;
                changed++;
            }
        }

        var queue = await db.LinkReviews.ToDictionaryAsync(r => (r.LeftId, r.RightId), cancellationToken).ConfigureAwait(false);
        int added = 0, updated = 0, removed = 0;
        var wanted = new HashSet<(Guid, Guid)>();
        foreach (var candidate in review)
        {
            var key = Ordered(candidate.Left, candidate.Right);
            if (!wanted.Add(key))
            {
                continue;
            }

            if (!queue.TryGetValue(key, out var row))
            {
                db.LinkReviews.Add(new LinkReviewRow
                {
                    Id = Guid.NewGuid(),
                    LeftId = key.Item1,
                    RightId = key.Item2,
                    Probability = candidate.Probability,
                    Status = Pending,
                    UpdatedAt = now,
                    Explanation = candidate.Explanation,
                });
                added++;
            }
            else if (row.Status == Pending && (row.Probability != candidate.Probability || row.Explanation != candidate.Explanation))
            {
                row.Probability = candidate.Probability;
                row.Explanation = candidate.Explanation;
                row.UpdatedAt = now;
                updated++;
            }
        }

        foreach (var row in queue.Values.Where(r => r.Status == Pending && !wanted.Contains((r.LeftId, r.RightId))))
        {
            db.LinkReviews.Remove(row);
            removed++;
        }

        return new LinkSaveSummary(changed, added, updated, removed, wanted.Count(k => !queue.TryGetValue(k, out var r) || r.Status == Pending));
    }

    /// <summary>The review queue (pending first, most likely first), optionally only one status.</summary>
    public async Task<IReadOnlyList<LinkReviewRow>> ReviewsAsync(string? status, CancellationToken cancellationToken)
    {
        var query = db.LinkReviews.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(r => r.Status == status);
        }

        var rows = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Status == Pending ? 0 : 1).ThenByDescending(r => r.Probability).ThenBy(r => r.Id)];
    }

    /// <summary>A review pair by its id or an unambiguous prefix of it (at least 4 characters).</summary>
    public async Task<LinkReviewRow> FindAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var prefix = idOrPrefix.Trim().ToLowerInvariant();
        if (prefix.Length < 4 || !prefix.All(c => char.IsAsciiHexDigit(c) || c == '-'))
        {
            throw new TumenException("give a review id (at least its first 4 characters, as 'tumen review list' prints it).", ExitCode.BadInput);
        }

        var ids = await db.LinkReviews.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var matches = ids.Where(id => id.ToString("D").StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            0 => throw new TumenException($"no review pair {prefix}.", ExitCode.BadInput),
            1 => await db.LinkReviews.SingleAsync(r => r.Id == matches[0], cancellationToken).ConfigureAwait(false),
            _ => throw new TumenException($"{prefix} names {matches.Count} review pairs; give more of the id.", ExitCode.BadInput),
        };
    }

    /// <summary>The review row of two persons, staged as a new unscored one when the queue does not hold them.</summary>
    public async Task<LinkReviewRow> PairAsync(Guid a, Guid b, CancellationToken cancellationToken)
    {
        if (a == b)
        {
            throw new TumenException("a person cannot be paired with itself.", ExitCode.BadInput);
        }

        var (left, right) = Ordered(a, b);
        var row = await db.LinkReviews.SingleOrDefaultAsync(r => r.LeftId == left && r.RightId == right, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new LinkReviewRow
            {
                Id = Guid.NewGuid(),
                LeftId = left,
                RightId = right,
                Probability = 0,
                Status = Pending,
                Explanation = "{}",
            };
            db.LinkReviews.Add(row);
        }

        return row;
    }

    /// <summary>Stages a reviewer's decision (it may replace an earlier one); the caller saves.</summary>
    public void Decide(LinkReviewRow row, bool same, string actor)
    {
        var now = db.Session?.Now() ?? throw new InvalidOperationException("The workspace must be unlocked to decide.");
        row.Status = same ? Same : Different;
        row.DecidedBy = actor;
        row.DecidedAt = now;
        row.UpdatedAt = now;
    }

    /// <summary>Each linked person's cluster id.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> ClustersAsync(CancellationToken cancellationToken) =>
        await db.PersonLinks.AsNoTracking().ToDictionaryAsync(r => r.PersonId, r => r.ClusterId, cancellationToken).ConfigureAwait(false);

    private static (Guid, Guid) Ordered(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);
}
