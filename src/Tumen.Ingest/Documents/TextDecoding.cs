using System.Globalization;
using System.Text;

namespace Tumen.Ingest.Documents;

/// <summary>
/// Turns the bytes of a text file into a string: BOM-aware, strict UTF-8 first, binary content
/// refused, a few invalid bytes replaced with U+FFFD and reported.
/// </summary>
internal static class TextDecoding
{
    private const int BinaryProbeBytes = 64 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static string Decode(ReadOnlySpan<byte> bytes, string fileName, List<string> warnings)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        var binaryAt = FindBinary(bytes);
        if (binaryAt >= 0)
        {
            throw new DocumentReadException(string.Create(
                CultureInfo.InvariantCulture,
                $"{fileName} does not look like a text document (binary content at byte {binaryAt})."));
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var text = LenientUtf8.GetString(bytes);
            var replaced = text.AsSpan().Count('\uFFFD');
            if (replaced > Math.Max(16, text.Length / 20))
            {
                throw new DocumentReadException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{fileName} is not UTF-8 text ({replaced} invalid byte sequences, the first near byte {ex.Index}); save it as UTF-8 and import it again."),
                    ex);
            }

            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{replaced} invalid UTF-8 byte sequence(s), the first near byte {Math.Max(0, ex.Index)}, were replaced with U+FFFD."));
            return text;
        }
    }

    /// <summary>Offset of the first byte that marks binary content (NUL, or a run of control bytes), or -1.</summary>
    private static int FindBinary(ReadOnlySpan<byte> bytes)
    {
        var probe = bytes[..Math.Min(bytes.Length, BinaryProbeBytes)];
        var control = 0;
        var firstControl = -1;
        for (var i = 0; i < probe.Length; i++)
        {
            var b = probe[i];
            if (b == 0)
            {
                return i;
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                control++;
                if (firstControl < 0)
                {
                    firstControl = i;
                }
            }
        }

        return control > Math.Max(4, probe.Length / 100) ? firstControl : -1;
    }
}
