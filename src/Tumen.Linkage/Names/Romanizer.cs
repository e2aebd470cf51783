using System.Text;

namespace Tumen.Linkage.Names;

/// <summary>The romanisation systems a Korean name is found in.</summary>
public enum RomanizationSystem
{
    /// <summary>Revised Romanization (ROK, 2000): no diacritics, g/d/b/j, eo/eu.</summary>
    Revised,

    /// <summary>McCune–Reischauer with breves and apostrophes (ŏ, ŭ, k').</summary>
    McCuneReischauer,

    /// <summary>McCune–Reischauer as typed in practice: no breves, no apostrophes.</summary>
    McCuneReischauerPlain,

    /// <summary>The DPRK's own system as KCNA writes it: j for ㅈ, kh/th/ph, no breves, syllables apart.</summary>
    NorthKorean,
}

/// <summary>
/// Romanises Hangul names by RR, McCune–Reischauer and the North Korean system. Names are romanised
/// syllable by syllable, as the systems prescribe for personal names (no assimilation across syllables);
/// MR and DPRK voice ㄱㄷㅂㅈ between voiced sounds inside a written word.
/// </summary>
public static class Romanizer
{
    private static readonly string[] RrInitials = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
    private static readonly string[] MrInitials = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"];
    private static readonly string[] MrVoiced = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "tch", "ch'", "k'", "t'", "p'", "h"];
    private static readonly string[] NkInitials = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h"];
    private static readonly string[] NkVoiced = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h"];
    private static readonly string[] RrMedials = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];
    private static readonly string[] MrMedials = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"];
    private static readonly string[] Finals = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    /// <summary>Romanises one written word (a surname, or a given name written as one word).</summary>
    public static string RomanizeWord(string hangul, RomanizationSystem system)
    {
        var sb = new StringBuilder(hangul.Length * 4);
        var previousVoiced = false;
        for (var i = 0; i < hangul.Length; i++)
        {
            var c = hangul[i];
            if (!Hangul.IsSyllable(c))
            {
                sb.Append(c);
                previousVoiced = false;
                continue;
            }

            var (initial, medial, final) = Hangul.Decompose(c);
            var voiced = i > 0 && previousVoiced;
            sb.Append(Initial(initial, medial, voiced, system));
            sb.Append(system is RomanizationSystem.Revised ? RrMedials[medial] : Plain(MrMedials[medial], system));
            sb.Append(Finals[final]);
            previousVoiced = final is 0 or 4 or 8 or 16 or 21;
        }

        var text = sb.ToString();
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>
    /// Romanises a full name written family name first (e.g. 이금순). <paramref name="surnameLength"/>
    /// syllables form the family name; <paramref name="separator"/> joins the given-name syllables
    /// (<c>""</c>, <c>"-"</c> or <c>" "</c> as KCNA writes them).
    /// </summary>
    public static string RomanizeName(string hangul, int surnameLength, RomanizationSystem system, string separator = "-")
    {
        var surname = hangul[..surnameLength];
        var given = hangul[surnameLength..];
        var sur = RomanizeWord(surname, system);
        if (given.Length == 0)
        {
            return sur;
        }

        string givenText;
        if (separator.Length == 0)
        {
            givenText = RomanizeWord(given, system);
        }
        else
        {
            var parts = given.Select(ch => RomanizeWord(ch.ToString(), system)).ToArray();
            givenText = separator == "-"
                ? parts[0] + string.Concat(parts.Skip(1).Select(p => "-" + p.ToLowerInvariant()))
                : string.Join(separator, parts);
        }

        return sur + " " + givenText;
    }

    private static string Initial(int initial, int medial, bool voiced, RomanizationSystem system)
    {
        switch (system)
        {
            case RomanizationSystem.Revised:
                return RrInitials[initial];
            case RomanizationSystem.NorthKorean:
                return voiced ? NkVoiced[initial] : NkInitials[initial];
            default:
                var text = voiced ? MrVoiced[initial] : MrInitials[initial];
                if (initial == 9 && medial is 20 or 16)
                {
                    text = "sh";
                }

                return system == RomanizationSystem.McCuneReischauerPlain ? text.Replace("'", "", StringComparison.Ordinal) : text;
        }
    }

    private static string Plain(string medial, RomanizationSystem system) =>
        system is RomanizationSystem.McCuneReischauer ? medial : medial.Replace('ŏ', 'o').Replace('ŭ', 'u');
}
