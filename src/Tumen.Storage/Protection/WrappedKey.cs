namespace Tumen.Storage.Protection;

/// <summary>The data key sealed under a passphrase-derived key: safe to store next to the data.</summary>
public sealed record WrappedKey(int Version, KdfParameters Kdf, byte[] Salt, byte[] Nonce, byte[] Ciphertext);
