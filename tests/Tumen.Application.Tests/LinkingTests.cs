using Microsoft.EntityFrameworkCore;
using Tumen.Application.Linking;
using Tumen.Application.Persons;
using Tumen.Core;
using Tumen.Storage.Tests;

namespace Tumen.Application.Tests;

public class LinkingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Backends => TestBackend.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Link_SameWomanAcrossListsAndScripts_SharesACluster(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        await test.ImportListsAsync();

        var result = await new WorkspaceLinker(test.Workspace).LinkAsync(null, Ct);

        result.Persons.ShouldBe(7);
        result.Linkage.Records.ShouldBe(7);
        var persons = new PersonService(test.Workspace);
        var pak = (await persons.ListAsync(new PersonQuery("박영옥"), Ct)).Persons;
        pak.Count.ShouldBe(2);
        pak[0].Cluster.ShouldNotBeNull();
        pak[1].Cluster.ShouldBe(pak[0].Cluster);
        (await persons.SamePersonAsync(pak[0].Code, Ct)).ShouldBe([pak[1].Code]);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Decide_TwoCodesRejected_SplitsTheClusterInTheNextRun(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        await test.ImportListsAsync();
        var linker = new WorkspaceLinker(test.Workspace);
        await linker.LinkAsync(null, Ct);
        var persons = new PersonService(test.Workspace);
        var pak = (await persons.ListAsync(new PersonQuery("박영옥"), Ct)).Persons;

        var decisions = await new ReviewService(test.Workspace.As("user:bora")).DecideAsync([pak[0].Code, pak[1].Code], same: false, Ct);
        await linker.LinkAsync(null, Ct);

        decisions.ShouldHaveSingleItem().DecidedBy.ShouldBe("user:bora");
        var after = (await persons.ListAsync(new PersonQuery("박영옥"), Ct)).Persons;
        string.Equals(after[0].Cluster, after[1].Cluster, StringComparison.Ordinal).ShouldBeFalse();
        var decided = (await new ReviewService(test.Workspace).ListAsync(all: true, Ct)).Single(r => r.Status == "different");
        decided.DecidedBy.ShouldBe("user:bora");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Show_RevealedPair_ExplainsAndAuditsBothReads(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        await test.ImportListsAsync();
        await new WorkspaceLinker(test.Workspace).LinkAsync(null, Ct);
        var pak = (await new PersonService(test.Workspace).ListAsync(new PersonQuery("박영옥"), Ct)).Persons;
        var reviews = new ReviewService(test.Workspace.As("user:chan"));
        await reviews.DecideAsync([pak[0].Code, pak[1].Code], same: true, Ct);
        var id = (await reviews.ListAsync(all: true, Ct)).Single(r => r.Status == "same").Id;

        var detail = await reviews.ShowAsync(id[..8], reveal: true, Ct);

        detail.Persons.Count.ShouldBe(2);
        detail.Persons.ShouldAllBe(p => p.Names.Contains("박영옥", StringComparer.Ordinal));
        await using var db = test.Workspace.CreateContext();
        var reads = await db.AuditLog.Where(a => a.Action == "read" && a.Actor == "user:chan").CountAsync(Ct);
        reads.ShouldBe(2);
    }

    [Fact]
    public async Task Decide_MixOfCodeAndReviewId_BadInput()
    {
        await using var test = await TestWorkspace.StartAsync("sqlite");
        await test.ImportListsAsync();

        var error = await Should.ThrowAsync<TumenException>(() => new ReviewService(test.Workspace).DecideAsync(["P-0000-0000", "3f2a91c0", "abcd"], same: true, Ct));

        error.Kind.ShouldBe(ErrorKind.BadInput);
    }

    [Fact]
    public async Task Link_OnePerson_BadInput()
    {
        await using var test = await TestWorkspace.StartAsync("sqlite");
        await new PersonService(test.Workspace).AddAsync(new NewPerson(["Kim Sun-hui"]), Ct);

        var error = await Should.ThrowAsync<TumenException>(() => new WorkspaceLinker(test.Workspace).LinkAsync(null, Ct));

        error.Kind.ShouldBe(ErrorKind.BadInput);
    }
}
