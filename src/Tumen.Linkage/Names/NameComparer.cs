using System.Globalization;
using Tumen.Linkage.Comparisons;

namespace Tumen.Linkage.Names;

/// <summary>How two whole names agree, from strongest to weakest.</summary>
public enum NameAgreement
{
    /// <summary>Same family name and same given name, whatever the scripts and romanisations.</summary>
    Same = 0,

    /// <summary>Same family name; the given names agree only through pinyin (which merges several Korean syllables).</summary>
    SameViaPinyin = 1,

    /// <summary>Same family name, given names differ by a letter or a syllable sound.</summary>
    Close = 2,

    /// <summary>Same given name, different or unknown family name.</summary>
    GivenOnly = 3,

    /// <summary>Some resemblance.</summary>
    Similar = 4,

    /// <summary>Different names.</summary>
    Different = 5,
}

/// <summary>The result of comparing two names, with the reason a person can read.</summary>
public sealed record NameComparison(NameAgreement Agreement, bool SameSurname, double GivenSimilarity, string Explanation);

/// <summary>
/// Compares two names written in any scripts (Hangul, hanja, simplified Chinese, RR, MR, DPRK, popular
/// spellings, pinyin), trying both name orders and every reading, and says why they agree.
/// </summary>
public static class NameComparer
{
    /// <summary>Compares two names; an empty name gives <see cref="NameAgreement.Different"/> with SameSurname false.</summary>
    public static NameComparison Compare(KoreanName a, KoreanName b)
    {
        var best = Best(a, b);
        if (best.A is null || best.B is null)
        {
            return new NameComparison(NameAgreement.Different, false, 0, "a name is missing");
        }

        var explanation = string.Create(
            CultureInfo.InvariantCulture,
            $"family name {(best.Surname ? "same" : "differs")} ({Describe(best.A.Surname)}~{Describe(best.B.Surname)}); given name keys {best.A.GivenKey}/{best.B.GivenKey} similarity {best.Given:0.00} ({best.A.Route}/{best.B.Route})");
        return new NameComparison(best.Agreement, best.Surname, best.Given, explanation);
    }

    /// <summary>The agreement level only, without building an explanation (the engine's inner loop).</summary>
    public static NameAgreement Agreement(KoreanName a, KoreanName b) => Best(a, b, bounded: true).Agreement;

    // Jaro–Winkler can reach at most this when only the letters the other key holds can match; below 0.75 a
    // reading pair can only be "different", so its exact similarity is not needed.
    private static double UpperBound(NameReading a, NameReading b)
    {
        if (a.GivenKey.Length == 0 || b.GivenKey.Length == 0)
        {
            return 0;
        }

        var inB = 0;
        foreach (var c in a.GivenKey)
        {
            inB += (int)((b.GivenLetters >> (c & 31)) & 1);
        }

        var inA = 0;
        foreach (var c in b.GivenKey)
        {
            inA += (int)((a.GivenLetters >> (c & 31)) & 1);
        }

        double m = Math.Min(inA, inB);
        var jaro = ((m / a.GivenKey.Length) + (m / b.GivenKey.Length) + 1) / 3;
        return jaro + (0.4 * (1 - jaro));
    }

    private static (NameReading? A, NameReading? B, bool Surname, double Given, NameAgreement Agreement) Best(KoreanName a, KoreanName b, bool bounded = false)
    {
        NameReading? bestA = null;
        NameReading? bestB = null;
        var bestScore = -1.0;
        var bestSurname = false;
        var bestGiven = 0.0;
        for (var x = 0; x < a.Readings.Count; x++)
        {
            var ra = a.Readings[x];
            for (var y = 0; y < b.Readings.Count; y++)
            {
                var rb = b.Readings[y];
                var surname = SameSurname(ra, rb);
                double given;
                if (string.Equals(ra.GivenKey, rb.GivenKey, StringComparison.Ordinal) || PinyinSyllablesAgree(ra, rb))
                {
                    // The same Korean reading written with other characters (今顺 / 锦顺) is a weaker agreement.
                    given = ra.GivenHan.Length > 0 && rb.GivenHan.Length > 0 && !string.Equals(ra.GivenHan, rb.GivenHan, StringComparison.Ordinal) ? SameSoundOtherCharacters : 1.0;
                }
                else
                {
                    var bound = bounded ? UpperBound(ra, rb) : 1.0;
                    given = bound < 0.75 ? bound : Similarity.JaroWinkler(ra.GivenKey, rb.GivenKey);
                    if (given < CloseGiven && OneLetterApart(ra, rb))
                    {
                        given = CloseGiven;
                    }
                }
                var penalty = ra.Route == NameRoute.Pinyin || rb.Route == NameRoute.Pinyin ? 0.01 : 0;
                var score = (surname ? 0.4 : 0) + (0.6 * given) - penalty;
                if (score > bestScore)
                {
                    (bestScore, bestSurname, bestGiven, bestA, bestB) = (score, surname, given, ra, rb);
                }
            }
        }

        if (bestA is null || bestB is null)
        {
            return (null, null, false, 0, NameAgreement.Different);
        }

        var viaPinyin = bestA.Route == NameRoute.Pinyin || bestB.Route == NameRoute.Pinyin;
        return (bestA, bestB, bestSurname, bestGiven, Classify(bestSurname, bestGiven, viaPinyin, bestA, bestB));
    }

    // Given names in Han characters that read alike in Korean but are other characters: "close", not "same".
    private const double SameSoundOtherCharacters = 0.95;

    // Given-name similarity from which two names with the same family name are "close".
    private const double CloseGiven = 0.9;

    // Two given names written in Hangul (or read from Han characters) that differ in one letter (jamo) of
    // one syllable: a typing or transcription slip (서철룡 / 서처룡, 김홍영 / 김호영) that sound keys blow up.
    private static bool OneLetterApart(NameReading a, NameReading b)
    {
        if (a.Route is not (NameRoute.Hangul or NameRoute.Han) || b.Route is not (NameRoute.Hangul or NameRoute.Han))
        {
            return false;
        }

        var x = a.GivenSyllables;
        var y = b.GivenSyllables;
        if (x.Length != y.Length || x.Length == 0)
        {
            return false;
        }

        var differences = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] == y[i])
            {
                continue;
            }

            if (++differences > 1 || !Hangul.IsSyllable(x[i]) || !Hangul.IsSyllable(y[i]))
            {
                return false;
            }

            var (i1, m1, f1) = Hangul.Decompose(x[i]);
            var (i2, m2, f2) = Hangul.Decompose(y[i]);
            if ((i1 != i2 ? 1 : 0) + (m1 != m2 ? 1 : 0) + (f1 != f2 ? 1 : 0) != 1)
            {
                return false;
            }
        }

        return differences == 1;
    }

    // A pinyin given name agrees with a Hangul or Han one when each pinyin syllable may stand for the
    // Korean syllable in its place (Zhenzhi = 珍芝 = 진지), whichever of its many readings that is; with a
    // romanised one when the romanisation's sound key is that of one of its Korean readings (Zhixian = 지현 = Ji-hyeon).
    private static bool PinyinSyllablesAgree(NameReading a, NameReading b)
    {
        if (a.Route == NameRoute.Pinyin && b.Route is NameRoute.Hangul or NameRoute.Han)
        {
            return SyllablesAgree(a.GivenSyllables, b.GivenSyllables);
        }

        if (b.Route == NameRoute.Pinyin && a.Route is NameRoute.Hangul or NameRoute.Han)
        {
            return SyllablesAgree(b.GivenSyllables, a.GivenSyllables);
        }

        return (a.Route == NameRoute.Pinyin && b.Route == NameRoute.Romanized && IsPinyinKey(a, b.GivenKey))
            || (b.Route == NameRoute.Pinyin && a.Route == NameRoute.Romanized && IsPinyinKey(b, a.GivenKey));
    }

    private static bool IsPinyinKey(NameReading pinyin, string key)
    {
        var keys = pinyin.PinyinKeys;
        var low = 0;
        var high = keys.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var order = string.CompareOrdinal(keys[mid], key);
            if (order == 0)
            {
                return key.Length > 0;
            }

            if (order < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return false;
    }

    private static bool SyllablesAgree(string options, string syllables)
    {
        if (syllables.Length == 0 || options.Length == 0)
        {
            return false;
        }

        var position = 0;
        foreach (var range in options.AsSpan().Split('|'))
        {
            if (position >= syllables.Length || options.AsSpan(range).IndexOf(syllables[position]) < 0)
            {
                return false;
            }

            position++;
        }

        return position == syllables.Length;
    }

    /// <summary>Whether two readings carry the same family name (shared surname class, or equal sound keys when unknown).</summary>
    public static bool SameSurname(NameReading a, NameReading b)
    {
        if (a.SurnameMask != UInt128.Zero && b.SurnameMask != UInt128.Zero)
        {
            return (a.SurnameMask & b.SurnameMask) != UInt128.Zero;
        }

        return a.SurnameKey.Length > 0 && string.Equals(a.SurnameKey, b.SurnameKey, StringComparison.Ordinal);
    }

    private static NameAgreement Classify(bool surname, double given, bool viaPinyin, NameReading a, NameReading b)
    {
        var givenEqual = given >= 0.999 && a.GivenKey.Length > 0;
        if (surname && givenEqual)
        {
            return viaPinyin ? NameAgreement.SameViaPinyin : NameAgreement.Same;
        }

        if (surname && given >= CloseGiven)
        {
            return NameAgreement.Close;
        }

        if (givenEqual)
        {
            return NameAgreement.GivenOnly;
        }

        if ((surname && given >= 0.75) || (!surname && given >= 0.9 && Similarity.JaroWinkler(a.SurnameKey, b.SurnameKey) >= 0.8))
        {
            return NameAgreement.Similar;
        }

        return NameAgreement.Different;
    }

    // Never echo a whole name into logs: explanations are shown to the investigator only, and only surnames appear.
    private static string Describe(string surname) => surname.Length == 0 ? "?" : surname;
}
