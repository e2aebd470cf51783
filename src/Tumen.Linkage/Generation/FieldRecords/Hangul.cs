namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>
/// Hangul syllables as initial, vowel and final jamo indexes (Unicode's composition formula), the South's
/// initial-sound law, and the slips a writer makes in Hangul. The generator needs these to write one reading
/// in the North's and the South's spelling and to mistype it as people do.
/// </summary>
internal static class Hangul
{
    private const int First = 0xAC00;
    private const int Last = 0xD7A3;

    // Initial indexes used below: ㄴ 2, ㄹ 5, ㅇ 11. Vowel indexes of ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ: 2 3 6 7 12 17 20.
    private static readonly int[] _iotized = [2, 3, 6, 7, 12, 17, 20];

    public static bool IsSyllable(char c) => c is >= (char)First and <= (char)Last;

    public static (int Initial, int Vowel, int Final) Split(char syllable)
    {
        var code = syllable - First;
        return (code / (21 * 28), code / 28 % 21, code % 28);
    }

    public static char Join(int initial, int vowel, int final) => (char)(First + ((initial * 21) + vowel) * 28 + final);

    /// <summary>
    /// The South's spelling of a word that starts with <paramref name="syllable"/>: ㄹ becomes ㅇ before
    /// i and y-vowels and ㄴ before the others, and ㄴ becomes ㅇ before i and y-vowels (리 → 이, 란 → 난, 녀 → 여).
    /// The North writes the original form.
    /// </summary>
    public static char SouthWordInitial(char syllable)
    {
        if (!IsSyllable(syllable))
        {
            return syllable;
        }

        var (initial, vowel, final) = Split(syllable);
        var iotized = Array.IndexOf(_iotized, vowel) >= 0;
        return initial switch
        {
            5 => Join(iotized ? 11 : 2, vowel, final),
            2 when iotized => Join(11, vowel, final),
            _ => syllable,
        };
    }

    /// <summary>The South's spelling of a given name written with original readings (련희 → 연희; 영란 stays).</summary>
    public static string SouthGivenName(string given) => given.Length == 0 ? given : SouthWordInitial(given[0]) + given[1..];

    // Slips: vowels and consonants that writers and typists confuse (jamo indexes of the composition formula).
    private static readonly (int A, int B)[] _vowelSlips = [(4, 8), (1, 5), (13, 18), (6, 12), (0, 4), (19, 20)];
    private static readonly (int A, int B)[] _initialSlips = [(0, 15), (12, 14), (3, 16), (7, 17), (9, 12), (11, 18), (5, 2)];
    private static readonly (int A, int B)[] _finalSlips = [(4, 21), (16, 4), (8, 0), (1, 0), (21, 0), (17, 16)];

    /// <summary>One slip in one syllable of <paramref name="word"/>: a confused vowel, initial or final consonant.</summary>
    public static string Slip(string word, Random random)
    {
        var positions = Enumerable.Range(0, word.Length).Where(i => IsSyllable(word[i])).ToArray();
        if (positions.Length == 0)
        {
            return word;
        }

        var at = positions[random.Next(positions.Length)];
        var (initial, vowel, final) = Split(word[at]);
        var options = new List<char>();
        foreach (var v in Alternatives(vowel, _vowelSlips))
        {
            options.Add(Join(initial, v, final));
        }

        foreach (var i in Alternatives(initial, _initialSlips))
        {
            options.Add(Join(i, vowel, final));
        }

        foreach (var f in Alternatives(final, _finalSlips))
        {
            options.Add(Join(initial, vowel, f));
        }

        if (options.Count == 0)
        {
            return word;
        }

        var chars = word.ToCharArray();
        chars[at] = options[random.Next(options.Count)];
        return new string(chars);
    }

    private static IEnumerable<int> Alternatives(int value, (int A, int B)[] pairs) =>
        pairs.Where(p => p.A == value || p.B == value).Select(p => p.A == value ? p.B : p.A);
}
