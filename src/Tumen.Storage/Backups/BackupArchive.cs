using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Storage.Audit;
using Tumen.Storage.Protection;
using Tumen.Storage.Rows;
using Tumen.Storage.Verification;
using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Backups;

/// <summary>What a backup holds, for the message after writing or restoring one.</summary>
public sealed record BackupSummary(string BackupId, long Rows, long Bytes);

/// <summary>
/// An encrypted, self-verifying archive of a whole workspace. Layout: a magic string, a clear
/// header (format, id, time, and the wrapped data key, so the passphrase alone restores it), then
/// chunks of at most 1 MiB of row data, each sealed with XChaCha20-Poly1305 under the backup subkey
/// with the header's hash, the chunk's index and whether it is the last as associated data: a
/// changed, reordered, dropped or truncated chunk fails to open. Nothing in it is plaintext but the
/// header.
/// </summary>
public static class BackupArchive
{
    private const int ChunkSize = 1 << 20;
    private const int MaxChunkCiphertext = ChunkSize + 1024;
    private static readonly byte[] LegacyMagic = "TUMENBK1"u8.ToArray();
    private static readonly byte[] Magic = "TUMENBK2"u8.ToArray();

    /// <summary>
    /// Writes a backup of <paramref name="workspace"/> to <paramref name="path"/> (never overwriting), then
    /// reads it back to prove it opens. It is written under a temporary name of this run's own, created
    /// exclusively beside the target and owner-only, and renamed when complete: a killed run leaves at
    /// most that file behind, and no file this run did not create is ever removed.
    /// </summary>
    public static async Task<BackupSummary> WriteAsync(Workspace workspace, string path, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new TumenException($"{path} already exists; choose a new file name for the backup.", ExitCode.BadInput);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            throw new TumenException($"the folder {folder} does not exist; create it first.", ExitCode.BadInput);
        }

        var partial = Path.Combine(folder, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tumen-partial");
        var createdPartial = false;
        var backupId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        long rows = 0;
        try
        {
            var wrapped = await Workspace.ReadWrappedKeyAsync(workspace.Location, cancellationToken).ConfigureAwait(false);
            string? anchor;
            await using (var db = workspace.CreateContext())
            {
                var head = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Seq).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                anchor = head is null ? null : AnchorRecord.Serialize(workspace.Session.Chain, new AuditAnchor(head.Seq, head.Hash));
            }

            var header = JsonSerializer.SerializeToUtf8Bytes(
                new Header(1, backupId, workspace.Session.Now(), workspace.Location.Provider, wrapped, anchor), StorageJson.Options);
            await using (var file = SecureFiles.CreateNew(partial))
            {
                createdPartial = true;
                await file.WriteAsync(Magic, cancellationToken).ConfigureAwait(false);
                await WriteBlockAsync(file, header, cancellationToken).ConfigureAwait(false);
                await file.WriteAsync(SHA256.HashData(header), cancellationToken).ConfigureAwait(false);
                await using var chunks = new ChunkWriter(file, workspace.Session.Keys, HeaderDigest(header));
                await using (var db = workspace.CreateContext())
                {
                    await foreach (var line in ArchiveLines(db, cancellationToken).ConfigureAwait(false))
                    {
                        await chunks.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
                        if (++rows % 10_000 == 0)
                        {
                            progress?.Report(rows);
                        }
                    }
                }

                await chunks.CompleteAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            var check = await ReadAsync(partial, workspace.Session.Keys, onLine: null, cancellationToken).ConfigureAwait(false);
            if (check.Rows != rows)
            {
                throw new TumenException("the backup did not read back complete; it was not kept.", ExitCode.Failure);
            }

            try
            {
                File.Move(partial, path, overwrite: false);
            }
            catch (IOException ex) when (File.Exists(path))
            {
                throw new TumenException($"{path} appeared while the backup was written; the backup was not kept.", ex, ExitCode.BadInput);
            }

            createdPartial = false;
            await using (var db = workspace.CreateContext())
            {
                db.RecordAccess("backup", "workspace", backupId);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return new BackupSummary(backupId, rows, new FileInfo(path).Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TumenException($"cannot write the backup {path}: {ex.Message}", ex, ExitCode.Failure);
        }
        finally
        {
            if (createdPartial)
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>The audit anchor a backup's header records (the chain as it stood when the backup was written), as stored JSON.</summary>
    public static async Task<string?> ReadAnchorAsync(string path, CancellationToken cancellationToken) =>
        (await ReadHeaderAsync(path, cancellationToken).ConfigureAwait(false)).Value.Anchor;

    /// <summary>Whether a file starts like a Tumen backup (so an anchor can be read from it).</summary>
    public static bool LooksLikeBackup(ReadOnlySpan<byte> start) => start.StartsWith("TUMENBK"u8);

    /// <summary>
    /// Restores a backup into a new workspace at <paramref name="target"/>: the archive is opened and
    /// checked in full before anything is written, and the restored workspace must pass
    /// <see cref="Verifier"/> or it is removed again.
    /// </summary>
    public static async Task<(Workspace Workspace, BackupSummary Summary)> RestoreAsync(
        string path, string passphrase, WorkspaceLocation target, string actor, TimeProvider time, CancellationToken cancellationToken)
    {
        var header = await ReadHeaderAsync(path, cancellationToken).ConfigureAwait(false);
        KeyRing keys;
        try
        {
            keys = KeyRing.Unlock(header.Value.WrappedKey, passphrase);
        }
        catch (TamperedException ex)
        {
            throw new TumenException($"the backup {path} is damaged: its key record is not intact. Nothing was restored.", ex, ExitCode.IntegrityFailure);
        }

        try
        {
            var check = await ReadAsync(path, keys, onLine: null, cancellationToken).ConfigureAwait(false);
            var session = new WorkspaceSession(keys, actor, time);
            var workspace = await Workspace.InitializeAsync(target, session, async (db, ct) =>
            {
                db.WritingArchivedRows = true;
                var batch = 0;
                await ReadAsync(path, keys, async line =>
                {
                    db.Add(ToRow(db, line));
                    if (++batch % 5_000 == 0)
                    {
                        await db.SaveChangesAsync(ct).ConfigureAwait(false);
                        db.ChangeTracker.Clear();
                    }
                }, ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                db.WritingArchivedRows = false;
                db.RecordAccess("restore", "workspace", header.Value.BackupId);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);

            var anchor = header.Value.Anchor is { } stored ? AnchorRecord.Parse(session.Chain, stored, $"the backup {path}") : null;
            var report = await Verifier.VerifyAsync(workspace, anchor, progress: null, cancellationToken).ConfigureAwait(false);
            if (!report.Ok)
            {
                workspace.Dispose();
                await Workspace.RemoveAsync(target, dropPostgresTables: true, removeDirectory: false).ConfigureAwait(false);
                throw new TumenException($"the restored workspace failed verification ({report.FirstProblem}); it was removed.", ExitCode.IntegrityFailure);
            }

            return (workspace, new BackupSummary(header.Value.BackupId, check.Rows, new FileInfo(path).Length));
        }
        catch
        {
            keys.Dispose();
            throw;
        }
    }

    private static async IAsyncEnumerable<ArchiveLine> ArchiveLines(TumenDbContext db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var type in db.Model.GetEntityTypes().OrderBy(t => t.GetTableName() == "audit_log").ThenBy(t => t.GetTableName(), StringComparer.Ordinal))
        {
            var table = type.GetTableName()!;
            var rows = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            await foreach (var row in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return new ArchiveLine(table, JsonSerializer.SerializeToElement(row, type.ClrType, StorageJson.Options));
            }
        }
    }

    private static object ToRow(TumenDbContext db, ArchiveLine line)
    {
        var type = db.Model.GetEntityTypes().FirstOrDefault(t => string.Equals(t.GetTableName(), line.Table, StringComparison.Ordinal))
            ?? throw new TumenException($"the backup holds a table this Tumen does not know ({line.Table}); restore it with a newer Tumen.", ExitCode.BadInput);
        return line.Row.Deserialize(type.ClrType, StorageJson.Options)!;
    }

    private static async Task<(long Rows, long Chunks)> ReadAsync(string path, KeyRing keys, Func<ArchiveLine, Task>? onLine, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        var header = await ReadHeaderAsync(file, path, cancellationToken).ConfigureAwait(false);
        var digest = HeaderDigest(header.Bytes);
        long rows = 0;
        long index = 0;
        var pending = new List<byte>();
        while (true)
        {
            var block = await ReadBlockAsync(file, MaxChunkCiphertext, path, cancellationToken).ConfigureAwait(false)
                ?? throw Damaged(path, "it ends before its last chunk (truncated)");
            var last = keys.TryDecryptBackup(block, ChunkContext(digest, index, last: true), out var plaintext);
            if (!last && !keys.TryDecryptBackup(block, ChunkContext(digest, index, last: false), out plaintext))
            {
                throw Damaged(path, $"chunk {index} does not open (altered, reordered, or encrypted under another key)");
            }

            pending.AddRange(plaintext);
            var start = 0;
            var buffer = pending.ToArray();
            for (var i = 0; i < buffer.Length; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                var line = JsonSerializer.Deserialize<ArchiveLine>(buffer.AsSpan(start, i - start), StorageJson.Options)
                    ?? throw Damaged(path, "a record is empty");
                rows++;
                if (onLine is not null)
                {
                    await onLine(line).ConfigureAwait(false);
                }

                start = i + 1;
            }

            pending = [.. buffer.AsSpan(start)];
            index++;
            if (last)
            {
                if (pending.Count != 0 || file.Position != file.Length)
                {
                    throw Damaged(path, "there is data after its last chunk");
                }

                return (rows, index);
            }
        }
    }

    private static async Task<(Header Value, byte[] Bytes)> ReadHeaderAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            return await ReadHeaderAsync(file, path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new TumenException($"cannot open the backup {path}: {ex.Message}", ex, ExitCode.BadInput);
        }
        catch (IOException ex)
        {
            throw new TumenException($"cannot read the backup {path}: {ex.Message}", ex, ExitCode.BadInput);
        }
    }

    private static async Task<(Header Value, byte[] Bytes)> ReadHeaderAsync(FileStream file, string path, CancellationToken cancellationToken)
    {
        var magic = new byte[Magic.Length];
        var got = await file.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var legacy = got == magic.Length && magic.AsSpan().SequenceEqual(LegacyMagic);
        if (!legacy && (got != magic.Length || !magic.AsSpan().SequenceEqual(Magic)))
        {
            throw LooksLikeBackup(magic.AsSpan(0, got)) || magic.AsSpan(0, Math.Min(got, 5)).SequenceEqual("TUMEN"u8)
                ? Damaged(path, "its first bytes are altered")
                : new TumenException($"{path} is not a Tumen backup.", ExitCode.BadInput);
        }

        var bytes = await ReadBlockAsync(file, 64 * 1024, path, cancellationToken).ConfigureAwait(false) ?? throw Damaged(path, "its header is missing");
        if (!legacy)
        {
            var checksum = new byte[32];
            if (await file.ReadAtLeastAsync(checksum, checksum.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) != checksum.Length
                || !CryptographicOperations.FixedTimeEquals(checksum, SHA256.HashData(bytes)))
            {
                throw Damaged(path, "its header does not match its checksum");
            }
        }

        Header? header;
        try
        {
            header = JsonSerializer.Deserialize<Header>(bytes, StorageJson.Options);
        }
        catch (JsonException)
        {
            throw Damaged(path, "its header is not readable");
        }

        if (header?.WrappedKey is null || header.BackupId is null)
        {
            throw Damaged(path, "its header is incomplete");
        }

        return header.Format == 1 ? (header, bytes) : throw new TumenException($"{path} was written by a newer Tumen (format {header.Format}).", ExitCode.BadInput);
    }

    private static async Task WriteBlockAsync(Stream stream, byte[] block, CancellationToken cancellationToken)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, block.Length);
        await stream.WriteAsync(length, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(block, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]?> ReadBlockAsync(Stream stream, int maxLength, string path, CancellationToken cancellationToken)
    {
        var prefix = new byte[4];
        var got = await stream.ReadAtLeastAsync(prefix, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got == 0)
        {
            return null;
        }

        var length = got == 4 ? BinaryPrimitives.ReadInt32BigEndian(prefix) : -1;
        if (length < 0 || length > maxLength)
        {
            throw Damaged(path, "a block has an impossible length");
        }

        var block = new byte[length];
        if (await stream.ReadAtLeastAsync(block, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) != length)
        {
            throw Damaged(path, "it ends in the middle of a block (truncated)");
        }

        return block;
    }

    private static string HeaderDigest(byte[] header) => Convert.ToHexStringLower(SHA256.HashData(header));

    private static string ChunkContext(string headerDigest, long index, bool last) =>
        $"tumen/backup/v1/{headerDigest}/{index}/{(last ? "last" : "more")}";

    private static TumenException Damaged(string path, string what) =>
        new($"the backup {path} is damaged: {what}. Nothing was restored.", ExitCode.IntegrityFailure);

    /// <summary>The clear header: enough to unlock with the passphrase alone, and where the chain stood.</summary>
    /// <param name="Anchor">The audit chain's count and head when the backup was written (<see cref="AnchorRecord"/>), so a backup can serve as an anchor.</param>
    private sealed record Header(int Format, string BackupId, long CreatedAt, string Provider, WrappedKey WrappedKey, string? Anchor = null);

    private sealed record ArchiveLine(string Table, JsonElement Row);

    /// <summary>Buffers lines into chunks and seals each; the last chunk is marked so truncation shows.</summary>
    private sealed class ChunkWriter(Stream stream, KeyRing keys, string headerDigest) : IAsyncDisposable
    {
        private readonly MemoryStream _buffer = new();
        private long _index;

        public async Task WriteLineAsync(ArchiveLine line, CancellationToken cancellationToken)
        {
            JsonSerializer.Serialize(_buffer, line, StorageJson.Options);
            _buffer.WriteByte((byte)'\n');
            var offset = 0;
            while (_buffer.Length - offset > ChunkSize)
            {
                await EmitAsync(new ArraySegment<byte>(_buffer.GetBuffer(), offset, ChunkSize), last: false, cancellationToken).ConfigureAwait(false);
                offset += ChunkSize;
            }

            if (offset > 0)
            {
                var rest = _buffer.GetBuffer().AsSpan(offset, (int)_buffer.Length - offset).ToArray();
                CryptographicOperations.ZeroMemory(_buffer.GetBuffer());
                _buffer.SetLength(0);
                _buffer.Write(rest);
            }
        }

        public Task CompleteAsync(CancellationToken cancellationToken) =>
            EmitAsync(new ArraySegment<byte>(_buffer.GetBuffer(), 0, (int)_buffer.Length), last: true, cancellationToken);

        public ValueTask DisposeAsync()
        {
            CryptographicOperations.ZeroMemory(_buffer.GetBuffer());
            return _buffer.DisposeAsync();
        }

        private async Task EmitAsync(ArraySegment<byte> plaintext, bool last, CancellationToken cancellationToken)
        {
            var sealedChunk = keys.EncryptBackup(plaintext, ChunkContext(headerDigest, _index++, last));
            await WriteBlockAsync(stream, sealedChunk, cancellationToken).ConfigureAwait(false);
        }
    }
}
