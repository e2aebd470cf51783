using System.Text.Json;
using Tumen.Storage.Audit;
using Tumen.Storage.Protection;

namespace Tumen.Storage.Workspaces;

/// <summary>
/// An unlocked workspace as seen by one actor: the keys, who is acting (for the audit log) and
/// the clock (injected so custody timestamps can be tested).
/// </summary>
public sealed class WorkspaceSession(KeyRing keys, string actor, TimeProvider time)
{
    public KeyRing Keys { get; } = keys;

    public string Actor { get; } = actor;

    public TimeProvider Time { get; } = time;

    public RowSealer Sealer { get; } = new(keys.SealKey);

    public AuditChain Chain { get; } = new(keys.AuditKey);

    /// <summary>Now, as stored: Unix milliseconds.</summary>
    public long Now() => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Encrypts a record's identifying fields, bound to its table, id and field name.</summary>
    public byte[] Protect<T>(T value, string table, Guid id, string field = "secrets") =>
        Keys.Encrypt(JsonSerializer.SerializeToUtf8Bytes(value, StorageJson.Options), Context(table, id, field));

    /// <summary>Decrypts what <see cref="Protect{T}"/> wrote; throws <see cref="TamperedException"/> if it was altered or moved.</summary>
    public T Unprotect<T>(byte[] ciphertext, string table, Guid id, string field = "secrets")
    {
        if (!Keys.TryDecrypt(ciphertext, Context(table, id, field), out var plaintext))
        {
            throw new TamperedException($"{table} row {id:D}: field {field} fails to decrypt (altered, or moved from another record)");
        }

        return JsonSerializer.Deserialize<T>(plaintext, StorageJson.Options)
            ?? throw new TamperedException($"{table} row {id:D}: field {field} is empty");
    }

    /// <summary>Whether a ciphertext opens under its record and field (used by verify).</summary>
    public bool CanOpen(byte[] ciphertext, string table, Guid id, string field = "secrets") =>
        Keys.TryDecrypt(ciphertext, Context(table, id, field), out _);

    internal static string Context(string table, Guid id, string field) => $"tumen/{table}/{id:D}/{field}";
}
