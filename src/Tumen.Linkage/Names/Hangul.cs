namespace Tumen.Linkage.Names;

/// <summary>
/// Hangul syllable arithmetic (Unicode 3.12): a precomposed syllable is
/// 0xAC00 + (initial * 21 + medial) * 28 + final. Names are compared by their sounds, so every other
/// part of the name code starts from these three indices.
/// </summary>
public static class Hangul
{
    private const int SyllableBase = 0xAC00;
    private const int SyllableCount = 11172;
    private const int MedialCount = 21;
    private const int FinalCount = 28;

    /// <summary>Index of ㄹ among the initials.</summary>
    public const int InitialRieul = 5;

    /// <summary>Index of ㄴ among the initials.</summary>
    public const int InitialNieun = 2;

    /// <summary>Index of the silent ㅇ among the initials.</summary>
    public const int InitialIeung = 11;

    /// <summary>Whether <paramref name="c"/> is a precomposed Hangul syllable.</summary>
    public static bool IsSyllable(char c) => c >= SyllableBase && c < SyllableBase + SyllableCount;

    /// <summary>Splits a syllable into its initial (0–18), medial (0–20) and final (0–27, 0 = none) indices.</summary>
    public static (int Initial, int Medial, int Final) Decompose(char syllable)
    {
        if (!IsSyllable(syllable))
        {
            throw new ArgumentOutOfRangeException(nameof(syllable), "Not a precomposed Hangul syllable.");
        }

        var index = syllable - SyllableBase;
        return (index / (MedialCount * FinalCount), index % (MedialCount * FinalCount) / FinalCount, index % FinalCount);
    }

    /// <summary>Builds a syllable from its jamo indices.</summary>
    public static char Compose(int initial, int medial, int final) =>
        (char)(SyllableBase + (((initial * MedialCount) + medial) * FinalCount) + final);

    /// <summary>
    /// The South Korean spelling of a syllable at the start of a word (initial-sound law, 두음법칙):
    /// 리→이, 림→임, 류→유, 량→양, 려→여, 녀→여; 라→나, 로→노, 루→누. North Korean spelling keeps ㄹ.
    /// </summary>
    public static char ApplyInitialSoundLaw(char syllable)
    {
        if (!IsSyllable(syllable))
        {
            return syllable;
        }

        var (initial, medial, final) = Decompose(syllable);
        if (initial != InitialRieul && initial != InitialNieun)
        {
            return syllable;
        }

        if (IsIotised(medial))
        {
            return Compose(InitialIeung, medial, final);
        }

        return initial == InitialRieul ? Compose(InitialNieun, medial, final) : syllable;
    }

    /// <summary>The North Korean spelling of a syllable that the initial-sound law may have changed (이→리 is ambiguous, so only the given hint decides).</summary>
    public static char WithRieul(char syllable)
    {
        if (!IsSyllable(syllable))
        {
            return syllable;
        }

        var (initial, medial, final) = Decompose(syllable);
        return initial is InitialIeung or InitialNieun ? Compose(InitialRieul, medial, final) : syllable;
    }

    /// <summary>Whether a medial starts with a y or i sound (ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ).</summary>
    public static bool IsIotised(int medial) => medial is 2 or 3 or 6 or 7 or 12 or 17 or 20;

    /// <summary>Whether every character of <paramref name="text"/> is a Hangul syllable.</summary>
    public static bool IsAllSyllables(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsSyllable(c))
            {
                return false;
            }
        }

        return true;
    }
}
