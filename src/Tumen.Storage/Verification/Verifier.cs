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
}

/// <summary>
/// Checks a whole workspace without changing it: the database's own integrity, the audit chain,
/// every row's seal, every encrypted field (it must open under its own record and field), every
/// evidence file's hash, and that the rows present are exactly those the audit log created and
/// did not delete. Stops at the first problem and names it.
/// </summary>
public static class Verifier
{
    private const int Page = 20_000;

    public static async Task<VerifyReport> VerifyAsync(Workspace workspace, IProgress<string>? progress, CancellationToken cancellationToken)
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
            var live = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
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
                }

                if (page.Count < Page && !await db.AuditLog.AnyAsync(a => a.Seq > start + Page, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"audit chain: {walk.Count:N0} entries"));
            }

            state.Walk = walk;
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
            return problem is null ? state.Pass() : state.Fail(problem);
        }
        catch (DbException ex)
        {
            return state.Fail($"the database cannot be read: {ex.Message}");
        }
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

    private static void Track(Dictionary<string, HashSet<string>> live, AuditRow entry)
    {
        if (!live.TryGetValue(entry.Entity, out var ids))
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            live[entry.Entity] = ids;
        }

        switch (entry.Action)
        {
            case "create":
                ids.Add(entry.RecordId);
                break;
            case "delete":
                ids.Remove(entry.RecordId);
                break;
        }
    }

    private static async Task<string?> CheckTableAsync<T>(
        TumenDbContext db, DbSet<T> set, Dictionary<string, HashSet<string>> live, State state, Func<T, string?> checkFields, CancellationToken cancellationToken)
        where T : class, ISealedRow
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = type.GetTableName()!;
        var expected = live.GetValueOrDefault(table) ?? [];
        var seen = 0;
        await foreach (var row in set.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            state.Rows++;
            if (!expected.Contains(row.RowId))
            {
                return $"{table} row {row.RowId} was not created through Tumen (no audit entry)";
            }

            if (!db.Session!.Sealer.Matches(type, row))
            {
                return $"{table} row {row.RowId}: its seal does not match its content (altered outside Tumen)";
            }

            if (checkFields(row) is { } fieldProblem)
            {
                return fieldProblem;
            }

            seen++;
        }

        return seen == expected.Count ? null : $"{table}: {expected.Count - seen} row(s) the audit log created are missing (deleted outside Tumen)";
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

        if (!session.Keys.TryDecrypt(row.Content, WorkspaceSession.Context("evidence_files", row.Id, "content"), out var content))
        {
            return $"evidence file {row.Id:D}: its content does not decrypt (altered, or moved from another record)";
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        CryptographicOperations.ZeroMemory(content);
        return string.Equals(hash, row.Sha256, StringComparison.Ordinal)
            ? null
            : $"evidence file {row.Id:D}: its SHA-256 no longer matches the hash recorded at intake";
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
