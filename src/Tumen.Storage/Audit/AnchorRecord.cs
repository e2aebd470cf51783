using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tumen.Core;

namespace Tumen.Storage.Audit;

/// <summary>
/// The stored form of an <see cref="AuditAnchor"/>: in the workspace meta table, in backup headers
/// and in anchor files the user keeps elsewhere. The MAC makes an edited anchor show as damaged;
/// only someone with the passphrase can write one.
/// </summary>
public static class AnchorRecord
{
    /// <summary>The workspace meta key of the anchor the workspace keeps of itself.</summary>
    public const string MetaKey = "audit_anchor";

    /// <summary>JSON of the anchor and its MAC.</summary>
    public static string Serialize(AuditChain chain, AuditAnchor anchor) =>
        JsonSerializer.Serialize(new Stored(1, anchor.Count, anchor.Head, chain.AnchorMac(anchor)), StorageJson.Options);

    /// <summary>Reads an anchor and checks its MAC; a damaged or forged one is an integrity failure naming <paramref name="where"/>.</summary>
    public static AuditAnchor Parse(AuditChain chain, string json, string where)
    {
        Stored? stored;
        try
        {
            stored = JsonSerializer.Deserialize<Stored>(json, StorageJson.Options);
        }
        catch (JsonException)
        {
            stored = null;
        }

        if (stored is not { Format: 1, Count: >= 0, Head.Length: 64, Mac: not null })
        {
            throw new TamperedException($"{where}: the audit anchor is damaged (not readable)");
        }

        var anchor = new AuditAnchor(stored.Count, stored.Head);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(chain.AnchorMac(anchor)), Encoding.ASCII.GetBytes(stored.Mac)))
        {
            throw new TamperedException($"{where}: the audit anchor was altered, or belongs to another workspace or key");
        }

        return anchor;
    }

    /// <summary>Writes an anchor file for the user to keep away from the workspace; never overwrites.</summary>
    public static async Task WriteFileAsync(AuditChain chain, AuditAnchor anchor, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = SecureFiles.CreateNew(path);
            await file.WriteAsync(Encoding.UTF8.GetBytes(Serialize(chain, anchor) + "\n"), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new TumenException($"{path} already exists; choose a new file name for the anchor.", ex, ExitCode.BadInput);
        }
    }

    /// <summary>
    /// Reads the anchor kept in <paramref name="path"/>: a file written by <see cref="WriteFileAsync"/>,
    /// or a backup (its header records where the chain stood when it was written).
    /// </summary>
    public static async Task<AuditAnchor> ReadFileAsync(AuditChain chain, string path, CancellationToken cancellationToken)
    {
        byte[] start = new byte[8];
        try
        {
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                start = start[..await file.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)];
            }

            if (Backups.BackupArchive.LooksLikeBackup(start))
            {
                var stored = await Backups.BackupArchive.ReadAnchorAsync(path, cancellationToken).ConfigureAwait(false)
                    ?? throw new TumenException($"the backup {path} was written before backups recorded an anchor; use a newer backup or an anchor file.", ExitCode.BadInput);
                return Parse(chain, stored, $"the backup {path}");
            }

            var info = new FileInfo(path);
            if (info.Length > 4096)
            {
                throw new TamperedException($"{path}: the audit anchor is damaged (too long for an anchor file)");
            }

            return Parse(chain, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new TumenException($"cannot read the anchor {path}: {ex.Message}", ex, ExitCode.BadInput);
        }
    }

    private sealed record Stored(int Format, long Count, string Head, string? Mac);
}
