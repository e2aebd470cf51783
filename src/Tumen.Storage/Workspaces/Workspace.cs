using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tumen.Core;
using Tumen.Storage.Protection;
using Tumen.Storage.Rows;

namespace Tumen.Storage.Workspaces;

/// <summary>
/// An open, unlocked workspace. Creating one makes a fresh data key and wraps it under the
/// passphrase; opening one unwraps it, and a wrong passphrase stops here before anything is read
/// or written.
/// </summary>
public sealed class Workspace : IDisposable
{
    private const string KeyMeta = "wrapped_key";
    private const string FormatMeta = "format";

    private readonly bool _ownsKeys;

    private Workspace(WorkspaceLocation location, WorkspaceSession session, bool ownsKeys = true)
    {
        Location = location;
        Session = session;
        _ownsKeys = ownsKeys;
    }

    public WorkspaceLocation Location { get; }

    public WorkspaceSession Session { get; }

    /// <summary>Creates a new workspace; on any failure nothing is left behind.</summary>
    public static Task<Workspace> CreateAsync(
        WorkspaceLocation location, string passphrase, string actor, TimeProvider time, KdfParameters? kdf, CancellationToken cancellationToken)
    {
        ValidatePassphrase(passphrase);
        var (keys, wrapped) = KeyRing.Create(passphrase, kdf ?? KdfParameters.Default);
        return InitializeAsync(location, new WorkspaceSession(keys, actor, time), async (db, ct) =>
        {
            db.Meta.Add(new MetaRow { Key = FormatMeta, Value = "1" });
            db.Meta.Add(new MetaRow { Key = KeyMeta, Value = JsonSerializer.Serialize(wrapped, StorageJson.Options) });
            db.RecordAccess("init", "workspace", location.Provider);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Creates an empty workspace at <paramref name="location"/> and lets <paramref name="fill"/> write
    /// its first rows inside one transaction; the manifest is written last, so a workspace without one
    /// is never half-made. On any failure the new database is removed again.
    /// </summary>
    internal static async Task<Workspace> InitializeAsync(
        WorkspaceLocation location, WorkspaceSession session, Func<TumenDbContext, CancellationToken, Task> fill, CancellationToken cancellationToken)
    {
        if (File.Exists(location.ManifestPath))
        {
            session.Keys.Dispose();
            throw new TumenException($"a workspace already exists at {location.Directory}; nothing was changed.", ExitCode.Workspace);
        }

        if (location.Provider == WorkspaceLocation.Sqlite && File.Exists(location.DatabasePath))
        {
            session.Keys.Dispose();
            throw new TumenException($"{location.DatabasePath} exists but has no manifest; move it away first.", ExitCode.Workspace);
        }

        var createdDirectory = !Directory.Exists(location.Directory);
        Directory.CreateDirectory(location.Directory);
        var workspace = new Workspace(location, session);
        var migrated = false;
        try
        {
            await using (var db = CreateContext(location, workspace.Session, create: true))
            {
                if (location.Provider == WorkspaceLocation.Postgres && (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
                {
                    throw new TumenException("that PostgreSQL database already holds a Tumen workspace; nothing was changed.", ExitCode.Workspace);
                }

                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                migrated = true;
                await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await fill(db, cancellationToken).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            location.WriteManifest();
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            await RemoveAsync(location, migrated, createdDirectory).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Removes a workspace's database (used to undo a failed creation or restore).</summary>
    internal static async Task RemoveAsync(WorkspaceLocation location, bool dropPostgresTables, bool removeDirectory)
    {
        File.Delete(location.ManifestPath);
        if (location.Provider == WorkspaceLocation.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(location.DatabasePath + suffix);
            }
        }
        else if (dropPostgresTables)
        {
            await using var db = CreateContext(location, session: null, create: false);
            // Revert Tumen's own migrations only: the database may hold other things.
            await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase).ConfigureAwait(false);
        }

        if (removeDirectory && Directory.Exists(location.Directory) && !Directory.EnumerateFileSystemEntries(location.Directory).Any())
        {
            Directory.Delete(location.Directory);
        }
    }

    /// <summary>Opens and unlocks an existing workspace.</summary>
    public static async Task<Workspace> OpenAsync(
        WorkspaceLocation location, string passphrase, string actor, TimeProvider time, CancellationToken cancellationToken)
    {
        var wrapped = await ReadWrappedKeyAsync(location, cancellationToken).ConfigureAwait(false);
        var keys = KeyRing.Unlock(wrapped, passphrase);
        var workspace = new Workspace(location, new WorkspaceSession(keys, actor, time));
        try
        {
            // A workspace made by an older Tumen gets the tables added since; migrations never rewrite data.
            await using var db = workspace.CreateContext();
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            workspace.Dispose();
            throw;
        }

        return workspace;
    }

    /// <summary>A database context that seals and audits what it saves. Dispose it after use.</summary>
    public TumenDbContext CreateContext() => CreateContext(Location, Session, create: false);

    /// <summary>Re-wraps the data key under a new passphrase, in one transaction; the data is untouched.</summary>
    public async Task ChangePassphraseAsync(string newPassphrase, CancellationToken cancellationToken)
    {
        ValidatePassphrase(newPassphrase);
        var current = await ReadWrappedKeyAsync(Location, cancellationToken).ConfigureAwait(false);
        var rewrapped = Session.Keys.Rewrap(newPassphrase, current.Kdf);
        await using var db = CreateContext();
        var row = await db.Meta.SingleAsync(m => m.Key == KeyMeta, cancellationToken).ConfigureAwait(false);
        row.Value = JsonSerializer.Serialize(rewrapped, StorageJson.Options);
        db.RecordAccess("passphrase_change", "workspace", Location.Provider);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The same unlocked workspace acting as <paramref name="actor"/>: what it changes and reads is
    /// audited under that actor. A server unlocks once and takes one view per request; disposing a
    /// view leaves the key ring open.
    /// </summary>
    public Workspace As(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new Workspace(Location, new WorkspaceSession(Session.Keys, actor, Session.Time), ownsKeys: false);
    }

    public void Dispose()
    {
        if (_ownsKeys)
        {
            Session.Keys.Dispose();
        }
    }

    internal static TumenDbContext CreateContext(WorkspaceLocation location, WorkspaceSession? session, bool create)
    {
        if (location.Provider == WorkspaceLocation.Postgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresTumenDbContext>()
                .UseNpgsql(location.ConnectionString)
                .Options;
            return new PostgresTumenDbContext(pg, session);
        }

        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = location.DatabasePath,
            Pooling = false,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            DefaultTimeout = 30,
        }.ToString();
        var options = new DbContextOptionsBuilder<SqliteTumenDbContext>()
            .UseSqlite(connection)
            .AddInterceptors(SqlitePragmas.Instance)
            .Options;
        return new SqliteTumenDbContext(options, session);
    }

    /// <summary>Reads the wrapped data key (public: it is what a passphrase unlocks).</summary>
    internal static async Task<WrappedKey> ReadWrappedKeyAsync(WorkspaceLocation location, CancellationToken cancellationToken)
    {
        await using var db = CreateContext(location, session: null, create: false);
        try
        {
            var row = await db.Meta.AsNoTracking().SingleOrDefaultAsync(m => m.Key == KeyMeta, cancellationToken).ConfigureAwait(false)
                ?? throw new TumenException($"the workspace at {location.Directory} has no key; it is incomplete or damaged.", ExitCode.Workspace);
            return JsonSerializer.Deserialize<WrappedKey>(row.Value, StorageJson.Options)
                ?? throw new TumenException("the workspace key record is empty.", ExitCode.Workspace);
        }
        catch (DbException ex)
        {
            throw new TumenException($"cannot read the workspace database at {location.Directory}: {ex.Message}", ex, ExitCode.Workspace);
        }
    }

    private static void ValidatePassphrase(string passphrase)
    {
        if (passphrase.Length < 8)
        {
            throw new TumenException("the passphrase must be at least 8 characters; a long sentence is best.", ExitCode.BadInput);
        }
    }

    /// <summary>Durability and no plaintext temp files for every SQLite connection.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=30000; PRAGMA secure_delete=ON;";
            command.ExecuteNonQuery();
        }
    }
}
