using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Ingest.Lists;
using Tumen.Storage.Persons;
using Tumen.Storage.Protection;
using Tumen.Storage.Rows;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Imports;

/// <summary>What a list import stored.</summary>
public sealed record ListImportResult(Guid ImportId, int Persons, int Acts);

/// <summary>
/// Stores a checked person list in one transaction: either every row is stored and the import is
/// recorded, or — on any error, a cancellation or a killed process — nothing of it is. The same
/// file is refused a second time unless forced.
/// </summary>
internal static class ListImporter
{
    private const int Batch = 500;

    public static async Task<ListImportResult> ImportAsync(
        Workspace workspace, string fileName, PersonList list, bool force, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContext();
        var fileHash = BlindIndex.Hash(workspace.Session.Keys.BlindIndexKey, "import_file", list.Sha256);
        if (!force && await db.Imports.AsNoTracking().AnyAsync(i => i.FileHash == fileHash, cancellationToken).ConfigureAwait(false))
        {
            throw new TumenException($"{fileName}: this file was imported before; nothing was changed (use --force to import it again).", ErrorKind.Conflict);
        }

        var store = new PersonStore(db);
        db.ChangeTracker.AutoDetectChangesEnabled = false; // rows are only added, never edited, during an import
        var acts = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < list.Records.Count; i++)
        {
            var record = list.Records[i];
            await store.AddAsync(record, cancellationToken).ConfigureAwait(false);
            acts += record.Violation is null ? 0 : 1;
            if ((i + 1) % Batch == 0)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                progress?.Report(i + 1);
            }
        }

        var import = new ImportRow
        {
            Id = Guid.NewGuid(),
            FileHash = fileHash,
            Rows = list.Records.Count,
            At = workspace.Session.Now(),
            Actor = workspace.Session.Actor,
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report(list.Records.Count);
        return new ListImportResult(import.Id, list.Records.Count, acts);
    }
}
