using System.Security.Cryptography;
using Sodium;

namespace Tumen.Intake.Sealing;

/// <summary>
/// An X25519 key pair for sealed boxes: the investigators' intake pair (made by
/// <c>tumen intake keygen</c>) or a reporter's pair derived from her receipt.
/// </summary>
public sealed class IntakeKeyPair : IDisposable
{
    private IntakeKeyPair(byte[] publicKey, byte[] privateKey)
    {
        PublicKey = publicKey;
        PrivateKey = privateKey;
    }

    public byte[] PublicKey { get; }

    public byte[] PrivateKey { get; }

    /// <summary>A fresh random pair.</summary>
    public static IntakeKeyPair Generate()
    {
        var seed = RandomNumberGenerator.GetBytes(SealedBox.KeyLength);
        try
        {
            return FromPrivateKey(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>The pair whose private key is <paramref name="privateKey"/> (the public key is computed from it).</summary>
    public static IntakeKeyPair FromPrivateKey(byte[] privateKey)
    {
        SealedBox.CheckKey(privateKey);
        var pair = PublicKeyBox.GenerateKeyPair(privateKey);
        return new IntakeKeyPair(pair.PublicKey, [.. privateKey]);
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(PrivateKey);
}
