using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Tumen.Storage.Protection;

/// <summary>
/// The unlocked workspace: one random 256-bit data key, and the sub-keys derived from it for field
/// encryption (XChaCha20-Poly1305), blind indexes, row seals and the audit chain. Each purpose has
/// its own key so a leak of one kind of value (say, blind-index tokens) says nothing about another.
/// </summary>
public sealed class KeyRing : IDisposable
{
    private const int WrapVersion = 1;
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;
    private static readonly byte[] WrapAssociatedData = Encoding.UTF8.GetBytes("tumen/data-key/v1");

    private readonly bool _unencryptedBaseline;
    private readonly byte[] _dataKey;
    private readonly Key _fieldKey;
    private readonly Key _backupKey;

    private KeyRing(byte[] dataKey, bool unencryptedBaseline = false)
    {
        _unencryptedBaseline = unencryptedBaseline;
        _dataKey = dataKey;
        _fieldKey = Key.Import(Aead, Derive("field-encryption"), KeyBlobFormat.RawSymmetricKey);
        BlindIndexKey = Derive("blind-index");
        SealKey = Derive("row-seal");
        AuditKey = Derive("audit-chain");
        _backupKey = Key.Import(Aead, Derive("backup"), KeyBlobFormat.RawSymmetricKey);
    }

    /// <summary>Keyed hashing of search tokens.</summary>
    public byte[] BlindIndexKey { get; }

    /// <summary>MAC over each stored row.</summary>
    public byte[] SealKey { get; }

    /// <summary>MAC chaining the audit log.</summary>
    public byte[] AuditKey { get; }


    /// <summary>Makes a fresh data key and wraps it under <paramref name="passphrase"/>.</summary>
    public static (KeyRing Keys, WrappedKey Wrapped) Create(string passphrase, KdfParameters kdf)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        return (new KeyRing(dataKey), Wrap(dataKey, passphrase, kdf));
    }

    /// <summary>Unwraps the data key; throws <see cref="WrongPassphraseException"/> when the passphrase is wrong.</summary>
    public static KeyRing Unlock(WrappedKey wrapped, string passphrase)
    {
        if (wrapped.Version != WrapVersion)
        {
            throw new WrongPassphraseException("this workspace's key format is newer than this Tumen; upgrade Tumen.");
        }

        using var kek = DeriveKek(passphrase, wrapped.Salt, wrapped.Kdf);
        var dataKey = new byte[32];
        if (!Aead.Decrypt(kek, wrapped.Nonce, WrapAssociatedData, wrapped.Ciphertext, dataKey))
        {
            throw new WrongPassphraseException();
        }

        return new KeyRing(dataKey);
    }

    /// <summary>The same data key under a new passphrase: nothing else is re-encrypted.</summary>
    /// <summary>
    /// For the import benchmark only (internal): a key ring whose field "encryption" is a copy, so the
    /// cost of encryption can be measured against the same pipeline without it.
    /// </summary>
    internal static KeyRing CreateUnencryptedBaseline() => new(RandomNumberGenerator.GetBytes(32), unencryptedBaseline: true);

    public WrappedKey Rewrap(string newPassphrase, KdfParameters kdf) => Wrap(_dataKey, newPassphrase, kdf);

    /// <summary>Encrypts an identifying field; <paramref name="context"/> (record and field) is bound as associated data.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, string context) =>
        _unencryptedBaseline ? plaintext.ToArray() : Seal(_fieldKey, plaintext, context);

    /// <summary>Decrypts what <see cref="Encrypt"/> wrote under the same context; false if altered or moved.</summary>
    public bool TryDecrypt(ReadOnlySpan<byte> ciphertext, string context, out byte[] plaintext) =>
        Open(_fieldKey, ciphertext, context, out plaintext);

    /// <summary>Encrypts one chunk of a backup archive under the backup subkey.</summary>
    public byte[] EncryptBackup(ReadOnlySpan<byte> plaintext, string context) => Seal(_backupKey, plaintext, context);

    /// <summary>Decrypts one chunk of a backup archive; false if altered, reordered or cut.</summary>
    public bool TryDecryptBackup(ReadOnlySpan<byte> ciphertext, string context, out byte[] plaintext) =>
        Open(_backupKey, ciphertext, context, out plaintext);

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_dataKey);
        CryptographicOperations.ZeroMemory(BlindIndexKey);
        CryptographicOperations.ZeroMemory(SealKey);
        CryptographicOperations.ZeroMemory(AuditKey);
        _fieldKey.Dispose();
        _backupKey.Dispose();
    }

    private static byte[] Seal(Key key, ReadOnlySpan<byte> plaintext, string context)
    {
        var output = new byte[Aead.NonceSize + plaintext.Length + Aead.TagSize];
        var nonce = output.AsSpan(0, Aead.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Aead.Encrypt(key, nonce, Encoding.UTF8.GetBytes(context), plaintext, output.AsSpan(Aead.NonceSize));
        return output;
    }

    private static bool Open(Key key, ReadOnlySpan<byte> ciphertext, string context, out byte[] plaintext)
    {
        plaintext = [];
        if (ciphertext.Length < Aead.NonceSize + Aead.TagSize)
        {
            return false;
        }

        var result = new byte[ciphertext.Length - Aead.NonceSize - Aead.TagSize];
        if (!Aead.Decrypt(key, ciphertext[..Aead.NonceSize], Encoding.UTF8.GetBytes(context), ciphertext[Aead.NonceSize..], result))
        {
            return false;
        }

        plaintext = result;
        return true;
    }

    private static WrappedKey Wrap(byte[] dataKey, string passphrase, KdfParameters kdf)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var nonce = RandomNumberGenerator.GetBytes(Aead.NonceSize);
        using var kek = DeriveKek(passphrase, salt, kdf);
        var ciphertext = Aead.Encrypt(kek, nonce, WrapAssociatedData, dataKey);
        return new WrappedKey(WrapVersion, kdf, salt, nonce, ciphertext);
    }

    private static Key DeriveKek(string passphrase, byte[] salt, KdfParameters kdf)
    {
        var argon = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = kdf.MemoryKib,
            NumberOfPasses = kdf.Passes,
        });
        var bytes = argon.DeriveBytes(passphrase.Normalize(NormalizationForm.FormC), salt, 32);
        try
        {
            return Key.Import(Aead, bytes, KeyBlobFormat.RawSymmetricKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _dataKey, 32, salt: null, info: Encoding.UTF8.GetBytes("tumen/" + purpose));
}
