using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tumen.Storage.Audit;
using Tumen.Storage.Rows;
using Tumen.Storage.Users;
using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Verification;

/// <summary>What <see cref="Verifier"/> found: either nothing wrong, or the first problem, by name.</summary>
public sealed record VerifyReport(string? FirstProblem, long AuditEntries, string AuditHead, long RowsChecked, long EvidenceFiles)
{
    public bool Ok => FirstProblem is null;

    /// <summary>Where the chain stands: what to keep elsewhere to detect a later rollback.</summary>
    public AuditAnchor Anchor => new(AuditEntries, AuditHead);
}

/// <summary>
/// Checks a whole workspace without changing it: the database's own integrity, the audit chain,
/// every row's seal, every encrypted field (it must open under its own record and field), every
/// evidence file's hash, that the rows present are exactly those the audit log created and did not
/// delete, that each is the version (seal and search tokens) the chain last recorded, that no search
/// token belongs to a missing record, and that the chain ends where the workspace's kept anchor (and,
/// when given, an anchor kept elsewhere) says. Stops at the first problem and names it.
/// </summary>
public static class Verifier
{
    private const int Page = 20_000;

    /// <summary>Verifies against what the workspace itself keeps (no outside anchor).</summary>
    public static Task<VerifyReport> VerifyAsync(Workspace workspace, IProgress<string>? progress, CancellationToken cancellationToken) =>
        VerifyAsync(workspace, anchor: null, progress, cancellationToken);

    /// <summary>
    /// Verifies, and also checks that the chain still reaches <paramref name="anchor"/> — a head the
    /// user kept outside the workspace — so a cut tail or an older copy of the whole database shows.
    /// </summary>
    public static async Task<VerifyReport> VerifyAsync(Workspace workspace, AuditAnchor? anchor, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContext();
        var session = workspace.Session;
        var state = new State();
        try
        {
            progress?.Report("database integrity");
            if (await DatabaseProblemAsync(db, cancellationToken).ConfigureAwait(false) is { } dbProblem)
            {
                return state.Fail(dbProblem);
            }

            progress?.Report("audit chain");
            var walk = new AuditChain.Walk(session.Chain);
            var live = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
            var anyCurrentFormat = false;
            for (long from = 0; ; from += Page)
            {
                var start = from;
                var page = await db.AuditLog.AsNoTracking().Where(a => a.Seq > start && a.Seq <= start + Page).OrderBy(a => a.Seq)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var entry in page)
                {
                    if (walk.Check(entry) is { } chainProblem)
                    {
                        return state.Fail(chainProblem, walk);
                    }

                    Track(live, entry);
                    anyCurrentFormat |= entry.Format >= AuditChain.CurrentFormat;
                    if (anchor is not null && walk.Count == anchor.Count && !string.Equals(walk.Head, anchor.Head, StringComparison.Ordinal))
                    {
                        return state.Fail(string.Create(CultureInfo.InvariantCulture, $"audit_log: entry {anchor.Count} differs from the anchor (the log was rewritten or replaced by another copy)"), walk);
                    }
                }

                if (page.Count < Page && !await db.AuditLog.AnyAsync(a => a.Seq > start + Page, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"audit chain: {walk.Count:N0} entries"));
            }

            state.Walk = walk;
            if (anchor is not null && walk.Count < anchor.Count)
            {
                return state.Fail(string.Create(
                    CultureInfo.InvariantCulture,
                    $"audit_log: the anchor records {anchor.Count:N0} entries but the log holds {walk.Count:N0} (entries were removed, or the database was replaced by an older copy)"));
            }

            if (await AnchorProblemAsync(db, session, walk, anyCurrentFormat, cancellationToken).ConfigureAwait(false) is { } anchorProblem)
            {
                return state.Fail(anchorProblem);
            }

            progress?.Report("rows and encrypted fields");
            var problem =
                await CheckTableAsync(db, db.Persons, live, state, r => Opens(session, r.Secrets, "persons", r.Id), cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.Events, live, state, r => Opens(session, r.Secrets, "events", r.Id), cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.Acts, live, state, r => Opens(session, r.Secrets, "acts", r.Id), cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.Involvements, live, state, _ => null, cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.Sources, live, state, r => Opens(session, r.Secrets, "sources", r.Id), cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.Evidence, live, state, r => EvidenceProblem(session, r, state), cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.Custody, live, state, _ => null, cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.Consents, live, state, r => r.Note is null ? null : Opens(session, r.Note, "consents", r.Id, "note"), cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.Claims, live, state, r => Opens(session, r.Secrets, "claims", r.Id), cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.Imports, live, state, _ => null, cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.PersonLinks, live, state, _ => null, cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.LinkReviews, live, state, _ => null, cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.Users, live, state, r => r.AuthenticatorKey is null ? null : Opens(session, r.AuthenticatorKey, UserModel.UsersTable, r.Id, "authenticator"), cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.ApiTokens, live, state, _ => null, cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.DataProtectionKeys, live, state, r => Opens(session, r.Xml, UserModel.DataProtectionKeysTable, r.Id, "xml"), cancellationToken).ConfigureAwait(false)
                ?? await CheckTableAsync(db, db.RecordRestrictions, live, state, _ => null, cancellationToken).ConfigureAwait(false);
            problem ??= await OrphanTokensProblemAsync(db, live, cancellationToken).ConfigureAwait(false);
            return problem is null ? state.Pass() : state.Fail(problem);
        }
        catch (DbException ex)
        {
            return state.Fail($"the database cannot be read: {ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidCastException or OverflowException or System.Text.Json.JsonException)
        {
            return state.Fail($"a stored value is damaged and cannot be read ({ex.GetType().Name})");
        }
        catch (TamperedException ex)
        {
            return state.Fail(ex.Message);
        }
    }

    private static async Task<string?> AnchorProblemAsync(TumenDbContext db, WorkspaceSession session, AuditChain.Walk walk, bool anyCurrentFormat, CancellationToken cancellationToken)
    {
        var stored = await db.Meta.AsNoTracking().SingleOrDefaultAsync(m => m.Key == AnchorRecord.MetaKey, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return anyCurrentFormat ? "workspace_meta: the audit anchor is missing (deleted outside Tumen)" : null;
        }

        var kept = AnchorRecord.Parse(session.Chain, stored.Value, "workspace_meta");
        if (walk.Count < kept.Count)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"audit_log: the log ends at entry {walk.Count:N0} but the workspace recorded {kept.Count:N0} entries (the newest entries were removed)");
        }

        return walk.Count == kept.Count && string.Equals(walk.Head, kept.Head, StringComparison.Ordinal)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"audit_log: the log does not end where the workspace recorded (entry {kept.Count:N0}); it was cut, extended or replaced outside Tumen");
    }

    private static async Task<string?> OrphanTokensProblemAsync(TumenDbContext db, Dictionary<string, Dictionary<string, string?>> live, CancellationToken cancellationToken)
    {
        var owners = await db.SearchTokens.AsNoTracking().Select(t => new { t.Entity, t.RecordId }).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var orphan = owners.FirstOrDefault(o => live.GetValueOrDefault(o.Entity)?.ContainsKey(o.RecordId) != true);
        return orphan is null ? null : $"search_tokens: tokens of {orphan.Entity} record {orphan.RecordId}, which does not exist (added outside Tumen)";
    }

    private static async Task<string?> DatabaseProblemAsync(TumenDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            // PostgreSQL checks its own pages; a failed read surfaces as a DbException below.
            return null;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return string.Equals(result, "ok", StringComparison.Ordinal) ? null : $"the SQLite database is damaged: {result}";
    }

    private static void Track(Dictionary<string, Dictionary<string, string?>> live, AuditRow entry)
    {
        if (!live.TryGetValue(entry.Entity, out var ids))
        {
            ids = new Dictionary<string, string?>(StringComparer.Ordinal);
            live[entry.Entity] = ids;
        }

        switch (entry.Action)
        {
            case "create":
                ids[entry.RecordId] = entry.State;
                break;
            case "update" or "rekey" when ids.ContainsKey(entry.RecordId):
                ids[entry.RecordId] = entry.State;
                break;
            case "delete":
                ids.Remove(entry.RecordId);
                break;
        }
    }

    private static async Task<string?> CheckTableAsync<T>(
        TumenDbContext db, DbSet<T> set, Dictionary<string, Dictionary<string, string?>> live, State state, Func<T, string?> checkFields, CancellationToken cancellationToken)
        where T : class, ISealedRow
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = type.GetTableName()!;
        var expected = live.GetValueOrDefault(table) ?? [];
        var seen = 0;
        var page = new List<T>(1000);
        await foreach (var row in set.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            page.Add(row);
            if (page.Count == 1000)
            {
                if (await CheckPageAsync(db, type, table, page, expected, state, checkFields, cancellationToken).ConfigureAwait(false) is { } problem)
                {
                    return problem;
                }

                seen += page.Count;
                page.Clear();
            }
        }

        if (await CheckPageAsync(db, type, table, page, expected, state, checkFields, cancellationToken).ConfigureAwait(false) is { } last)
        {
            return last;
        }

        seen += page.Count;
        return seen == expected.Count ? null : $"{table}: {expected.Count - seen} row(s) the audit log created are missing (deleted outside Tumen)";
    }

    private static async Task<string?> CheckPageAsync<T>(
        TumenDbContext db, Microsoft.EntityFrameworkCore.Metadata.IEntityType type, string table, List<T> page, Dictionary<string, string?> expected,
        State state, Func<T, string?> checkFields, CancellationToken cancellationToken)
        where T : class, ISealedRow
    {
        if (page.Count == 0)
        {
            return null;
        }

        var ids = page.Select(r => r.RowId).ToList();
        var tokens = (await db.SearchTokens.AsNoTracking().Where(t => t.Entity == table && ids.Contains(t.RecordId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(t => t.RecordId, t => t.Token, StringComparer.Ordinal);
        var session = db.Session!;
        foreach (var row in page)
        {
            state.Rows++;
            if (!expected.TryGetValue(row.RowId, out var recorded))
            {
                return $"{table} row {row.RowId} was not created through Tumen (no audit entry)";
            }

            if (!session.Sealer.Matches(type, row))
            {
                return $"{table} row {row.RowId}: its seal does not match its content (altered outside Tumen)";
            }

            if (recorded is not null)
            {
                var current = session.Chain.RowState(row.Seal, tokens[row.RowId]);
                if (!string.Equals(current, recorded, StringComparison.Ordinal))
                {
                    return $"{table} row {row.RowId}: it is not the version the audit log last recorded, or its search tokens were changed (an older copy put back, or the index edited outside Tumen)";
                }
            }

            if (checkFields(row) is { } fieldProblem)
            {
                return fieldProblem;
            }
        }

        return null;
    }

    private static string? Opens(WorkspaceSession session, byte[] ciphertext, string table, Guid id, string field = "secrets") =>
        session.CanOpen(ciphertext, table, id, field) ? null : $"{table} row {id:D}: field {field} does not decrypt (altered, or moved from another record)";

    private static string? EvidenceProblem(WorkspaceSession session, EvidenceRow row, State state)
    {
        state.Evidence++;
        if (Opens(session, row.FileName, "evidence_files", row.Id, "file_name") is { } nameProblem)
        {
            return nameProblem;
        }

        var problem = Evidence.EvidenceStore.Problem(session, row, out var content);
        CryptographicOperations.ZeroMemory(content);
        return problem;
    }

    private sealed class State
    {
        public AuditChain.Walk? Walk { get; set; }

        public long Rows { get; set; }

        public long Evidence { get; set; }

        public VerifyReport Fail(string problem, AuditChain.Walk? walk = null)
        {
            var w = walk ?? Walk;
            return new VerifyReport(problem, w?.Count ?? 0, w?.Head ?? AuditChain.Genesis, Rows, Evidence);
        }

        public VerifyReport Pass() => new(null, Walk!.Count, Walk.Head, Rows, Evidence);
    }
}
