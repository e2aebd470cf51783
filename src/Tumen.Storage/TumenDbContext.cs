using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tumen.Storage.Rows;
using Tumen.Storage.Users;
using Tumen.Storage.Workspaces;

namespace Tumen.Storage;

/// <summary>
/// The workspace database. Every save seals the rows it writes and appends one audit entry per
/// created, updated or deleted row, in the same transaction: there is no way to change a row through
/// Tumen without leaving a trace. Reads of identifying fields are recorded with <see cref="RecordAccess"/>.
/// </summary>
public abstract class TumenDbContext : DbContext
{
    private readonly WorkspaceSession? _session;
    private readonly List<(string Action, string Entity, string RecordId)> _pendingAudit = [];
    private readonly List<(byte[] Token, string Entity, string RecordId)> _pendingTokens = [];
    private readonly HashSet<string> _pendingTokenKeys = new(StringComparer.Ordinal);

    protected TumenDbContext(DbContextOptions options, WorkspaceSession? session)
        : base(options) => _session = session;

    public DbSet<MetaRow> Meta => Set<MetaRow>();

    public DbSet<PersonRow> Persons => Set<PersonRow>();

    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<ActRow> Acts => Set<ActRow>();

    public DbSet<InvolvementRow> Involvements => Set<InvolvementRow>();

    public DbSet<SourceRow> Sources => Set<SourceRow>();

    public DbSet<EvidenceRow> Evidence => Set<EvidenceRow>();

    public DbSet<CustodyRow> Custody => Set<CustodyRow>();

    public DbSet<ConsentRow> Consents => Set<ConsentRow>();

    public DbSet<ClaimRow> Claims => Set<ClaimRow>();

    public DbSet<SearchTokenRow> SearchTokens => Set<SearchTokenRow>();

    public DbSet<ImportRow> Imports => Set<ImportRow>();

    public DbSet<PersonLinkRow> PersonLinks => Set<PersonLinkRow>();

    public DbSet<LinkReviewRow> LinkReviews => Set<LinkReviewRow>();

    public DbSet<AuditRow> AuditLog => Set<AuditRow>();

    public DbSet<UserRow> Users => Set<UserRow>();

    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public DbSet<RecordRestrictionRow> RecordRestrictions => Set<RecordRestrictionRow>();

    /// <summary>The unlocked session, or null when the context only reads the key record.</summary>
    public WorkspaceSession? Session => _session;

    /// <summary>
    /// Set only while restoring a backup: rows are written exactly as archived, already sealed and
    /// already audited, so this save neither re-seals nor appends to the chain.
    /// </summary>
    internal bool WritingArchivedRows { get; set; }

    /// <summary>Whether this provider is PostgreSQL (for locking and integrity checks).</summary>
    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>
    /// Queues blind-index tokens for a record; they are written with the next save, in its
    /// transaction, by one multi-row statement per few hundred tokens (tracking each as an entity
    /// would cost more than everything else an import does).
    /// </summary>
    public void QueueSearchTokens(string entity, Guid recordId, IEnumerable<byte[]> tokens)
    {
        var id = recordId.ToString("D");
        foreach (var token in tokens)
        {
            if (_pendingTokenKeys.Add($"{entity}/{id}/{Convert.ToHexString(token)}"))
            {
                _pendingTokens.Add((token, entity, id));
            }
        }
    }

    /// <summary>Queues an audit entry for an access that changes no row (a read, an export, a backup).</summary>
    public void RecordAccess(string action, string entity, string recordId) => _pendingAudit.Add((action, entity, recordId));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync: the audit chain is written asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = ChangeTracker.Entries<ISealedRow>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (WritingArchivedRows || (changed.Count == 0 && _pendingAudit.Count == 0 && _pendingTokens.Count == 0))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        var session = _session ?? throw new InvalidOperationException("This workspace is locked: unlock it before changing data.");
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            if (IsPostgres)
            {
                // One writer at a time extends the chain; SQLite's write lock does the same for it.
                await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(72530)", cancellationToken).ConfigureAwait(false);
            }

            var head = await AuditLog.AsNoTracking().OrderByDescending(a => a.Seq).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var now = session.Now();
            foreach (var entry in changed)
            {
                if (entry.State != EntityState.Deleted)
                {
                    entry.Entity.Seal = session.Sealer.Compute(entry.Metadata, entry.Entity);
                }

                head = Append(session, head, now, ActionOf(entry), entry.Metadata.GetTableName() ?? entry.Metadata.Name, entry.Entity.RowId);
            }

            foreach (var (action, entity, recordId) in _pendingAudit)
            {
                head = Append(session, head, now, action, entity, recordId);
            }

            _pendingAudit.Clear();
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
            await WritePendingTokensAsync(cancellationToken).ConfigureAwait(false);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MetaRow>(e =>
        {
            e.ToTable("workspace_meta");
            e.HasKey(r => r.Key);
        });
        modelBuilder.Entity<PersonRow>(e =>
        {
            e.ToTable("persons");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.Code).IsUnique();
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<EventRow>(e =>
        {
            e.ToTable("events");
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<ActRow>(e =>
        {
            e.ToTable("acts");
            e.HasIndex(r => r.VictimId);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<InvolvementRow>(e =>
        {
            e.ToTable("involvements");
            e.HasIndex(r => r.ActId);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<SourceRow>(e =>
        {
            e.ToTable("sources");
            e.HasIndex(r => r.LabelHash);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<EvidenceRow>(e =>
        {
            e.ToTable("evidence_files");
            e.HasIndex(r => r.Sha256).IsUnique();
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<CustodyRow>(e =>
        {
            e.ToTable("custody");
            e.HasIndex(r => r.EvidenceId);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<ConsentRow>(e =>
        {
            e.ToTable("consents");
            e.HasIndex(r => r.PersonId);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<ClaimRow>(e =>
        {
            e.ToTable("claims");
            e.HasIndex(r => r.SourceId);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<SearchTokenRow>(e =>
        {
            e.ToTable("search_tokens");
            e.HasKey(r => new { r.Token, r.Entity, r.RecordId });
            e.HasIndex(r => r.RecordId);
        });
        modelBuilder.Entity<ImportRow>(e =>
        {
            e.ToTable("imports");
            e.HasIndex(r => r.FileHash);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<PersonLinkRow>(e =>
        {
            e.ToTable("person_links");
            e.HasKey(r => r.PersonId);
            e.HasIndex(r => r.ClusterId);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<LinkReviewRow>(e =>
        {
            e.ToTable("link_reviews");
            e.HasIndex(r => new { r.LeftId, r.RightId }).IsUnique();
            e.HasIndex(r => r.Status);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(r => r.Seq);
            e.Property(r => r.Seq).ValueGeneratedNever();
        });
        UserModel.Configure(modelBuilder);
    }

    private async Task WritePendingTokensAsync(CancellationToken cancellationToken)
    {
        const int PerStatement = 300;
        var connection = Database.GetDbConnection();
        var transaction = Database.CurrentTransaction!.GetDbTransaction();
        for (var start = 0; start < _pendingTokens.Count; start += PerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = new StringBuilder("INSERT INTO search_tokens (\"Token\", \"Entity\", \"RecordId\") VALUES ");
            var end = Math.Min(start + PerStatement, _pendingTokens.Count);
            for (var i = start; i < end; i++)
            {
                var (token, entity, recordId) = _pendingTokens[i];
                values.Append(i == start ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@t{i - start}, @e{i - start}, @r{i - start})");
                AddParameter(command, $"@t{i - start}", token);
                AddParameter(command, $"@e{i - start}", entity);
                AddParameter(command, $"@r{i - start}", recordId);
            }

            command.CommandText = values.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _pendingTokens.Clear();
        _pendingTokenKeys.Clear();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string ActionOf(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => "create",
        EntityState.Modified => "update",
        _ => "delete",
    };

    private AuditRow Append(WorkspaceSession session, AuditRow? head, long now, string action, string entity, string recordId)
    {
        var next = session.Chain.Next(head, now, session.Actor, action, entity, recordId);
        AuditLog.Add(next);
        return next;
    }
}

/// <summary>The embedded default: one SQLite file in the workspace folder.</summary>
public sealed class SqliteTumenDbContext(DbContextOptions<SqliteTumenDbContext> options, WorkspaceSession? session = null)
    : TumenDbContext(options, session);

/// <summary>A team server on PostgreSQL: the same model, its own migrations.</summary>
public sealed class PostgresTumenDbContext(DbContextOptions<PostgresTumenDbContext> options, WorkspaceSession? session = null)
    : TumenDbContext(options, session);
