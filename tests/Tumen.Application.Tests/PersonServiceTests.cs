using Microsoft.EntityFrameworkCore;
using Tumen.Application.Persons;
using Tumen.Core;
using Tumen.Storage.Tests;

namespace Tumen.Application.Tests;

public class PersonServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Backends => TestBackend.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task List_ShowsCodesOnly_PagedWithTotal(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        await test.ImportListsAsync();
        var service = new PersonService(test.Workspace);

        var all = await service.ListAsync(new PersonQuery(), Ct);
        var page = await service.ListAsync(new PersonQuery(Skip: 2, Take: 3), Ct);

        all.Total.ShouldBe(7);
        all.Persons.Select(p => p.Code).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
        page.Total.ShouldBe(7);
        page.Persons.Select(p => p.Code).ShouldBe(all.Persons.Skip(2).Take(3).Select(p => p.Code));
        all.Persons.ShouldContain(p => p.Origin == "Hoeryong");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Search_HangulNameByItsHangul_FindsOnlyHer(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        await test.ImportListsAsync();
        var service = new PersonService(test.Workspace);

        var found = await service.ListAsync(new PersonQuery("박영옥"), Ct);

        found.Total.ShouldBe(2);
        var revealed = await service.RevealAsync(new PersonQuery("박영옥"), Ct);
        revealed.ShouldAllBe(p => p.Names.Contains("박영옥", StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Reveal_IsAuditedUnderTheViewsActor_BeforeItReturns(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        await test.ImportListsAsync();
        var code = (await new PersonService(test.Workspace).ListAsync(new PersonQuery("Pak"), Ct)).Persons.Single().Code;

        var revealed = await new PersonService(test.Workspace.As("user:alice")).RevealAsync(code, Ct);

        revealed.Names.ShouldBe(["Pak Yong-ok", "박영옥"]);
        revealed.BirthDate.ShouldBe("1987-11-20");
        revealed.Source.ShouldBe("Shelter list (test)");
        await using var db = test.Workspace.CreateContext();
        var last = await db.AuditLog.OrderByDescending(a => a.Seq).FirstAsync(Ct);
        last.Action.ShouldBe("read");
        last.Actor.ShouldBe("user:alice");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Add_AbbreviatedSexAccepted_AsTheCsvPathAcceptsIt(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        var service = new PersonService(test.Workspace);

        var code = await service.AddAsync(new NewPerson(["  최은정 ", "Choe Un-jong"], Sex: "F", Violation: "강제 북송", Origin: "회령"), Ct);

        var shown = await service.ShowAsync(code, Ct);
        shown.Sex.ShouldBe("female");
        shown.Origin.ShouldBe("Hoeryong");
        (await service.RevealAsync(code, Ct)).Names.ShouldBe(["최은정", "Choe Un-jong"]);
    }

    [Fact]
    public async Task Add_UnknownViolation_BadInputAndNothingStored()
    {
        await using var test = await TestWorkspace.StartAsync("sqlite");
        var service = new PersonService(test.Workspace);

        var error = await Should.ThrowAsync<TumenException>(() => service.AddAsync(new NewPerson(["Kim"], Violation: "no such thing"), Ct));

        error.Kind.ShouldBe(ErrorKind.BadInput);
        (await service.ListAsync(new PersonQuery(), Ct)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Show_UnknownCode_NotFound_WithoutEchoingOddInput()
    {
        await using var test = await TestWorkspace.StartAsync("sqlite");

        var error = await Should.ThrowAsync<TumenException>(() => new PersonService(test.Workspace).ShowAsync("Kim Sun-hui <script>", Ct));

        error.Kind.ShouldBe(ErrorKind.NotFound);
        error.Message.ShouldNotContain("Kim");
    }
}
