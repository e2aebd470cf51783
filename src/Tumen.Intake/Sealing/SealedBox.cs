using System.Security.Cryptography;
using Sodium;

namespace Tumen.Intake.Sealing;

/// <summary>
/// Anonymous public-key encryption (libsodium's sealed box): whoever holds only the public key can
/// seal, and only the private key opens. The portal holds public keys alone, so a seized portal
/// cannot read what it received.
/// </summary>
public static class SealedBox
{
    /// <summary>Bytes a sealed box adds to its plaintext (an ephemeral public key and a MAC).</summary>
    public const int Overhead = 48;

    /// <summary>The length of an X25519 public or private key.</summary>
    public const int KeyLength = 32;

    /// <summary>Seals <paramref name="plaintext"/> so that only the holder of the matching private key can open it.</summary>
    public static byte[] Seal(byte[] plaintext, byte[] recipientPublicKey)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        CheckKey(recipientPublicKey);
        return SealedPublicKeyBox.Create(plaintext, recipientPublicKey);
    }

    /// <summary>Opens a sealed box; false when it was sealed to another key or altered.</summary>
    public static bool TryOpen(byte[] sealedBytes, IntakeKeyPair keys, out byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        ArgumentNullException.ThrowIfNull(keys);
        plaintext = [];
        if (sealedBytes.Length < Overhead)
        {
            return false;
        }

        try
        {
            plaintext = SealedPublicKeyBox.Open(sealedBytes, keys.PrivateKey, keys.PublicKey);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    internal static void CheckKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"A key must be {KeyLength} bytes.", nameof(key));
        }
    }
}
