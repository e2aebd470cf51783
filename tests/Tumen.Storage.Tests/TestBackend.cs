using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Tumen.Storage.Protection;
using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Tests;

/// <summary>
/// A throwaway workspace on a real backend: a SQLite file in a fresh folder, or a fresh database on
/// the PostgreSQL server named by TUMEN_TEST_POSTGRES. Without that variable the PostgreSQL cases
/// skip — except under CI=true, where a missing server is a failure.
/// </summary>
public sealed class TestBackend : IAsyncDisposable
{
    public const string Passphrase = "a long test passphrase";
    public static readonly KdfParameters FastKdf = new(8 * 1024, 1);

    private readonly string? _adminConnection;
    private readonly string? _database;

    private TestBackend(WorkspaceLocation location, string? adminConnection, string? database)
    {
        Location = location;
        _adminConnection = adminConnection;
        _database = database;
    }

    /// <summary>The backends every storage test runs on.</summary>
    public static TheoryData<string> Names => new() { WorkspaceLocation.Sqlite, WorkspaceLocation.Postgres };

    public WorkspaceLocation Location { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public static async Task<TestBackend> StartAsync(string provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tumen-tests", Guid.NewGuid().ToString("N"));
        if (provider == WorkspaceLocation.Sqlite)
        {
            return new TestBackend(new WorkspaceLocation(directory, WorkspaceLocation.Sqlite, null), null, null);
        }

        var admin = Environment.GetEnvironmentVariable("TUMEN_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but TUMEN_TEST_POSTGRES is not set: the PostgreSQL storage tests must run in CI.");
            }

            Assert.Skip("PostgreSQL: TUMEN_TEST_POSTGRES is not set");
        }

        var database = "tumen_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = database };
        return new TestBackend(new WorkspaceLocation(directory, WorkspaceLocation.Postgres, builder.ConnectionString), admin, database);
    }

    public Task<Workspace> CreateWorkspaceAsync(string actor = "tester") =>
        Workspace.CreateAsync(Location, Passphrase, actor, Time, FastKdf, TestContext.Current.CancellationToken);

    public Task<Workspace> OpenAsync(string passphrase = Passphrase) =>
        Workspace.OpenAsync(Location, passphrase, "tester", Time, TestContext.Current.CancellationToken);

    /// <summary>A second location on the same backend kind, for restores.</summary>
    public async Task<TestBackend> SiblingAsync() => await StartAsync(Location.Provider);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_adminConnection is not null)
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(Location.Directory))
        {
            Directory.Delete(Location.Directory, recursive: true);
        }
    }
}
