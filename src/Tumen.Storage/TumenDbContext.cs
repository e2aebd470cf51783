using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tumen.Storage.Audit;
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
            var tokensAfter = await TokensAfterSaveAsync(changed, cancellationToken).ConfigureAwait(false);
            foreach (var entry in changed)
            {
                var table = entry.Metadata.GetTableName() ?? entry.Metadata.Name;
                string? state = null;
                if (entry.State == EntityState.Deleted)
                {
                    await DeleteTokensAsync(table, entry.Entity.RowId, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    entry.Entity.Seal = session.Sealer.Compute(entry.Metadata, entry.Entity);
                    state = session.Chain.RowState(entry.Entity.Seal, tokensAfter.GetValueOrDefault((table, entry.Entity.RowId)) ?? []);
                }

                head = Append(session, head, now, ActionOf(entry), table, entry.Entity.RowId, state);
            }

            foreach (var (action, entity, recordId) in _pendingAudit)
            {
                head = Append(session, head, now, action, entity, recordId);
            }

            _pendingAudit.Clear();
            if (head is not null)
            {
                await WriteAnchorAsync(session, new AuditAnchor(head.Seq, head.Hash), cancellationToken).ConfigureAwait(false);
            }

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
            e.HasIndex(r => r.ContentKey).IsUnique();
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

    /// <summary>
    /// The search tokens each changed row will have once this save is written: those queued now and,
    /// for updated rows, those already stored. Tokens can only be queued with their row, so every
    /// change to the index is recorded in the chain with the row it belongs to.
    /// </summary>
    private async Task<Dictionary<(string Entity, string RecordId), List<byte[]>>> TokensAfterSaveAsync(
        List<EntityEntry<ISealedRow>> changed, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string Entity, string RecordId), List<byte[]>>();
        var writtenRows = changed.Where(e => e.State != EntityState.Deleted)
            .Select(e => (e.Metadata.GetTableName() ?? e.Metadata.Name, e.Entity.RowId))
            .ToHashSet();
        foreach (var (token, entity, recordId) in _pendingTokens)
        {
            if (!writtenRows.Contains((entity, recordId)))
            {
                throw new InvalidOperationException("Search tokens must be queued in the same save as the row they index.");
            }

            Tokens(result, entity, recordId).Add(token);
        }

        var updated = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.RowId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in updated.Chunk(500))
        {
            var stored = await SearchTokens.AsNoTracking().Where(t => chunk.Contains(t.RecordId)).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var token in stored.Where(t => writtenRows.Contains((t.Entity, t.RecordId))))
            {
                Tokens(result, token.Entity, token.RecordId).Add(token.Token);
            }
        }

        return result;

        static List<byte[]> Tokens(Dictionary<(string, string), List<byte[]>> map, string entity, string recordId)
        {
            if (!map.TryGetValue((entity, recordId), out var list))
            {
                list = [];
                map[(entity, recordId)] = list;
            }

            return list;
        }
    }

    private Task DeleteTokensAsync(string entity, string recordId, CancellationToken cancellationToken) =>
        SearchTokens.Where(t => t.Entity == entity && t.RecordId == recordId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Keeps the chain's count and head in the workspace, under the key, so a cut tail shows in verify.</summary>
    private async Task WriteAnchorAsync(WorkspaceSession session, AuditAnchor anchor, CancellationToken cancellationToken)
    {
        var value = AnchorRecord.Serialize(session.Chain, anchor);
        var row = await Meta.SingleOrDefaultAsync(m => m.Key == AnchorRecord.MetaKey, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            Meta.Add(new MetaRow { Key = AnchorRecord.MetaKey, Value = value });
        }
        else
        {
            // Marked explicitly: bulk imports turn automatic change detection off.
            row.Value = value;
            Entry(row).State = EntityState.Modified;
        }
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

    private AuditRow Append(WorkspaceSession session, AuditRow? head, long now, string action, string entity, string recordId, string? state = null)
    {
        var next = session.Chain.Next(head, now, session.Actor, action, entity, recordId, state);
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
