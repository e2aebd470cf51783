using System.Security.Cryptography;
using System.Text;
using Sodium;
using Tumen.Intake.Sealing;

namespace Tumen.Intake.Receipts;

/// <summary>
/// What a reporter keeps after sending: 80 random bits, shown as ten words. From it alone she
/// derives (Argon2id) the key pair that opens the replies to her report and the id under which the
/// portal files them; the portal stores that public key and id, never the receipt.
/// </summary>
public sealed class Receipt
{
    /// <summary>Ten bytes: 80 bits, out of reach of guessing even against a seized portal.</summary>
    public const int Length = 10;

    // A fixed, public salt: the receipt itself is the random secret, and the portal must derive the
    // same keys from it again without having stored anything about it.
    private static readonly byte[] Salt = Encoding.ASCII.GetBytes("tumen-receipt-v1");

    private readonly byte[] _bytes;

    private Receipt(byte[] bytes) => _bytes = bytes;

    /// <summary>A fresh random receipt.</summary>
    public static Receipt New() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>Reads the words she typed (any of the three languages, any spacing); false if any word is unknown or the count is wrong.</summary>
    public static bool TryParse(string? text, out Receipt? receipt)
    {
        receipt = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = text.Split([' ', ',', '\u3000', '\u3001', '\uFF0C', '-', '\r', '\n', '\t', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != Length)
        {
            return false;
        }

        var bytes = new byte[Length];
        for (var i = 0; i < Length; i++)
        {
            if (!ReceiptWords.Default.TryValue(words[i], out bytes[i]))
            {
                return false;
            }
        }

        receipt = new Receipt(bytes);
        return true;
    }

    /// <summary>The receipt as words in <paramref name="language"/>, separated by spaces.</summary>
    public string ToWords(string language) => string.Join(' ', _bytes.Select(b => ReceiptWords.Default.Word(b, language)));

    /// <summary>
    /// Derives her reply key pair and the thread id (Argon2id, 12 MiB and 3 passes: one of OWASP's settings,
    /// about a tenth of a second, so a flood of look-ups cannot pin the portal's processor).
    /// </summary>
    public ReceiptKeys Derive()
    {
        var output = PasswordHash.ArgonHashBinary(_bytes, Salt, 3, 12 * 1024 * 1024, 64, PasswordHash.ArgonAlgorithm.Argon_2ID13);
        try
        {
            var privateKey = output[..32];
            var pair = IntakeKeyPair.FromPrivateKey(privateKey);
            CryptographicOperations.ZeroMemory(privateKey);
            var thread = Convert.ToHexStringLower(SHA256.HashData(output.AsSpan(32)))[..32];
            return new ReceiptKeys(pair, thread);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output);
        }
    }
}

/// <summary>What a receipt unlocks: the key pair replies are sealed to, and the thread id the portal files them under.</summary>
public sealed record ReceiptKeys(IntakeKeyPair Keys, string Thread);
