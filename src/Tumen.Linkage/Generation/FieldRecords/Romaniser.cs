namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>
/// Writes Hangul in Latin letters as the sources do: Revised Romanization (ROK since 2000), McCune–Reischauer
/// (UN and library practice, with or without breves and apostrophes), the North's official system as KCNA
/// prints it, and the popular spellings of passports and NGO lists (Keum, Soon, Mee). Written from the
/// systems' published rules, not from the linkage engine, so that the engine is tested against an
/// independent reading of them.
/// </summary>
internal static class Romaniser
{
    private static readonly string[] _rrInitial = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
    private static readonly string[] _mrInitial = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"];
    private static readonly string[] _dprkInitial = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h"];
    private static readonly string[] _rrVowel = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];
    private static readonly string[] _mrVowel = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"];
    private static readonly string[] _final = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    // Popular spellings of given-name syllables, commonest first (South Hangul).
    private static readonly Dictionary<char, string[]> _popular = new()
    {
        ['금'] = ["keum", "kum", "geum"], ['순'] = ["soon", "sun"], ['미'] = ["mi", "mee"], ['희'] = ["hee", "hui", "hi"],
        ['영'] = ["young", "yeong", "yong"], ['숙'] = ["sook", "suk"], ['경'] = ["kyung", "kyeong", "kyong"], ['은'] = ["eun", "un"],
        ['정'] = ["jung", "jeong", "chung"], ['선'] = ["sun", "seon"], ['혜'] = ["hye", "hae"], ['옥'] = ["ok", "ock"],
        ['현'] = ["hyun", "hyeon"], ['진'] = ["jin"], ['주'] = ["joo", "ju"], ['수'] = ["soo", "su"], ['연'] = ["yeon", "yun", "youn"],
        ['란'] = ["ran"], ['난'] = ["nan"], ['화'] = ["hwa"], ['향'] = ["hyang"], ['명'] = ["myung", "myeong"], ['성'] = ["sung", "seong"],
        ['춘'] = ["chun"], ['복'] = ["bok", "pok"], ['실'] = ["sil", "shil"], ['지'] = ["ji", "jee"], ['자'] = ["ja"], ['애'] = ["ae"],
        ['분'] = ["boon", "bun"], ['월'] = ["wol"], ['예'] = ["ye", "yea"], ['례'] = ["rye", "ye"], ['녀'] = ["nyeo", "nyu"], ['여'] = ["yeo", "yuh"],
        ['설'] = ["seol", "sul"], ['심'] = ["sim", "shim"], ['매'] = ["mae"], ['덕'] = ["duk", "deok"], ['원'] = ["won"], ['아'] = ["ah", "a"],
        ['련'] = ["ryun", "ryeon"], ['령'] = ["ryung", "ryeong"], ['려'] = ["ryeo"], ['윤'] = ["yoon", "yun"], ['유'] = ["yoo", "yu"],
        ['송'] = ["song"], ['신'] = ["shin", "sin"], ['인'] = ["in"], ['민'] = ["min"], ['림'] = ["rim", "lim"], ['임'] = ["im", "lim"],
    };

    /// <summary>Revised Romanization, syllable by syllable (the rules leave given names without sound changes).</summary>
    public static IReadOnlyList<string> RevisedSyllables(string hangul) =>
        hangul.Select(c => Syllable(c, _rrInitial, _rrVowel)).ToArray();

    /// <summary>The North's official system as KCNA prints it: ㅈ j, aspirates kh th ph, breves dropped.</summary>
    public static IReadOnlyList<string> NorthSyllables(string hangul) =>
        hangul.Select(c => DropBreves(Syllable(c, _dprkInitial, _mrVowel))).ToArray();

    /// <summary>
    /// McCune–Reischauer of one word: plain stops voiced after a vowel or a nasal or ㄹ (Kŭm-ja → Kŭmja's ㅈ is j),
    /// ㅅ written sh before i and wi.
    /// </summary>
    public static IReadOnlyList<string> McCuneSyllables(string hangul)
    {
        var result = new string[hangul.Length];
        var voicedBefore = false;
        for (var i = 0; i < hangul.Length; i++)
        {
            if (!Hangul.IsSyllable(hangul[i]))
            {
                result[i] = hangul[i].ToString();
                voicedBefore = false;
                continue;
            }

            var (initial, vowel, final) = Hangul.Split(hangul[i]);
            var onset = _mrInitial[initial];
            if (voicedBefore)
            {
                onset = initial switch { 0 => "g", 3 => "d", 7 => "b", 12 => "j", _ => onset };
            }

            if (initial == 9 && vowel is 20 or 16)
            {
                onset = "sh";
            }

            result[i] = onset + _mrVowel[vowel] + _final[final];
            voicedBefore = final is 0 or 4 or 8 or 16 or 21;
        }

        return result;
    }

    /// <summary>Popular spellings of one syllable (South Hangul), commonest first; RR when none is listed.</summary>
    public static IReadOnlyList<string> PopularSyllable(char syllable) =>
        _popular.TryGetValue(syllable, out var spellings) ? spellings : [Syllable(syllable, _rrInitial, _rrVowel)];

    /// <summary>McCune–Reischauer without its diacritics, as most typists write it: ŏ → o, ŭ → u.</summary>
    public static string DropBreves(string text) => text.Replace('ŏ', 'o').Replace('ŭ', 'u').Replace('Ŏ', 'O').Replace('Ŭ', 'U');

    /// <summary>Without apostrophes: ch'o → cho, as many UN annexes and typists write MR.</summary>
    public static string DropApostrophes(string text) => text.Replace("'", "", StringComparison.Ordinal);

    /// <summary>First letter upper case, the rest as is.</summary>
    public static string Capitalise(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Syllable(char c, string[] initials, string[] vowels)
    {
        if (!Hangul.IsSyllable(c))
        {
            return c.ToString();
        }

        var (initial, vowel, final) = Hangul.Split(c);
        return initials[initial] + vowels[vowel] + _final[final];
    }
}
