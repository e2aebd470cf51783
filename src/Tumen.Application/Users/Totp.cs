using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tumen.Application.Users;

/// <summary>
/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, six digits), the kind every
/// authenticator app reads from a QR code. Written here so the clock is the injected
/// <see cref="TimeProvider"/> and tests can compute a code as a phone would.
/// </summary>
public static class Totp
{
    private const int StepSeconds = 30;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>A new 160-bit secret in base32, as authenticator apps expect.</summary>
    public static string NewSecret() => ToBase32(RandomNumberGenerator.GetBytes(20));

    /// <summary>The code for the step containing <paramref name="at"/>.</summary>
    public static string Code(string secret, DateTimeOffset at) => CodeForStep(FromBase32(secret), at.ToUnixTimeSeconds() / StepSeconds);

    /// <summary>Whether <paramref name="code"/> is valid now, allowing one step of clock drift either way.</summary>
    public static bool Verify(string secret, string? code, DateTimeOffset now)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6)
        {
            return false;
        }

        var key = FromBase32(secret);
        var step = now.ToUnixTimeSeconds() / StepSeconds;
        var ok = false;
        for (var drift = -1; drift <= 1; drift++)
        {
            ok |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeForStep(key, step + drift)), Encoding.ASCII.GetBytes(digits));
        }

        return ok;
    }

    /// <summary>The otpauth URI an authenticator app reads from the QR code.</summary>
    public static string EnrolmentUri(string issuer, string account, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";

    private static string CodeForStep(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 TOTP is defined over HMAC-SHA1; every authenticator app uses it.
        HMACSHA1.HashData(key, counter, mac);
#pragma warning restore CA5350
        var offset = mac[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(mac[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static string ToBase32(byte[] data)
    {
        var output = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            output.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return output.ToString();
    }

    private static byte[] FromBase32(string text)
    {
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c != '=' && c != ' '))
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator secret is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
