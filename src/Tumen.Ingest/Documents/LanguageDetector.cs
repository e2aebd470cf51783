namespace Tumen.Ingest.Documents;

/// <summary>
/// Tells English, Korean and Chinese apart by script: Hangul means Korean, Han characters without
/// Hangul mean Chinese, Latin letters mean English. A CJK character carries about as much as two
/// Latin letters, so they are weighted two to one. Text where no script reaches 80 % is <c>mixed</c>.
/// </summary>
public static class LanguageDetector
{
    private const int SampleChars = 20_000;

    /// <summary>Returns <c>en</c>, <c>ko</c>, <c>zh</c>, <c>mixed</c> or <c>und</c>.</summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        if (text.Length > SampleChars)
        {
            text = text[..SampleChars];
        }

        long latin = 0, hangul = 0, han = 0;
        foreach (var c in text)
        {
            if (IsHangul(c))
            {
                hangul++;
            }
            else if (IsHan(c))
            {
                han++;
            }
            else if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                latin++;
            }
        }

        double total = latin + (2 * hangul) + (2 * han);
        if (total < 8)
        {
            return "und";
        }

        var ko = 2 * hangul / total;
        var zh = 2 * han / total;
        var en = latin / total;

        // Korean text often carries Hanja; count it as Korean when Hangul dominates the CJK part.
        if (hangul > 0 && hangul >= han * 2)
        {
            ko += zh;
            zh = 0;
        }

        return ko >= 0.8 ? "ko" : zh >= 0.8 ? "zh" : en >= 0.8 ? "en" : "mixed";
    }

    /// <summary>Hangul syllables and jamo.</summary>
    public static bool IsHangul(char c) => c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F');

    /// <summary>CJK unified ideographs (basic, extension A, compatibility).</summary>
    public static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
