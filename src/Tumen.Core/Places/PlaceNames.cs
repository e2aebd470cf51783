using System.Text;

namespace Tumen.Core.Places;

/// <summary>
/// Reads a place as records write it, in any script, into a gazetteer entry: with or without a country prefix
/// (<c>朝鲜</c>, <c>북한</c>, <c>North Korea</c>), a province before or after it (<c>함북 회령</c>,
/// <c>朝鲜咸镜北道会宁市</c>, <c>Hoeryong, North Hamgyong</c>) and an administrative affix
/// (<c>시/군/구</c>, <c>市/郡/县/区</c>, <c>City/County</c>, <c>-si/-gun</c>). The same town written four ways by
/// four sources is one place; linkage compares and blocks on it. Lookup by exact name stays
/// <see cref="Gazetteer.Lookup"/>: this is the forgiving reading for fields people typed.
/// </summary>
public static class PlaceNames
{
    // Affixes that name the kind of a unit, longest first; a name is looked up without them and with each added.
    private static readonly string[] LatinAffixes = [" special city", " province", " county", " city", " town", "-gun", "-kun", "-si", "-shi", " gun", " si"];
    private static readonly string[] CjkSuffixes = ["특별시", "직할시", "노동자구", "自治州", "特别市", "시", "군", "구", "읍", "市", "郡", "县", "縣", "区", "區", "镇", "鎮"];
    private static readonly string[] CjkAdded = ["시", "군", "市", "郡", "县"];

    /// <summary>
    /// The gazetteer entry a written place stands for, or null when none can be found (compare it as text then).
    /// When a field names several places (a province and a town in it), the most specific one is returned.
    /// </summary>
    public static Place? Resolve(Gazetteer gazetteer, string? text)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normal = Clean(text);
        if (LookupWithAffixes(gazetteer, normal) is { } direct)
        {
            return direct;
        }

        var words = normal.Split([' ', ',', '/', ';', '(', ')', '（', '）', '、', '，'], StringSplitOptions.RemoveEmptyEntries);
        Place? best = null;
        var bestDepth = -1;
        // Every run of words (longest first), each also read as one compact CJK string with prefixes.
        for (var length = words.Length; length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                var phrase = string.Join(' ', words, start, length);
                var place = LookupWithAffixes(gazetteer, phrase) ?? (length == 1 ? ResolveCompact(gazetteer, phrase) : null);
                if (place is null)
                {
                    continue;
                }

                var depth = gazetteer.Ancestry(place.Id).Count();
                if (depth > bestDepth)
                {
                    (best, bestDepth) = (place, depth);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// A written place reduced to a comparable text when the gazetteer does not know it: lower case, inner spaces
    /// collapsed, and the administrative affix removed (<c>Sambong-ri</c> stays, <c>Taehongdan County</c> becomes
    /// <c>taehongdan</c>), so that the same unknown place agrees with itself written with or without its affix.
    /// </summary>
    public static string TextKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = Clean(text).ToLowerInvariant();
        foreach (var affix in LatinAffixes)
        {
            if (normal.Length > affix.Length + 1 && normal.EndsWith(affix, StringComparison.Ordinal))
            {
                return normal[..^affix.Length].Trim();
            }
        }

        foreach (var suffix in CjkSuffixes)
        {
            if (normal.Length > suffix.Length + 1 && normal.EndsWith(suffix, StringComparison.Ordinal))
            {
                return normal[..^suffix.Length].Trim();
            }
        }

        return normal;
    }

    // A string without spaces, as Chinese and Korean records write it (朝鲜咸镜北道会宁市, 함경북도회령시): strip a leading
    // country, province or prefecture (longest first) and read the rest.
    private static Place? ResolveCompact(Gazetteer gazetteer, string text)
    {
        for (var depth = 0; depth < 3 && text.Length > 1; depth++)
        {
            if (LookupWithAffixes(gazetteer, text) is { } whole)
            {
                return whole;
            }

            var stripped = false;
            for (var end = text.Length - 1; end >= 1; end--)
            {
                var prefix = gazetteer.Lookup(text[..end]);
                if (prefix is { Kind: "country" or "province" or "prefecture" })
                {
                    text = text[end..];
                    stripped = true;
                    break;
                }
            }

            if (!stripped)
            {
                return null;
            }
        }

        return text.Length > 0 ? LookupWithAffixes(gazetteer, text) : null;
    }

    private static Place? LookupWithAffixes(Gazetteer gazetteer, string text)
    {
        if (gazetteer.Lookup(text) is { } hit)
        {
            return hit;
        }

        var lower = text.ToLowerInvariant();
        foreach (var affix in LatinAffixes)
        {
            if (lower.Length > affix.Length + 1 && lower.EndsWith(affix, StringComparison.Ordinal) && gazetteer.Lookup(text[..^affix.Length].Trim()) is { } bare)
            {
                return bare;
            }
        }

        foreach (var suffix in CjkSuffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal) && gazetteer.Lookup(text[..^suffix.Length]) is { } bare)
            {
                return bare;
            }
        }

        if (text.Length > 0 && !char.IsAsciiLetter(text[^1]))
        {
            foreach (var suffix in CjkAdded)
            {
                if (gazetteer.Lookup(text + suffix) is { } withSuffix)
                {
                    return withSuffix;
                }
            }
        }

        return null;
    }

    private static string Clean(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC).Trim().Trim('.', ',', ';');
        return string.Join(' ', normal.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
