using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Storage.Audit;
using Tumen.Storage.Evidence;
using Tumen.Storage.Persons;
using Tumen.Storage.Protection;
using Tumen.Storage.Rows;
using Tumen.Storage.Verification;

namespace Tumen.Storage.Workspaces;

/// <summary>What <see cref="Rekeying.RekeyAsync"/> did.</summary>
public sealed record RekeySummary(long Rows, long Fields, long AuditEntries);

/// <summary>
/// <c>tumen rekey</c>: replaces the workspace's data key. A passphrase change only re-wraps the key,
/// so an older copy of the database or a backup still opens with the old passphrase; after a rekey,
/// no copy made before it can decrypt anything written since, and the current database holds nothing
/// the old key opens. Every encrypted field is re-encrypted, every blind index and lookup hash
/// recomputed, every row re-sealed and the whole audit chain re-keyed (in the current format), in one
/// transaction. Anchors kept before no longer match: write a new one after.
/// </summary>
public static class Rekeying
{
    private const int Page = 1000;

    /// <summary>Rekeys a workspace that passes verify; returns it reopened under the new key (the old object is disposed).</summary>
    public static async Task<(Workspace Workspace, RekeySummary Summary)> RekeyAsync(Workspace workspace, string passphrase, CancellationToken cancellationToken)
    {
        var report = await Verifier.VerifyAsync(workspace, progress: null, cancellationToken).ConfigureAwait(false);
        if (!report.Ok)
        {
            throw new TumenException($"the workspace does not verify ({report.FirstProblem}); it was not rekeyed.", ExitCode.IntegrityFailure);
        }

        var old = workspace.Session;
        var current = await Workspace.ReadWrappedKeyAsync(workspace.Location, cancellationToken).ConfigureAwait(false);
        var (keys, wrapped) = KeyRing.Create(passphrase, current.Kdf);
        var session = new WorkspaceSession(keys, old.Actor, old.Time);
        long rows = 0, fields = 0, entries = 0;
        try
        {
            await using (var db = Workspace.CreateContext(workspace.Location, session, create: false))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                entries = await RekeyChainAsync(db, session, cancellationToken).ConfigureAwait(false);
                await db.SearchTokens.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                var counts = new Counts();
                await RekeyTableAsync(db, db.Persons, counts, (row, c) =>
                {
                    var secrets = old.Unprotect<PersonSecrets>(row.Secrets, PersonStore.PersonsTable, row.Id);
                    row.Secrets = Reencrypt(old, session, row.Secrets, PersonStore.PersonsTable, row.Id, "secrets", c);
                    db.QueueSearchTokens(PersonStore.PersonsTable, row.Id, PersonStore.IndexEntries(session, secrets));
                }, cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.Events, counts, (row, c) => row.Secrets = Reencrypt(old, session, row.Secrets, "events", row.Id, "secrets", c), cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.Acts, counts, (row, c) => row.Secrets = Reencrypt(old, session, row.Secrets, "acts", row.Id, "secrets", c), cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.Involvements, counts, (_, _) => { }, cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.Sources, counts, (row, c) =>
                {
                    var label = old.Unprotect<SourceSecrets>(row.Secrets, PersonStore.SourcesTable, row.Id).Label;
                    row.Secrets = Reencrypt(old, session, row.Secrets, PersonStore.SourcesTable, row.Id, "secrets", c);
                    if (row.LabelHash is not null && label is not null)
                    {
                        row.LabelHash = PersonStore.LabelHash(session, label);
                    }
                }, cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.Evidence, counts, (row, c) =>
                {
                    var sha256 = EvidenceStore.RecordedSha256(old, row);
                    row.FileName = Reencrypt(old, session, row.FileName, EvidenceStore.Table, row.Id, "file_name", c);
                    row.Content = Reencrypt(old, session, row.Content, EvidenceStore.Table, row.Id, "content", c);
                    row.Sha256 = null;
                    row.Sha256Sealed = session.Protect(sha256, EvidenceStore.Table, row.Id, "sha256");
                    row.ContentKey = EvidenceStore.ContentKey(session, sha256);
                }, cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.Custody, counts, (_, _) => { }, cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.Consents, counts, (row, c) =>
                {
                    if (row.Note is not null)
                    {
                        row.Note = Reencrypt(old, session, row.Note, "consents", row.Id, "note", c);
                    }
                }, cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.Claims, counts, (row, c) => row.Secrets = Reencrypt(old, session, row.Secrets, "claims", row.Id, "secrets", c), cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.Imports, counts, (_, _) => { }, cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.PersonLinks, counts, (_, _) => { }, cancellationToken).ConfigureAwait(false);
                await RekeyTableAsync(db, db.LinkReviews, counts, (_, _) => { }, cancellationToken).ConfigureAwait(false);

                var keyRow = await db.Meta.SingleAsync(m => m.Key == Workspace.KeyMeta, cancellationToken).ConfigureAwait(false);
                keyRow.Value = JsonSerializer.Serialize(wrapped, StorageJson.Options);
                db.RecordAccess("rekey", "workspace", workspace.Location.Provider);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                rows = counts.Rows;
                fields = counts.Fields;
            }
        }
        catch
        {
            keys.Dispose();
            throw;
        }

        workspace.Dispose();
        return (Workspace.Reopened(workspace.Location, session), new RekeySummary(rows, fields, entries));
    }

    /// <summary>Re-MACs every audit entry under the new key, in the current format; returns how many.</summary>
    private static async Task<long> RekeyChainAsync(TumenDbContext db, WorkspaceSession session, CancellationToken cancellationToken)
    {
        db.WritingArchivedRows = true;
        string previous = AuditChain.Genesis;
        long count = 0;
        for (long from = 0; ; from += Page)
        {
            var start = from;
            var page = await db.AuditLog.Where(a => a.Seq > start && a.Seq <= start + Page).OrderBy(a => a.Seq).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var entry in page)
            {
                // Old row states are keyed under the old key; every live row gets a new one below.
                entry.Format = AuditChain.CurrentFormat;
                entry.State = null;
                entry.Previous = previous;
                entry.Hash = session.Chain.ComputeHash(entry)!;
                previous = entry.Hash;
                count++;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        db.WritingArchivedRows = false;
        return count;
    }

    private static async Task RekeyTableAsync<T>(TumenDbContext db, DbSet<T> set, Counts counts, Action<T, Counts> rekey, CancellationToken cancellationToken)
        where T : class, ISealedRow
    {
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties[0].Name;
        for (var offset = 0; ; offset += Page)
        {
            var page = await set.OrderBy(r => EF.Property<object>(r, key)).Skip(offset).Take(Page).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                rekey(row, counts);
                db.Entry(row).State = EntityState.Modified;
                counts.Rows++;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            if (page.Count < Page)
            {
                return;
            }
        }
    }

    private static byte[] Reencrypt(WorkspaceSession old, WorkspaceSession next, byte[] ciphertext, string table, Guid id, string field, Counts counts)
    {
        var context = WorkspaceSession.Context(table, id, field);
        if (!old.Keys.TryDecrypt(ciphertext, context, out var plaintext))
        {
            throw new TamperedException($"{table} row {id:D}: field {field} fails to decrypt; the workspace was not rekeyed");
        }

        counts.Fields++;
        var result = next.Keys.Encrypt(plaintext, context);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
        return result;
    }

    private sealed class Counts
    {
        public long Rows { get; set; }

        public long Fields { get; set; }
    }
}
