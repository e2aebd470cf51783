using System.Globalization;
using System.Resources;

namespace Tumen.Portal;

/// <summary>
/// One of the portal's languages: its path segment, the culture whose resource strings it uses,
/// and the language of vocabulary labels and receipt words. North Korean wording is its own
/// choice (<c>ko-KP</c>), falling back to the shared Korean strings where the words are the same.
/// </summary>
public sealed class PortalLanguage
{
    private static readonly ResourceManager Strings = new("Tumen.Portal.Resources.Strings", typeof(PortalLanguage).Assembly);

    private PortalLanguage(string slug, string culture, string labels, string htmlLang)
    {
        Slug = slug;
        Culture = CultureInfo.GetCultureInfo(culture);
        Labels = labels;
        HtmlLang = htmlLang;
    }

    /// <summary>Every language, in the order the links show them.</summary>
    public static IReadOnlyList<PortalLanguage> All { get; } =
    [
        new("ko", "ko", "ko", "ko"),
        new("ko-KP", "ko-KP", "ko", "ko-KP"),
        new("zh", "zh-Hans", "zh", "zh-Hans"),
        new("en", "en", "en", "en"),
    ];

    /// <summary>The path segment (<c>/ko/report</c>).</summary>
    public string Slug { get; }

    public CultureInfo Culture { get; }

    /// <summary>The language of vocabulary labels and receipt words: <c>ko</c>, <c>zh</c> or <c>en</c>.</summary>
    public string Labels { get; }

    public string HtmlLang { get; }

    /// <summary>The language with this path segment, or null.</summary>
    public static PortalLanguage? Find(string? slug) => All.FirstOrDefault(l => string.Equals(l.Slug, slug, StringComparison.Ordinal));

    /// <summary>The best language for an Accept-Language header (only used for the first page: every page has the links).</summary>
    public static PortalLanguage FromHeader(string? acceptLanguage)
    {
        var header = acceptLanguage ?? "";
        foreach (var part in header.Split(','))
        {
            var tag = part.Split(';')[0].Trim();
            if (tag.StartsWith("ko", StringComparison.OrdinalIgnoreCase))
            {
                return All[0];
            }

            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return All[2];
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return All[3];
            }
        }

        return All[0];
    }

    /// <summary>A resource string in this language.</summary>
    public string Text(string key) => Strings.GetString(key, Culture) ?? key;

    /// <summary>A resource string with its placeholders filled.</summary>
    public string Format(string key, object argument) => string.Format(Culture, Text(key), argument);
}
