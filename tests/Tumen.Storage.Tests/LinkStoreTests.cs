using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tumen.Core.Model;
using Tumen.Storage.Links;
using Tumen.Storage.Persons;
using Tumen.Storage.Verification;
using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Tests;

/// <summary>Clusters and the review queue of linked persons, on SQLite and on PostgreSQL.</summary>
public class LinkStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Backends => TestBackend.Names;

    private static async Task<Guid[]> AddPersonsAsync(Workspace workspace, int count)
    {
        await using var db = workspace.CreateContext();
        var store = new PersonStore(db);
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await store.AddAsync(new PersonRecord { Names = [PersonName.Of("박순희" + i)], Source = "list" }, Ct)).Id;
        }

        await db.SaveChangesAsync(Ct);
        return ids;
    }

    private static async Task<LinkSaveSummary> StageAsync(Workspace workspace, Dictionary<Guid, Guid> clusters, params ReviewCandidate[] review)
    {
        await using var db = workspace.CreateContext();
        var summary = await new LinkStore(db).StageRunAsync(clusters, review, Ct);
        await db.SaveChangesAsync(Ct);
        return summary;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Decisions_SurviveLaterRuns_PendingPairsFollowTheLatestRun(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var p = await AddPersonsAsync(workspace, 4);
        var clusters = new Dictionary<Guid, Guid> { [p[0]] = p[0], [p[1]] = p[0], [p[2]] = p[2], [p[3]] = p[3] };

        var first = await StageAsync(workspace, clusters, new ReviewCandidate(p[3], p[2], 0.4, "{}"), new ReviewCandidate(p[0], p[2], 0.3, "{}"));
        first.ShouldBe(new LinkSaveSummary(ClustersChanged: 4, ReviewAdded: 2, ReviewUpdated: 0, ReviewRemoved: 0, ReviewPending: 2));

        await using (var db = workspace.CreateContext())
        {
            var links = new LinkStore(db);
            var pending = await links.ReviewsAsync(LinkStore.Pending, Ct);
            pending.Select(r => r.Probability).ShouldBe([0.4, 0.3]);
            var row = await links.FindAsync(pending[0].Id.ToString("D")[..6], Ct);
            links.Decide(row, same: true, "reviewer-1");
            await db.SaveChangesAsync(Ct);
        }

        // The same pair comes back in the next run, re-scored: the decision stands. The other pair is re-scored.
        var second = await StageAsync(workspace, clusters, new ReviewCandidate(p[2], p[3], 0.45, "{}"), new ReviewCandidate(p[0], p[2], 0.35, "{}"));
        second.ShouldBe(new LinkSaveSummary(0, 0, 1, 0, 1));

        // A run that no longer finds a pending pair uncertain drops it; decided pairs stay.
        clusters[p[3]] = p[2];
        var third = await StageAsync(workspace, clusters);
        third.ShouldBe(new LinkSaveSummary(1, 0, 0, 1, 0));

        await using (var db = workspace.CreateContext())
        {
            var links = new LinkStore(db);
            var decision = (await links.DecisionsAsync(Ct)).ShouldHaveSingleItem();
            new[] { decision.Left, decision.Right }.Order().ShouldBe(new[] { p[2], p[3] }.Order());
            decision.Same.ShouldBeTrue();
            var all = await links.ReviewsAsync(null, Ct);
            all.ShouldHaveSingleItem().DecidedBy.ShouldBe("reviewer-1");
            (await links.ClustersAsync(Ct))[p[3]].ShouldBe(p[2]);
        }

        (await Verifier.VerifyAsync(workspace, null, Ct)).Ok.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task AClusterAlteredOutsideTumen_IsFoundByVerify(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var p = await AddPersonsAsync(workspace, 2);
        await StageAsync(workspace, new Dictionary<Guid, Guid> { [p[0]] = p[0], [p[1]] = p[1] });

        await using (var db = workspace.CreateContext())
        {
            await db.PersonLinks.Where(r => r.PersonId == p[1]).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClusterId, p[0]), Ct);
        }

        var report = await Verifier.VerifyAsync(workspace, null, Ct);
        report.Ok.ShouldBeFalse();
        report.FirstProblem.ShouldBe($"person_links row {p[1]:D}: its seal does not match its content (altered outside Tumen)");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task AWorkspaceFromBeforeLinking_GetsTheNewTablesWhenOpened(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using (var workspace = await backend.CreateWorkspaceAsync())
        {
            await AddPersonsAsync(workspace, 1);

            // Migrating down drops the audit format column: the chain must be one an old Tumen wrote.
            await HardeningTests.DowngradeChainAsync(workspace);
            await using var db = workspace.CreateContext();
            var initial = db.Database.GetMigrations().First();
            await db.GetService<IMigrator>().MigrateAsync(initial, cancellationToken: Ct);
            (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldNotBeEmpty();
        }

        using var reopened = await backend.OpenAsync();
        await using (var db = reopened.CreateContext())
        {
            (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
            (await db.PersonLinks.CountAsync(Ct)).ShouldBe(0);
            (await db.Persons.CountAsync(Ct)).ShouldBe(1);
        }

        (await Verifier.VerifyAsync(reopened, null, Ct)).Ok.ShouldBeTrue();
    }
}
