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
    private const int WrapVersion = 2;
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;
    private static readonly byte[] LegacyWrapAssociatedData = Encoding.UTF8.GetBytes("tumen/data-key/v1");

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
        EvidenceKey = Derive("evidence-lookup");
        _backupKey = Key.Import(Aead, Derive("backup"), KeyBlobFormat.RawSymmetricKey);
    }

    /// <summary>Keyed hashing of search tokens.</summary>
    public byte[] BlindIndexKey { get; }

    /// <summary>MAC over each stored row.</summary>
    public byte[] SealKey { get; }

    /// <summary>MAC chaining the audit log.</summary>
    public byte[] AuditKey { get; }

    /// <summary>Keyed hashing of evidence content, to find a file again without a plain hash of it.</summary>
    public byte[] EvidenceKey { get; }


    /// <summary>Makes a fresh data key and wraps it under <paramref name="passphrase"/>.</summary>
    public static (KeyRing Keys, WrappedKey Wrapped) Create(string passphrase, KdfParameters kdf)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        return (new KeyRing(dataKey), Wrap(dataKey, passphrase, kdf));
    }

    /// <summary>
    /// Unwraps the data key. Throws <see cref="WrongPassphraseException"/> when the passphrase is wrong
    /// and <see cref="TamperedException"/> when the key record itself is damaged: its version, KDF
    /// settings and salt are bound to the wrap as associated data, and covered by a checksum so damage
    /// is not mistaken for a wrong passphrase.
    /// </summary>
    public static KeyRing Unlock(WrappedKey wrapped, string passphrase)
    {
        if (wrapped.Kdf is null || wrapped.Salt is null || wrapped.Nonce is null || wrapped.Ciphertext is null)
        {
            throw Damaged("a field is missing");
        }

        if (wrapped.Version >= WrapVersion && !string.Equals(wrapped.Check, Checksum(wrapped), StringComparison.Ordinal))
        {
            throw Damaged("its checksum does not match");
        }

        if (wrapped.Version > WrapVersion)
        {
            throw new WrongPassphraseException("this workspace's key format is newer than this Tumen; upgrade Tumen.");
        }

        if (wrapped.Version < 1 || !wrapped.Kdf.IsPlausible || wrapped.Salt.Length != 16 || wrapped.Nonce.Length != Aead.NonceSize || wrapped.Ciphertext.Length != 32 + Aead.TagSize)
        {
            throw Damaged("its key-derivation settings or sizes are impossible");
        }

        using var kek = DeriveKek(passphrase, wrapped.Salt, wrapped.Kdf);
        var dataKey = new byte[32];
        var associated = wrapped.Version == 1 ? LegacyWrapAssociatedData : AssociatedData(wrapped.Version, wrapped.Kdf, wrapped.Salt);
        if (!Aead.Decrypt(kek, wrapped.Nonce, associated, wrapped.Ciphertext, dataKey))
        {
            throw new WrongPassphraseException();
        }

        return new KeyRing(dataKey);
    }

    /// <summary>
    /// For the import benchmark only (internal): a key ring whose field "encryption" is a copy, so the
    /// cost of encryption can be measured against the same pipeline without it.
    /// </summary>
    internal static KeyRing CreateUnencryptedBaseline() => new(RandomNumberGenerator.GetBytes(32), unencryptedBaseline: true);

    /// <summary>
    /// The same data key under a new passphrase: nothing else is re-encrypted, so an older copy of the
    /// workspace or a backup still opens with the old passphrase (use <c>tumen rekey</c> for a new key).
    /// </summary>
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
        CryptographicOperations.ZeroMemory(EvidenceKey);
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
        var ciphertext = Aead.Encrypt(kek, nonce, AssociatedData(WrapVersion, kdf, salt), dataKey);
        var wrapped = new WrappedKey(WrapVersion, kdf, salt, nonce, ciphertext);
        return wrapped with { Check = Checksum(wrapped) };
    }

    private static byte[] AssociatedData(int version, KdfParameters kdf, byte[] salt) =>
        new Canonical().Add("tumen/data-key/v2").Add(version).Add(kdf.MemoryKib).Add(kdf.Passes).Add(salt).ToArray();

    private static string Checksum(WrappedKey wrapped) => Convert.ToHexStringLower(SHA256.HashData(
        new Canonical().Add(AssociatedData(wrapped.Version, wrapped.Kdf, wrapped.Salt)).Add(wrapped.Nonce).Add(wrapped.Ciphertext).ToArray()));

    private static TamperedException Damaged(string what) =>
        new($"the workspace key record is damaged ({what}); restore the workspace from a backup. This is not a wrong passphrase.");

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
