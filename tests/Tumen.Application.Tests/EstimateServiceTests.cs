using Tumen.Application.Estimation;
using Tumen.Application.Linking;
using Tumen.Core;
using Tumen.Storage.Tests;

namespace Tumen.Application.Tests;

public class EstimateServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Backends => TestBackend.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task EstimateWorkspace_ListsBySourceId_LabelsOnlyWhenRevealed(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        await test.ImportListsAsync();
        await new WorkspaceLinker(test.Workspace).LinkAsync(null, Ct);
        var request = new EstimateRequest(Method: "independence");

        var hidden = await EstimateService.EstimateWorkspaceAsync(test.Workspace, by: null, revealLists: false, request, Ct);
        var shown = await EstimateService.EstimateWorkspaceAsync(test.Workspace, by: null, revealLists: true, request, Ct);

        hidden.Lists.Count.ShouldBe(2);
        hidden.Lists.ShouldAllBe(l => l.StartsWith("source ", StringComparison.Ordinal));
        string.Join(" ", hidden.Lists).ShouldNotContain("Shelter");
        shown.Lists.ShouldBe(["Church list (test)", "Shelter list (test)"]);
        hidden.Observed.ShouldBe(shown.Observed);
        hidden.Observed.ShouldBeInRange(4, 6);
    }

    [Fact]
    public async Task EstimateWorkspace_BeforeLinking_BadInputSaysWhatToRun()
    {
        await using var test = await TestWorkspace.StartAsync("sqlite");
        await test.ImportListsAsync();

        var error = await Should.ThrowAsync<TumenException>(() => EstimateService.EstimateWorkspaceAsync(test.Workspace, null, false, new EstimateRequest(), Ct));

        error.Kind.ShouldBe(ErrorKind.BadInput);
        error.Message.ShouldContain("tumen link");
    }

    [Fact]
    public void EstimateFile_NotIdentifiable_IsAStructuredNoEstimate()
    {
        var path = Path.Combine(Path.GetTempPath(), "tumen-estimate-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "A,B,C,n\n1,0,0,40\n0,1,0,30\n0,0,1,20\n1,1,0,6\n");
        try
        {
            var outcome = EstimateService.EstimateFile(path, new EstimateRequest(Model: "[12,3]"), TestContext.Current.CancellationToken);

            outcome.NoEstimate.ShouldBeTrue();
            outcome.NoEstimateReason.ShouldNotBeNullOrWhiteSpace();
            outcome.Chart().ShouldStartWith("<svg");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Request_UnknownMethod_BadInput()
    {
        var error = Should.Throw<TumenException>(() => EstimateService.EstimateFile("unused.csv", new EstimateRequest(Method: "guess"), TestContext.Current.CancellationToken));

        error.Kind.ShouldBe(ErrorKind.BadInput);
        error.Message.ShouldContain("stepwise");
    }
}
