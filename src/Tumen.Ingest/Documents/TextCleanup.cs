using System.Globalization;
using System.Text;

namespace Tumen.Ingest.Documents;

/// <summary>
/// Brings extracted text to the one form extractors see: NFC, LF line ends, no control characters,
/// no runs of blank lines, no unpaired surrogates or noncharacters, and at most <see cref="ReaderLimits.MaxTextChars"/> characters.
/// </summary>
internal static class TextCleanup
{
    public static string Clean(string raw, int maxChars, List<string> warnings, out bool truncated)
    {
        truncated = false;

        // Cut before the expensive passes so a 50 MB file costs no more than the limit.
        if (raw.Length > maxChars + 1024)
        {
            raw = raw[..(maxChars + 1024)];
            truncated = true;
        }

        var sb = new StringBuilder(raw.Length);
        var newlines = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\r')
            {
                if (i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }

            if (c == '\n')
            {
                TrimTrailingSpaces(sb);
                if (++newlines > 2)
                {
                    continue;
                }

                sb.Append('\n');
                continue;
            }

            if (c is '\uFEFF' or '\u200B' || (char.IsControl(c) && c != '\t'))
            {
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // A pair is kept whole; a lone half (UTF-16 junk, or a cut through a pair) would make
                // normalisation throw, so it becomes U+FFFD (found by fuzzing, fuzz/crashes/text).
                if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1])
                    && !IsNoncharacter(char.ConvertToUtf32(c, raw[i + 1])))
                {
                    newlines = 0;
                    sb.Append(c).Append(raw[++i]);
                    continue;
                }

                c = '\uFFFD';
            }

            if (IsNoncharacter(c))
            {
                c = '\uFFFD'; // U+FFFE, U+FFFF, U+FDD0-FDEF: normalisation refuses them too
            }

            if (c is '\u00A0' or '\t' or '\u3000')
            {
                c = c == '\u3000' ? c : ' ';
            }

            newlines = 0;
            sb.Append(c);
        }

        var text = sb.ToString().Trim();
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        if (text.Length > maxChars)
        {
            var cut = maxChars;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            text = text[..cut];
            truncated = true;
        }

        if (truncated)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The text was cut at {maxChars} characters."));
        }

        return text;
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static void TrimTrailingSpaces(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
    }
}
