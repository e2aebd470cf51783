using System.Security.Cryptography;
using System.Text;

namespace Tumen.Application.Users;

/// <summary>
/// One-time recovery codes for a lost phone: shown once, stored as SHA-256 only (each code carries
/// 50 random bits, too many to guess offline within the throttled login).
/// </summary>
public static class RecoveryCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Count = 10;

    /// <summary>Fresh codes, formatted XXXXX-XXXXX.</summary>
    public static IReadOnlyList<string> Generate() =>
        [.. Enumerable.Range(0, Count).Select(_ =>
        {
            var chars = new char[11];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = i == 5 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }

            return new string(chars);
        })];

    /// <summary>The stored form of a code: hex SHA-256 of its normalised text.</summary>
    public static string HashOf(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Normalise(code))));

    private static string Normalise(string code) =>
        new(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
