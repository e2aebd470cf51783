using System.Text;
using System.Text.RegularExpressions;

namespace Tumen.Ingest.Documents;

/// <summary>Markdown to plain text: keeps the words, drops the markup (headings, emphasis, link targets, images, HTML tags).</summary>
internal static partial class MarkdownText
{
    public static string ToText(string markdown, out string? title)
    {
        title = null;
        var sb = new StringBuilder(markdown.Length);
        foreach (var rawLine in markdown.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal) || IsRule(line))
            {
                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                line = heading.Groups[1].Value;
                title ??= line.Trim();
            }

            line = Quote().Replace(line, "");
            line = Bullet().Replace(line, "");
            line = Image().Replace(line, "");
            line = Link().Replace(line, "$1");
            line = Tag().Replace(line, "");
            line = Emphasis().Replace(line, "$2");
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static bool IsRule(string line)
    {
        var t = line.Trim();
        return t.Length >= 3 && (t.All(c => c == '-') || t.All(c => c == '*') || t.All(c => c == '='));
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*>+\s?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Quote();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Link();

    [GeneratedRegex(@"</?[A-Za-z][^>\n]{0,500}>", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(\*\*|__|\*|_|`)(\S(?:[^\n]{0,500}?\S)?)\1", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Emphasis();
}
