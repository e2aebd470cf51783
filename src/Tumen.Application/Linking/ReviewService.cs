using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tumen.Application.Persons;
using Tumen.Core;
using Tumen.Storage;
using Tumen.Storage.Links;
using Tumen.Storage.Persons;
using Tumen.Storage.Rows;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Linking;

/// <summary>A pair in the review queue, by the persons' codes.</summary>
public sealed record ReviewItem(string Id, string Left, string Right, double Probability, string Status, string? DecidedBy, long? DecidedAt);

/// <summary>What one comparison contributed to a pair's score: the level found and its weight, never the values.</summary>
public sealed record ContributionView(string Column, string Kind, string Level, double Weight);

/// <summary>Why the machine scored a pair as it did; empty for a pair a reviewer named that no run scored.</summary>
public sealed record ExplanationView(double? Prior, IReadOnlyList<ContributionView> Comparisons, double? Probability);

/// <summary>One side of a pair, decrypted (an audited read).</summary>
public sealed record ReviewPerson(string Code, IReadOnlyList<string> Names, string Sex, string BirthDate, string? Origin, string? Source);

/// <summary>A pair with its explanation and, when revealed, both records.</summary>
public sealed record ReviewDetail(
    string Id,
    string Left,
    string Right,
    double Probability,
    string Status,
    string? DecidedBy,
    long? DecidedAt,
    ExplanationView Explanation,
    IReadOnlyList<ReviewPerson> Persons);

/// <summary>A decision as recorded.</summary>
public sealed record ReviewDecision(string Left, string Right, bool Same, string DecidedBy);

/// <summary>
/// The queue of pairs the last link run was unsure about. A decision is kept with who made it and
/// when, and binds every later run. Pairs are named by review id, or by two persons' codes for any
/// pair at all — the way to split a cluster the machine got wrong.
/// </summary>
public sealed class ReviewService(Workspace workspace)
{
    /// <summary>The queue, pending pairs first and most likely first; with <paramref name="all"/> the decided ones too.</summary>
    public async Task<IReadOnlyList<ReviewItem>> ListAsync(bool all, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContext();
        var rows = await new LinkStore(db).ReviewsAsync(all ? null : LinkStore.Pending, cancellationToken).ConfigureAwait(false);
        var codes = await CodesAsync(db, rows, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => Item(r, codes))];
    }

    /// <summary>One pair and why it was scored so; with <paramref name="reveal"/> both records, decrypted and audited.</summary>
    public async Task<ReviewDetail> ShowAsync(string id, bool reveal, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContext();
        var row = await new LinkStore(db).FindAsync(id, cancellationToken).ConfigureAwait(false);
        var codes = await CodesAsync(db, [row], cancellationToken).ConfigureAwait(false);
        var persons = new List<ReviewPerson>();
        if (reveal)
        {
            var store = new PersonStore(db);
            foreach (var personId in new[] { row.LeftId, row.RightId })
            {
                var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
                var r = await store.RevealAsync(person, cancellationToken).ConfigureAwait(false);
                persons.Add(new ReviewPerson(r.Code!, [.. r.Names.Select(n => n.Value)], r.Sex, r.BirthDate, r.Origin, r.Source));
            }

            // The reads are recorded before any plaintext leaves this service.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var item = Item(row, codes);
        return new ReviewDetail(item.Id, item.Left, item.Right, item.Probability, item.Status, item.DecidedBy, item.DecidedAt, Explain(row.Explanation), persons);
    }

    /// <summary>
    /// Records that the pairs named are the same person (<paramref name="same"/>) or two people: one
    /// or more review ids, or exactly two person codes.
    /// </summary>
    public async Task<IReadOnlyList<ReviewDecision>> DecideAsync(IReadOnlyList<string> pairs, bool same, CancellationToken cancellationToken)
    {
        if (pairs.Count == 0)
        {
            throw new TumenException("name a review id, or two person codes.", ErrorKind.BadInput);
        }

        await using var db = workspace.CreateContext();
        var links = new LinkStore(db);
        var rows = new List<LinkReviewRow>();
        if (pairs.Any(IsPersonCode))
        {
            if (pairs.Count != 2 || !pairs.All(IsPersonCode))
            {
                throw new TumenException("give either review ids, or exactly two person codes (P-XXXX-XXXX).", ErrorKind.BadInput);
            }

            var left = await PersonService.RowAsync(db, pairs[0], cancellationToken).ConfigureAwait(false);
            var right = await PersonService.RowAsync(db, pairs[1], cancellationToken).ConfigureAwait(false);
            rows.Add(await links.PairAsync(left.Id, right.Id, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            foreach (var id in pairs)
            {
                rows.Add(await links.FindAsync(id, cancellationToken).ConfigureAwait(false));
            }
        }

        var actor = workspace.Session.Actor;
        foreach (var row in rows)
        {
            links.Decide(row, same, actor);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var codes = await CodesAsync(db, rows, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new ReviewDecision(codes[r.LeftId], codes[r.RightId], same, actor))];
    }

    private static bool IsPersonCode(string text) => text.Trim().StartsWith("P-", StringComparison.OrdinalIgnoreCase);

    private static async Task<Dictionary<Guid, string>> CodesAsync(TumenDbContext db, IReadOnlyList<LinkReviewRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.SelectMany(r => new[] { r.LeftId, r.RightId }).Distinct().ToList();
        if (ids.Count > 2_000)
        {
            return await db.Persons.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, cancellationToken).ConfigureAwait(false);
        }

        return await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code, cancellationToken).ConfigureAwait(false);
    }

    private static ReviewItem Item(LinkReviewRow row, IReadOnlyDictionary<Guid, string> codes) => new(
        row.Id.ToString("D"),
        codes.GetValueOrDefault(row.LeftId, row.LeftId.ToString("D")),
        codes.GetValueOrDefault(row.RightId, row.RightId.ToString("D")),
        row.Probability,
        row.Status,
        row.DecidedBy,
        row.DecidedAt);

    private static ExplanationView Explain(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        double? Number(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
        var comparisons = root.TryGetProperty("comparisons", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(c => new ContributionView(
                c.GetProperty("column").GetString() ?? "",
                c.TryGetProperty("kind", out var kind) ? kind.GetString() ?? "" : "",
                c.GetProperty("level").GetString() ?? "",
                c.GetProperty("weight").GetDouble())).ToList()
            : [];
        return new ExplanationView(Number("prior"), comparisons, Number("probability"));
    }
}
