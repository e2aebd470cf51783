using System.Globalization;
using System.Text;

namespace Tumen.Core;

/// <summary>
/// Makes a file name or path safe to print. A file name can hold terminal escape codes (ESC [ ...),
/// other control characters and bidirectional overrides; echoed raw, they can rewrite the screen, hide
/// a warning or make one file look like another. Every message that names an outside file goes
/// through <see cref="Of"/>, in the readers and the command line alike.
/// </summary>
public static class DisplayPath
{
    /// <summary>
    /// <paramref name="path"/> with every control character (C0, DEL, C1), bidirectional control and
    /// line or paragraph separator written as <c>\xHH</c> or <c>\uHHHH</c>; backslashes are doubled
    /// only when something was escaped, so ordinary names print as they are.
    /// </summary>
    public static string Of(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        if (!path.Any(NeedsEscape))
        {
            return path;
        }

        var sb = new StringBuilder(path.Length + 16);
        foreach (var c in path)
        {
            if (c == '\\')
            {
                sb.Append(@"\\");
            }
            else if (NeedsEscape(c))
            {
                sb.Append(c <= '\u00FF'
                    ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}")
                    : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The file name part of <paramref name="path"/>, made safe to print.</summary>
    public static string NameOf(string? path) => Of(Path.GetFileName(path));

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) // C0, DEL, C1 (includes the 8-bit CSI U+009B)
        || c is >= '\u200E' and <= '\u200F' // LRM, RLM
        || c is >= '\u202A' and <= '\u202E' // embeddings and overrides
        || c is >= '\u2066' and <= '\u2069' // isolates
        || c is '\u2028' or '\u2029' or '\u061C' or '\uFEFF';
}
