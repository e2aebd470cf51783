using System.Collections.Frozen;
using System.Globalization;
using Tumen.Core;

namespace Tumen.Linkage.Names;

/// <summary>One Korean family name and every way it is written.</summary>
public sealed record SurnameClass(int Id, string Hangul, IReadOnlyList<string> Hanja, IReadOnlyList<string> Latin, IReadOnlyList<string> Pinyin, double SharePercent)
{
    /// <summary>The South Korean Hangul spelling (initial-sound law applied: 리→이).</summary>
    public string HangulSouth => Hangul.Length == 1 ? Names.Hangul.ApplyInitialSoundLaw(Hangul[0]).ToString() : Hangul;
}

/// <summary>
/// The many-to-many surname table: Hangul (North and South forms) ↔ hanja (traditional, simplified,
/// Korean variants) ↔ RR, MR, DPRK and popular spellings ↔ pinyin. A spelling can belong to several
/// classes (Song = 송 or 성; Xu = 서 or 허); callers compare sets of classes.
/// </summary>
public sealed class Surnames
{
    private readonly FrozenDictionary<string, int[]> _bySpelling;
    private readonly FrozenDictionary<string, int[]> _byKey;
    private readonly FrozenDictionary<string, int> _byHangul;
    private readonly FrozenDictionary<string, int[]> _byHan;

    private Surnames(string csv)
    {
        var classes = new List<SurnameClass>();
        var bySpelling = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byHangul = new Dictionary<string, int>(StringComparer.Ordinal);
        var byHan = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var row in Tumen.Core.Csv.Parse(csv).Skip(1))
        {
            var id = classes.Count;
            var cls = new SurnameClass(id, row[0], row[1].Split('|'), row[2].Split('|'), row[3].Split('|'), double.Parse(row[4], CultureInfo.InvariantCulture));
            classes.Add(cls);
            byHangul[cls.Hangul] = id;
            byHangul.TryAdd(cls.HangulSouth, id);
            foreach (var h in cls.Hanja)
            {
                Add(byHan, h, id);
            }

            foreach (var spelling in cls.Latin.Concat(cls.Pinyin))
            {
                Add(bySpelling, PhoneticKey.Fold(spelling), id);
                Add(byKey, PhoneticKey.FromLatin(spelling), id);
            }

            foreach (var system in Enum.GetValues<RomanizationSystem>())
            {
                var roman = Romanizer.RomanizeWord(cls.Hangul, system);
                Add(bySpelling, PhoneticKey.Fold(roman), id);
                Add(byKey, PhoneticKey.FromLatin(roman), id);
                Add(bySpelling, PhoneticKey.Fold(Romanizer.RomanizeWord(cls.HangulSouth, system)), id);
            }
        }

        Classes = classes;
        _bySpelling = bySpelling.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _byKey = byKey.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _byHangul = byHangul.ToFrozenDictionary(StringComparer.Ordinal);
        _byHan = byHan.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The table shipped with Tumen.</summary>
    public static Surnames Default { get; } = new(EmbeddedText.Read(typeof(Surnames).Assembly, "surnames.csv"));

    /// <summary>All classes; the index is the class id.</summary>
    public IReadOnlyList<SurnameClass> Classes { get; }

    /// <summary>The classes a written surname may belong to (Hangul, hanja, or any Latin spelling); empty when unknown.</summary>
    public IReadOnlyList<int> Lookup(string surname)
    {
        // Cheap enough (a fold and a dictionary look-up) that a cache would cost more than it saves.
        if (surname.Length == 0)
        {
            return [];
        }

        if (Hangul.IsSyllable(surname[0]))
        {
            return _byHangul.TryGetValue(surname, out var id) ? [id] : [];
        }

        if (HanCharacters.IsHan(surname[0]))
        {
            return _byHan.TryGetValue(surname, out var ids) ? ids : [];
        }

        var folded = PhoneticKey.Fold(surname);
        if (_bySpelling.TryGetValue(folded, out var exact))
        {
            return exact;
        }

        return _byKey.TryGetValue(PhoneticKey.FromLatin(surname), out var byKey) ? byKey : [];
    }

    /// <summary>Whether a Hangul string of one or two syllables is a known family name.</summary>
    public bool IsHangulSurname(string hangul) => _byHangul.ContainsKey(hangul);

    /// <summary>Whether Han text is a known family name.</summary>
    public bool IsHanSurname(string han) => _byHan.ContainsKey(han);

    private static void Add(Dictionary<string, List<int>> map, string key, int id)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(id))
        {
            list.Add(id);
        }
    }
}
