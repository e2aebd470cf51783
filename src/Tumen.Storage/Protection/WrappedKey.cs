namespace Tumen.Storage.Protection;

/// <summary>The data key sealed under a passphrase-derived key: safe to store next to the data.</summary>
/// <param name="Check">
/// Hex SHA-256 of every other field (version 2 on): a damaged record is told apart from a wrong
/// passphrase. It is not a secret and proves nothing against an attacker — the associated data of the
/// wrap does that.
/// </param>
public sealed record WrappedKey(int Version, KdfParameters Kdf, byte[] Salt, byte[] Nonce, byte[] Ciphertext, string? Check = null);
