using Tumen.Application.Imports;
using Tumen.Storage.Tests;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Tests;

/// <summary>A real workspace on a real backend, with the test lists in <c>Data/</c> at hand.</summary>
public sealed class TestWorkspace : IAsyncDisposable
{
    private TestWorkspace(TestBackend backend, Workspace workspace)
    {
        Backend = backend;
        Workspace = workspace;
    }

    public TestBackend Backend { get; }

    /// <summary>Opened as the actor "tester"; take <see cref="Workspace.As"/> for another.</summary>
    public Workspace Workspace { get; }

    public static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    public static async Task<TestWorkspace> StartAsync(string provider)
    {
        var backend = await TestBackend.StartAsync(provider);
        return new TestWorkspace(backend, await backend.CreateWorkspaceAsync());
    }

    /// <summary>Both test lists (two sources, overlapping women in different scripts and spellings).</summary>
    public async Task ImportListsAsync()
    {
        var outcomes = await new ImportService(Workspace).ImportPathsAsync([Data("shelter.csv"), Data("church.csv")], force: false, null, TestContext.Current.CancellationToken);
        outcomes.ShouldAllBe(o => o.Imported);
    }

    public async ValueTask DisposeAsync()
    {
        Workspace.Dispose();
        await Backend.DisposeAsync();
    }
}
