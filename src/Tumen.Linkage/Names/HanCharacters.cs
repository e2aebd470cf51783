using System.Collections.Frozen;
using Tumen.Core;

namespace Tumen.Linkage.Names;

/// <summary>
/// Han characters of Korean names, simplified and traditional, with their Korean reading (in the
/// etymological ㄹ form, e.g. 李 리) and their toneless pinyin. The mapping goes through the character:
/// 朴 = 박 = Piao. Pinyin to Hangul is one-to-many, so readings come back as lists.
/// Two tables: <c>han_readings.csv</c> holds the characters most used in Korean names, and only they are used to
/// read pinyin back into Korean (each further character would add a reading to a syllable that already has many,
/// and pinyin cannot say which character was meant); <c>han_readings_more.csv</c> holds several hundred more name
/// characters, which are read and folded between traditional and simplified forms but not guessed from pinyin.
/// </summary>
public sealed class HanCharacters
{
    private readonly FrozenDictionary<char, string[]> _readings;
    private readonly FrozenDictionary<char, string> _pinyin;
    private readonly FrozenDictionary<char, char> _simplified;
    private readonly FrozenDictionary<char, char> _traditional;
    private readonly FrozenDictionary<string, string[]> _byPinyin;
    private readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _pinyinBySpan;

    private HanCharacters(string csv, string? moreCsv = null)
    {
        var readings = new Dictionary<char, string[]>();
        var pinyin = new Dictionary<char, string>();
        var simplified = new Dictionary<char, char>();
        var traditional = new Dictionary<char, char>();
        var byPinyin = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var rows = Tumen.Core.Csv.Parse(csv).Skip(1).Select(r => (Row: r, Pinyin: true));
        if (moreCsv is not null)
        {
            rows = rows.Concat(Tumen.Core.Csv.Parse(moreCsv).Skip(1).Select(r => (Row: r, Pinyin: false)));
        }

        foreach (var (row, readBack) in rows)
        {
            var trad = row[0][0];
            var simp = row[1][0];
            var hangul = row[2].Split('|');
            var py = row[3].Split('|');
            foreach (var c in new[] { trad, simp })
            {
                readings.TryAdd(c, hangul);
                pinyin.TryAdd(c, py[0]);
            }

            simplified.TryAdd(trad, simp);
            traditional.TryAdd(simp, trad);
            foreach (var p in readBack ? py : [])
            {
                if (!byPinyin.TryGetValue(p, out var list))
                {
                    byPinyin[p] = list = [];
                }

                foreach (var h in hangul)
                {
                    if (!list.Contains(h))
                    {
                        list.Add(h);
                    }
                }
            }
        }

        _readings = readings.ToFrozenDictionary();
        _pinyin = pinyin.ToFrozenDictionary();
        _simplified = simplified.ToFrozenDictionary();
        _traditional = traditional.ToFrozenDictionary();
        _byPinyin = byPinyin.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _pinyinBySpan = _byPinyin.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxPinyinLength = _byPinyin.Keys.Max(k => k.Length);
    }

    /// <summary>The table shipped with Tumen.</summary>
    public static HanCharacters Default { get; } = new(
        EmbeddedText.Read(typeof(HanCharacters).Assembly, "han_readings.csv"),
        EmbeddedText.Read(typeof(HanCharacters).Assembly, "han_readings_more.csv"));

    /// <summary>Length of the longest pinyin syllable in the table.</summary>
    public int MaxPinyinLength { get; }

    /// <summary>Whether <paramref name="c"/> is a CJK unified ideograph.</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Korean readings of a character (first is the usual one), empty when unknown.</summary>
    public IReadOnlyList<string> Readings(char han) => _readings.TryGetValue(han, out var r) ? r : [];

    /// <summary>Toneless pinyin of a character, or null.</summary>
    public string? Pinyin(char han) => _pinyin.GetValueOrDefault(han);

    /// <summary>The simplified form (the character itself when it has no other form).</summary>
    public char ToSimplified(char han) => _simplified.TryGetValue(han, out var s) ? s : han;

    /// <summary>The traditional form (the character itself when it has no other form).</summary>
    public char ToTraditional(char han) => _traditional.TryGetValue(han, out var t) ? t : han;

    /// <summary>Hangul syllables whose characters are read with this pinyin syllable (empty when none).</summary>
    public IReadOnlyList<string> HangulForPinyin(string pinyin) => _byPinyin.TryGetValue(pinyin, out var h) ? h : [];

    /// <summary>Whether the table knows this pinyin syllable.</summary>
    public bool IsPinyinSyllable(ReadOnlySpan<char> syllable) => _pinyinBySpan.ContainsKey(syllable);

    /// <summary>
    /// Splits folded Latin text into known pinyin syllables (fewest syllables wins), or null when it is
    /// not pinyin the table can read.
    /// </summary>
    public string[]? SegmentPinyin(string folded)
    {
        var n = folded.Length;
        if (n == 0)
        {
            return null;
        }

        var best = new int[n + 1];
        var back = new int[n + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= n; end++)
        {
            for (var len = 1; len <= Math.Min(MaxPinyinLength, end); len++)
            {
                var start = end - len;
                if (best[start] != int.MaxValue && best[start] + 1 < best[end] && IsPinyinSyllable(folded.AsSpan(start, len)))
                {
                    best[end] = best[start] + 1;
                    back[end] = start;
                }
            }
        }

        if (best[n] == int.MaxValue)
        {
            return null;
        }

        var parts = new List<string>();
        for (var end = n; end > 0; end = back[end])
        {
            parts.Add(folded[back[end]..end]);
        }

        parts.Reverse();
        return [.. parts];
    }
}
