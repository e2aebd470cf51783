using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Intake.Sealing;
using Tumen.Storage.Rows;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Intake;

/// <summary>
/// The investigators' intake key pair and the portal's intake token, kept in the workspace: the
/// public key in the clear (it is handed to the portal anyway), the private key and the token
/// encrypted under the workspace key, bound to their purpose.
/// </summary>
public static class IntakeKeyStore
{
    private const string PublicKeyMeta = "intake_public_key";
    private const string PrivateKeyMeta = "intake_private_key";
    private const string TokenMeta = "intake_token";

    /// <summary>
    /// Makes the key pair and token. Refuses when one exists: replacing it would leave every report
    /// already sealed to the old key unreadable.
    /// </summary>
    public static async Task<IntakeCredentials> GenerateAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var db = workspace.CreateContext();
        if (await db.Meta.AnyAsync(m => m.Key == PublicKeyMeta, cancellationToken).ConfigureAwait(false))
        {
            throw new TumenException("this workspace has an intake key already; a new one would make reports sealed to it unreadable. Nothing was changed.", ExitCode.BadInput);
        }

        using var pair = IntakeKeyPair.Generate();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var keys = workspace.Session.Keys;
        db.Meta.Add(new MetaRow { Key = PublicKeyMeta, Value = Convert.ToBase64String(pair.PublicKey) });
        db.Meta.Add(new MetaRow { Key = PrivateKeyMeta, Value = Convert.ToBase64String(keys.Encrypt(pair.PrivateKey, Context(PrivateKeyMeta))) });
        db.Meta.Add(new MetaRow { Key = TokenMeta, Value = Convert.ToBase64String(keys.Encrypt(Encoding.UTF8.GetBytes(token), Context(TokenMeta))) });
        db.RecordAccess("intake_keygen", "meta", PublicKeyMeta);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new IntakeCredentials([.. pair.PublicKey], token);
    }

    /// <summary>The key pair, to open sealed reports; the read is audited on the caller's next save.</summary>
    public static async Task<(IntakeKeyPair Keys, string Token)> LoadAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var db = workspace.CreateContext();
        var rows = await db.Meta.AsNoTracking().Where(m => m.Key == PrivateKeyMeta || m.Key == TokenMeta).ToDictionaryAsync(m => m.Key, m => m.Value, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        if (!rows.TryGetValue(PrivateKeyMeta, out var sealedKey) || !rows.TryGetValue(TokenMeta, out var sealedToken))
        {
            throw new TumenException("this workspace has no intake key: run 'tumen intake keygen' first.", ExitCode.BadInput);
        }

        var keys = workspace.Session.Keys;
        if (!keys.TryDecrypt(Convert.FromBase64String(sealedKey), Context(PrivateKeyMeta), out var privateKey)
            || !keys.TryDecrypt(Convert.FromBase64String(sealedToken), Context(TokenMeta), out var token))
        {
            throw new TumenException("the workspace's intake key fails to decrypt (altered).", ExitCode.IntegrityFailure);
        }

        try
        {
            return (IntakeKeyPair.FromPrivateKey(privateKey), Encoding.UTF8.GetString(token));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private static string Context(string meta) => "tumen/meta/" + meta;
}

/// <summary>What keygen hands to the portal's operator: the public key and the intake token (shown once).</summary>
public sealed record IntakeCredentials(byte[] PublicKey, string Token);
