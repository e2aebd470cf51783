using Microsoft.EntityFrameworkCore;
using Tumen.Application.Imports;
using Tumen.Core;
using Tumen.Storage.Tests;

namespace Tumen.Application.Tests;

public class ImportServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Backends => TestBackend.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ImportPaths_ListsAndDocument_EachStoredWithItsOutcome(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        var outcomes = await new ImportService(test.Workspace).ImportPathsAsync(
            [TestWorkspace.Data("shelter.csv"), TestWorkspace.Data("church.csv"), TestWorkspace.Data("release.md")], force: false, null, Ct);

        outcomes.Select(o => o.File).ShouldBe(["shelter.csv", "church.csv", "release.md"]);
        outcomes[0].List!.Persons.ShouldBe(4);
        outcomes[0].List!.Acts.ShouldBe(4);
        outcomes[1].List!.Persons.ShouldBe(3);
        outcomes[2].Document!.AlreadyStored.ShouldBeFalse();
        outcomes[2].Document!.Claims.ShouldBeGreaterThan(0);
        await using var db = test.Workspace.CreateContext();
        (await db.Persons.CountAsync(Ct)).ShouldBe(7);
        (await db.Sources.CountAsync(s => s.Kind == "document", Ct)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ImportPaths_BadFileAmongGood_BadReportedOthersStored(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        var bad = Path.Combine(test.Backend.Location.Directory, "bad.csv");
        await File.WriteAllTextAsync(bad, "id,name,sex\n1,Secret Name,Q\n", Ct);

        var outcomes = await new ImportService(test.Workspace).ImportPathsAsync([bad, TestWorkspace.Data("shelter.csv")], force: false, null, Ct);

        outcomes[0].Imported.ShouldBeFalse();
        outcomes[0].FailureKind.ShouldBe(ErrorKind.BadInput);
        outcomes[0].Failure!.ShouldContain("line 2");
        outcomes[0].Failure!.ShouldNotContain("Secret Name");
        outcomes[1].Imported.ShouldBeTrue();
        await using var db = test.Workspace.CreateContext();
        (await db.Persons.CountAsync(Ct)).ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ImportFile_SameListTwice_ConflictNamesTheFileAndStoresNothing(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        var service = new ImportService(test.Workspace);
        (await service.ImportFileAsync(TestWorkspace.Data("shelter.csv"), force: false, null, Ct)).Imported.ShouldBeTrue();

        var again = await service.ImportFileAsync(TestWorkspace.Data("shelter.csv"), force: false, null, Ct);

        again.FailureKind.ShouldBe(ErrorKind.Conflict);
        again.Failure!.ShouldContain("shelter.csv");
        await using var db = test.Workspace.CreateContext();
        (await db.Persons.CountAsync(Ct)).ShouldBe(4);
    }

    [Fact]
    public async Task ImportBytes_UploadReportsProgressToTheEnd()
    {
        await using var test = await TestWorkspace.StartAsync("sqlite");
        var reports = new List<ImportProgress>();
        var progress = new SynchronousProgress<ImportProgress>(reports.Add);

        var outcome = await new ImportService(test.Workspace).ImportBytesAsync(
            "upload.csv", await File.ReadAllBytesAsync(TestWorkspace.Data("church.csv"), Ct), force: false, progress, Ct);

        outcome.List!.Persons.ShouldBe(3);
        reports.ShouldNotBeEmpty();
        reports[^1].ShouldBe(new ImportProgress("upload.csv", 3, 3));
    }

    [Fact]
    public async Task ImportBytes_UnknownKind_RefusedAsBadInput()
    {
        await using var test = await TestWorkspace.StartAsync("sqlite");

        var outcome = await new ImportService(test.Workspace).ImportBytesAsync("photo.exe", [1, 2, 3], force: false, null, Ct);

        outcome.FailureKind.ShouldBe(ErrorKind.BadInput);
        outcome.Failure!.ShouldContain("not a list");
    }
}

/// <summary>Reports on the calling thread, so a test sees every report before the call returns.</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
