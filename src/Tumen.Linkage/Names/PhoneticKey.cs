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

    private static readonly (string From, string To)[] ConsonantClusters =
    [
        ("tch", "c"), ("ch", "c"), ("jj", "c"), ("j", "c"), ("sh", "s"), ("ck", "k"), ("kh", "k"),
        ("th", "t"), ("ph", "p"), ("rh", "r"), ("gh", "k"),
    ];

    // n before g or k is read as ng when syllables are run together (Yeongeum = 연금, Yon Kum = 연금), so all three agree.
    private static readonly (string From, string To)[] Consonants = [("ng", "N"), ("g", "k"), ("d", "t"), ("b", "p"), ("nk", "N"), ("Nk", "N")];

    private static readonly (string From, string To)[] Vowels =
    [
        ("eo", "o"), ("eu", "u"), ("oo", "u"), ("ou", "u"), ("ee", "i"), ("ui", "i"), ("ea", "e"), ("ae", "e"),
        ("ai", "e"), ("ay", "e"), ("oe", "we"), ("oi", "we"), ("oy", "we"), ("yi", "i"), ("wu", "u"), ("o", "u"),
    ];

    /// <summary>The key of a Latin-script name part; several tokens of one given name are read as one word.</summary>
    public static string FromLatin(string text)
    {
        // No cache: the key is computed on the stack, faster than a concurrent look-up and insertion.
        return Compute(text);
    }

    /// <summary>The key of a Hangul name part, through its Revised Romanization.</summary>
    public static string FromHangul(string hangul) => FromLatin(Romanizer.RomanizeWord(hangul, RomanizationSystem.Revised));

    /// <summary>Lower-case ASCII letters only: diacritics, apostrophes, hyphens and spaces removed.</summary>
    public static string Fold(string text)
    {
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var ascii = true;
        foreach (var c in text)
        {
            ascii &= c < 128;
        }

        var source = ascii ? text : text.Normalize(NormalizationForm.FormD);
        if (source.Length > buffer.Length)
        {
            buffer = new char[source.Length];
        }

        var length = FoldInto(source, buffer);
        return new string(buffer[..length]);
    }

    private static int FoldInto(string source, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in source)
        {
            if (c is >= 'a' and <= 'z')
            {
                buffer[length++] = c;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                buffer[length++] = (char)(c + 32);
            }
        }

        return length;
    }

    private static string Compute(string text)
    {
        var source = text;
        foreach (var c in text)
        {
            if (c >= 128)
            {
                source = text.Normalize(NormalizationForm.FormD);
                break;
            }
        }

        Span<char> s = source.Length <= 128 ? stackalloc char[source.Length] : new char[source.Length];
        var n = FoldInto(source, s);
        if (n == 0)
        {
            return "";
        }

        foreach (var (from, to) in ConsonantClusters)
        {
            n = Replace(s, n, from, to);
        }

        n = DropPadding(s, n);
        foreach (var (from, to) in Consonants)
        {
            n = Replace(s, n, from, to);
        }

        foreach (var (from, to) in Vowels)
        {
            n = Replace(s, n, from, to);
        }

        Span<char> output = stackalloc char[n];
        var length = 0;
        for (var i = 0; i < n; i++)
        {
            var c = s[i] == 'l' ? 'r' : s[i];
            if (c == 'r')
            {
                var next = i + 1 < n ? s[i + 1] : '\0';
                if (next is 'i' or 'y')
                {
                    continue;
                }

                c = IsVowel(next) ? 'n' : 'l';
            }

            if (length == 0 || output[length - 1] != c)
            {
                output[length++] = c;
            }
        }

        return new string(output[..length]);
    }

    // In-place left-to-right replacement; every rule's replacement is no longer than what it replaces.
    private static int Replace(Span<char> s, int n, string from, string to)
    {
        if (s[..n].IndexOf(from[0]) < 0)
        {
            return n;
        }

        var read = 0;
        var write = 0;
        while (read < n)
        {
            if (s[read] == from[0] && read + from.Length <= n && (from.Length == 1 || s.Slice(read, from.Length).SequenceEqual(from)))
            {
                foreach (var c in to)
                {
                    s[write++] = c;
                }

                read += from.Length;
            }
            else
            {
                s[write++] = s[read++];
            }
        }

        return write;
    }

    // h or r written after a vowel and before a consonant or the end is English padding (Ahn, Oh, Park, Hur).
    private static int DropPadding(Span<char> s, int n)
    {
        var write = 0;
        for (var i = 0; i < n; i++)
        {
            var c = s[i];
            if ((c == 'h' || c == 'r') && i > 0 && IsVowel(s[i - 1]) && (i + 1 == n || !IsVowel(s[i + 1])))
            {
                continue;
            }

            s[write++] = c;
        }

        return write;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'w';
}
