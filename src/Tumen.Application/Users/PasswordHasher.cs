using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Tumen.Application.Users;

/// <summary>Argon2id cost for account passwords; lower only in tests.</summary>
/// <param name="MemoryKib">Memory cost in KiB.</param>
/// <param name="Passes">Passes over memory.</param>
public sealed record PasswordCost(int MemoryKib, int Passes)
{
    /// <summary>64 MiB and 2 passes: above the OWASP floor (19 MiB, 2 passes), a fraction of a second per login.</summary>
    public static PasswordCost Default { get; } = new(64 * 1024, 2);
}

/// <summary>
/// Hashes account passwords with Argon2id (libsodium through NSec) in the PHC string form, so the
/// cost travels with each hash and can be raised without breaking older accounts.
/// </summary>
public sealed class PasswordHasher(PasswordCost cost)
{
    private const int SaltLength = 16;
    private const int HashLength = 32;

    /// <summary>A new hash of <paramref name="password"/> with a fresh salt.</summary>
    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var hash = Derive(password, salt, cost);
        return string.Create(CultureInfo.InvariantCulture,
            $"$argon2id$v=19$m={cost.MemoryKib},t={cost.Passes},p=1${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Whether <paramref name="password"/> matches; false for any malformed hash.</summary>
    public static bool Verify(string encoded, string password)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var parts = encoded.Split('$');
        if (parts.Length != 6 || !string.Equals(parts[1], "argon2id", StringComparison.Ordinal))
        {
            return false;
        }

        var settings = parts[3].Split(',');
        if (settings.Length != 3
            || !int.TryParse(settings[0].AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var memory)
            || !int.TryParse(settings[1].AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var passes))
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[4]);
            var expected = Convert.FromBase64String(parts[5]);
            var actual = Derive(password, salt, new PasswordCost(memory, passes));
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Whether a stored hash was made with a lower cost than the current one (re-hash on next login).</summary>
    public bool NeedsRehash(string encoded) =>
        !encoded.Contains(string.Create(CultureInfo.InvariantCulture, $"m={cost.MemoryKib},t={cost.Passes},"), StringComparison.Ordinal);

    private static byte[] Derive(string password, byte[] salt, PasswordCost cost)
    {
        var argon = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = cost.MemoryKib,
            NumberOfPasses = cost.Passes,
        });
        return argon.DeriveBytes(password.Normalize(NormalizationForm.FormC), salt, HashLength);
    }
}
