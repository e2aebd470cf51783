using System.Collections.Concurrent;
using System.Text;

namespace Tumen.Linkage.Names;

/// <summary>
/// A romanisation-proof sound key for Korean names written in Latin letters. It folds together what
/// RR, McCune–Reischauer (with or without breves and apostrophes), the DPRK system and popular
/// spellings write differently for the same sound: eo/ŏ/o/u, eu/ŭ/u, oo/u, ee/i; g/k, d/t, b/p, j/ch;
/// aspirate marks; h and r padding (Ahn, Park); the initial-sound law (Ri/Yi/Lee, Ryu/Yu, Ra/Na).
/// Lossy by design: it decides who may be compared and how close two spellings are, not identity.
/// </summary>
public static class PhoneticKey
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    private static readonly (string From, string To)[] ConsonantClusters =
    [
        ("tch", "c"), ("ch", "c"), ("jj", "c"), ("j", "c"), ("sh", "s"), ("ck", "k"), ("kh", "k"),
        ("th", "t"), ("ph", "p"), ("rh", "r"), ("gh", "k"),
    ];

    private static readonly (string From, string To)[] Consonants = [("ng", "N"), ("g", "k"), ("d", "t"), ("b", "p")];

    private static readonly (string From, string To)[] Vowels =
    [
        ("eo", "o"), ("eu", "u"), ("oo", "u"), ("ou", "u"), ("ee", "i"), ("ui", "i"), ("ea", "e"), ("ae", "e"),
        ("ai", "e"), ("ay", "e"), ("oe", "we"), ("oi", "we"), ("oy", "we"), ("yi", "i"), ("wu", "u"), ("o", "u"),
    ];

    /// <summary>The key of a Latin-script name part; several tokens of one given name are read as one word.</summary>
    public static string FromLatin(string text)
    {
        if (Cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var key = Compute(text);
        if (Cache.Count < 500_000)
        {
            Cache.TryAdd(text, key);
        }

        return key;
    }

    /// <summary>The key of a Hangul name part, through its Revised Romanization.</summary>
    public static string FromHangul(string hangul) => FromLatin(Romanizer.RomanizeWord(hangul, RomanizationSystem.Revised));

    /// <summary>Lower-case ASCII letters only: diacritics, apostrophes, hyphens and spaces removed.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is >= 'a' and <= 'z')
            {
                sb.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                sb.Append((char)(c + 32));
            }
        }

        return sb.ToString();
    }

    private static string Compute(string text)
    {
        var s = Fold(text);
        if (s.Length == 0)
        {
            return s;
        }

        s = ReplaceAll(s, ConsonantClusters);
        s = DropPadding(s);
        s = ReplaceAll(s, Consonants);
        s = ReplaceAll(s, Vowels);
        s = s.Replace('l', 'r');
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == 'r')
            {
                var next = i + 1 < s.Length ? s[i + 1] : '\0';
                if (next is 'i' or 'y')
                {
                    continue;
                }

                c = IsVowel(next) ? 'n' : 'l';
            }

            if (sb.Length == 0 || sb[^1] != c)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string ReplaceAll(string s, (string From, string To)[] rules)
    {
        foreach (var (from, to) in rules)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }

        return s;
    }

    // h or r written after a vowel and before a consonant or the end is English padding (Ahn, Oh, Park, Hur).
    private static string DropPadding(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if ((c == 'h' || c == 'r') && i > 0 && IsVowel(s[i - 1]) && (i + 1 == s.Length || !IsVowel(s[i + 1])))
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'w';
}
