using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tumen.Core.Model;

namespace Tumen.Storage.Protection;

/// <summary>
/// Search over encrypted text without a plaintext index: text is cut into normalised tokens (words
/// for Latin script; character bigrams for Hangul and Han runs, since neither separates words the way
/// search needs), and only a keyed hash of each token is stored.
/// </summary>
public static class BlindIndex
{
    /// <summary>Bytes kept of each token's HMAC: enough to make collisions irrelevant for search.</summary>
    public const int TokenLength = 16;

    /// <summary>The distinct normalised tokens of a text.</summary>
    public static IReadOnlySet<string> Tokens(string text)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var normalised = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var latin = new StringBuilder();
        var cjk = new StringBuilder();
        foreach (var rune in normalised)
        {
            if (Scripts.IsHangul(rune) || Scripts.IsHan(rune))
            {
                Flush(latin, tokens, isCjk: false);
                cjk.Append(rune);
            }
            else if (char.IsLetterOrDigit(rune))
            {
                Flush(cjk, tokens, isCjk: true);
                latin.Append(rune);
            }
            else
            {
                Flush(latin, tokens, isCjk: false);
                Flush(cjk, tokens, isCjk: true);
            }
        }

        Flush(latin, tokens, isCjk: false);
        Flush(cjk, tokens, isCjk: true);
        return tokens;
    }

    /// <summary>The stored form of each token of <paramref name="text"/> for one field.</summary>
    public static IEnumerable<byte[]> Hashes(byte[] key, string field, string text) =>
        Tokens(text).Select(token => Hash(key, field, token));

    /// <summary>The keyed hash of one token, scoped to a field so equal words in different fields do not correlate.</summary>
    public static byte[] Hash(byte[] key, string field, string token)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(field + "\u001f" + token), mac);
        return mac[..TokenLength].ToArray();
    }

    private static void Flush(StringBuilder run, HashSet<string> tokens, bool isCjk)
    {
        if (run.Length == 0)
        {
            return;
        }

        var s = run.ToString();
        run.Clear();
        if (!isCjk)
        {
            tokens.Add(s);
            return;
        }

        if (s.Length == 1)
        {
            tokens.Add(s);
            return;
        }

        for (var i = 0; i + 1 < s.Length; i++)
        {
            tokens.Add(s.Substring(i, 2));
        }
    }
}
