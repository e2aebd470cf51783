using System.Globalization;
using System.Text;

namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>
/// How one kind of source writes a woman's record. Each kind draws its own choices for every record, so two
/// records of one woman differ as two independent clerks' records do. The helpers here are the habits that
/// several kinds share (pinyin, characters chosen by sound, typing slips, date forms).
/// </summary>
internal abstract class SourceHabits
{
    public abstract SourceKind Kind { get; }

    /// <summary>Label prefix of this kind's lists (<c>cn-police-2</c>).</summary>
    public abstract string SourcePrefix { get; }

    /// <summary>How many different lists of this kind exist.</summary>
    public abstract int Lists { get; }

    public abstract FieldRecord Write(KoreanWoman woman, string id, string source, Random random);

    protected static bool Chance(Random random, double p) => random.NextDouble() < p;

    protected static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

    /// <summary>Chooses among alternatives by their probabilities (the last takes what is left).</summary>
    protected static int Choose(Random random, params double[] probabilities)
    {
        var x = random.NextDouble();
        for (var i = 0; i < probabilities.Length; i++)
        {
            x -= probabilities[i];
            if (x < 0)
            {
                return i;
            }
        }

        return probabilities.Length;
    }

    /// <summary>Characters a writer picks by sound for each syllable of the given name (今顺 for 錦順).</summary>
    protected static IReadOnlyList<NameCharacter> SoundChosen(KoreanWoman woman, Random random) =>
        woman.Given.Select(c => FieldData.Instance.ByReading[c.Reading].Next(random)).ToArray();

    protected static string Han(IEnumerable<NameCharacter> characters, bool traditional) =>
        string.Concat(characters.Select(c => traditional ? c.Traditional : c.Simplified));

    /// <summary>Pinyin as Chinese records type it: ü as v, u or yu (LV, LU, LYU).</summary>
    protected static string PinyinTyped(string pinyin, Random random) =>
        pinyin.Contains('ü', StringComparison.Ordinal) ? pinyin.Replace("ü", Pick(random, "v", "u", "yu"), StringComparison.Ordinal) : pinyin;

    /// <summary>A family name and given-name syllables in one of the ways records print pinyin.</summary>
    protected static string PinyinName(string surname, IReadOnlyList<string> given, Random random)
    {
        var style = Choose(random, 0.45, 0.3, 0.15);
        return style switch
        {
            0 => (surname + " " + string.Concat(given)).ToUpperInvariant(),
            1 => Romaniser.Capitalise(surname) + " " + Romaniser.Capitalise(string.Concat(given)),
            2 => Romaniser.Capitalise(surname) + " " + string.Join(' ', given.Select(Romaniser.Capitalise)),
            _ => (surname + " " + string.Join(' ', given)).ToUpperInvariant(),
        };
    }

    /// <summary>One typing slip in Latin letters: a letter replaced, dropped, doubled or two swapped.</summary>
    protected static string Typo(string text, Random random)
    {
        var letters = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiLetter(text[i])).ToArray();
        if (letters.Length < 2)
        {
            return text;
        }

        var at = letters[random.Next(letters.Length)];
        var builder = new StringBuilder(text);
        switch (random.Next(4))
        {
            case 0:
                var replacement = (char)('a' + random.Next(26));
                builder[at] = char.IsUpper(text[at]) ? char.ToUpperInvariant(replacement) : replacement;
                break;
            case 1:
                builder.Remove(at, 1);
                break;
            case 2:
                builder.Insert(at, text[at]);
                break;
            default:
                var next = Array.IndexOf(letters, at) + 1;
                var other = next < letters.Length ? letters[next] : letters[next - 2];
                (builder[at], builder[other]) = (builder[other], builder[at]);
                break;
        }

        return builder.ToString();
    }

    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>The place without its 市/郡 suffix (会宁市 → 会宁).</summary>
    protected static string ChineseShort(Place place) => place.Chinese.TrimEnd('市', '郡');
}
