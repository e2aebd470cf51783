using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tumen.Core.Model;

namespace Tumen.Storage.Protection;

/// <summary>
/// Search over encrypted text without a plaintext index: text is cut into normalised tokens (words
/// for Latin script; character bigrams for Hangul and Han runs, since neither separates words the way
/// search needs), and only a keyed hash of each token is stored. Stored index entries are buckets —
/// the first <see cref="BucketLength"/> bytes of the hash — so equal buckets do not mean equal words,
/// and each record's entries are padded with random buckets to a power of two, so their count says
/// little about the length of its names and text. Search filters the false positives out after
/// decryption (the approach of CipherSweet's truncated blind indexes).
/// </summary>
public static class BlindIndex
{
    /// <summary>Bytes kept of each token's HMAC in workspaces indexed before buckets (still searched).</summary>
    public const int TokenLength = 16;

    /// <summary>Bytes of each stored bucket.</summary>
    public const int BucketLength = 2;

    /// <summary>
    /// Bits kept of each token's HMAC in the index: 4,096 buckets, so each holds many different words
    /// in a workspace of any size, at the cost of false positives that search removes after decryption
    /// (docs/THREAT-MODEL.md has the measured leakage).
    /// </summary>
    public const int BucketBits = 12;

    /// <summary>The fewest index entries a record has; counts are rounded up to a power of two from here.</summary>
    public const int MinimumEntries = 8;

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

    /// <summary>The stored bucket of one token (a prefix of <see cref="Hash"/>).</summary>
    public static byte[] Bucket(byte[] key, string field, string token) => ToBucket(Hash(key, field, token));

    /// <summary>The bucket a full token hash falls in: its first <see cref="BucketBits"/> bits.</summary>
    public static byte[] ToBucket(ReadOnlySpan<byte> hash)
    {
        var bucket = hash[..BucketLength].ToArray();
        bucket[1] &= (byte)((0xFF << ((BucketLength * 8) - BucketBits)) & 0xFF);
        return bucket;
    }

    /// <summary>The buckets of every token of <paramref name="text"/> for one field.</summary>
    public static IEnumerable<byte[]> Buckets(byte[] key, string field, string text) =>
        Tokens(text).Select(token => Bucket(key, field, token));

    /// <summary>
    /// A record's distinct buckets, padded with random ones to the next power of two (at least
    /// <see cref="MinimumEntries"/>), so the number stored hides how long the record's text is.
    /// </summary>
    public static IReadOnlyList<byte[]> Padded(IEnumerable<byte[]> buckets)
    {
        var distinct = new Dictionary<int, byte[]>();
        foreach (var bucket in buckets)
        {
            distinct.TryAdd(Key(bucket), bucket);
        }

        var target = MinimumEntries;
        while (target < distinct.Count)
        {
            target *= 2;
        }

        while (distinct.Count < target)
        {
            var random = ToBucket(RandomNumberGenerator.GetBytes(BucketLength));
            distinct.TryAdd(Key(random), random);
        }

        return [.. distinct.Values];

        static int Key(byte[] bucket) => (bucket[0] << 8) | bucket[1];
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
