using System.Text;

namespace Tumen.Linkage.Names;

/// <summary>Which way a reading of a name was obtained; weaker routes explain weaker matches.</summary>
public enum NameRoute
{
    /// <summary>Read from Hangul.</summary>
    Hangul,

    /// <summary>Read from Han characters through their Korean reading.</summary>
    Han,

    /// <summary>A Latin romanisation of Korean (RR, MR, DPRK or a popular spelling).</summary>
    Romanized,

    /// <summary>Latin pinyin read back into Korean through the characters it may stand for (one-to-many).</summary>
    Pinyin,
}

/// <summary>
/// One way to read a written name: family name (its surname classes and sound key) and given name
/// (its sound key). A written name can have several readings: family name first or last, or a
/// given name that is Korean romanisation or Chinese pinyin.
/// </summary>
public sealed record NameReading(string Surname, IReadOnlyList<int> SurnameClasses, string SurnameKey, string GivenKey, NameRoute Route)
{
    /// <summary>
    /// The given name syllable by syllable, for matching pinyin without enumerating its readings: for a
    /// Hangul or Han reading, its Hangul syllables (initial-sound law applied, so 리 and 이 are one); for a
    /// pinyin reading, per syllable the Hangul syllables it may stand for, separated by '|'. Empty when unknown.
    /// </summary>
    public string GivenSyllables { get; init; } = "";

    /// <summary>
    /// For a pinyin reading: the sound keys of the Korean given names the pinyin may stand for (up to
    /// <see cref="KoreanName.MaxPinyinKeys"/>, sorted ordinally), so that a romanised Korean spelling can be
    /// matched against all of them, not only the few kept as readings. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> PinyinKeys { get; init; } = [];

    /// <summary>
    /// For a given name written in Han characters: the characters, each folded to its simplified form (金蘭熙 and
    /// 金兰熙 hold the same); empty otherwise. Two given names with one Korean reading but different characters
    /// (今顺 / 锦顺, chosen by sound) agree less than the same characters do.
    /// </summary>
    public string GivenHan { get; init; } = "";

    /// <summary>The surname classes as a bit set (class ids below 128), so the comparator tests them with one AND.</summary>
    internal UInt128 SurnameMask { get; } = Mask(SurnameClasses);

    /// <summary>Which letters the given-name key holds (bit c &amp; 31), for a cheap upper bound on its similarity.</summary>
    internal uint GivenLetters { get; } = Letters(GivenKey);

    private static uint Letters(string key)
    {
        uint mask = 0;
        foreach (var c in key)
        {
            mask |= 1u << (c & 31);
        }

        return mask;
    }

    private static UInt128 Mask(IReadOnlyList<int> classes)
    {
        UInt128 mask = 0;
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i] < 128)
            {
                mask |= UInt128.One << classes[i];
            }
        }

        return mask;
    }
}

/// <summary>One key of a given name: its sound key, how it was read, and its syllables (see <see cref="NameReading.GivenSyllables"/>).</summary>
public readonly record struct GivenKey(string Key, NameRoute Route, string Syllables)
{
    /// <summary>For a pinyin key, the keys of all Korean readings of the pinyin (see <see cref="NameReading.PinyinKeys"/>).</summary>
    public IReadOnlyList<string> PinyinKeys { get; init; } = [];
}

/// <summary>A name in any script, parsed once into the readings the comparator works on.</summary>
public sealed record KoreanName(string Original, IReadOnlyList<NameReading> Readings)
{
    private const int MaxReadings = 6;

    // A name in several scripts keeps up to as many readings as a blocking rule has key slots.
    private const int MaxMixedReadings = Engine.Blocker.Slots;

    /// <summary>How many Korean readings of a pinyin given name are kept as keys for matching romanised spellings.</summary>
    public const int MaxPinyinKeys = 16;

    /// <summary>True when nothing readable was found.</summary>
    public bool IsEmpty => Readings.Count == 0;

    /// <summary>Parses a whole name: 이금순, 李今顺, Lee Keum-soon, Keum-soon LEE, Ri Kum Sun, Li Jinshun, 리 금순.</summary>
    public static KoreanName Parse(string? text) => Parse(text, Surnames.Default, HanCharacters.Default);

    /// <summary>Parses a whole name with the given tables.</summary>
    public static KoreanName Parse(string? text, Surnames surnames, HanCharacters han)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new KoreanName(text ?? "", []);
        }

        var normal = text.Normalize(NormalizationForm.FormKC).Trim();
        var parts = ScriptParts(normal);
        if (parts.Count <= 1)
        {
            return new KoreanName(text, ParseOneScript(parts.Count == 1 ? parts[0] : normal, surnames, han).Take(MaxReadings).ToArray());
        }

        // One name written in several scripts (李庆玉 (LI QINGYU), 河雪华 He Xue Hua, 김영희 (Kim Young-hee)):
        // each part is read on its own and every part's readings take part, the first reading of each part first,
        // so that blocking keys and comparisons see all of them. The most telling script comes first (Hangul,
        // then Han characters, then Latin): it gives the name's term-frequency key.
        var perPart = parts.Select(p => ParseOneScript(p, surnames, han)).ToList();
        var merged = new List<NameReading>();
        for (var depth = 0; merged.Count < MaxMixedReadings && perPart.Exists(r => r.Count > depth); depth++)
        {
            foreach (var part in perPart.Where(r => r.Count > depth))
            {
                if (merged.Count < MaxMixedReadings && !merged.Exists(m => SameKeys(m, part[depth])))
                {
                    merged.Add(part[depth]);
                }
            }
        }

        return new KoreanName(text, merged);
    }

    private static bool SameKeys(NameReading a, NameReading b) =>
        a.Route == b.Route && string.Equals(a.SurnameKey, b.SurnameKey, StringComparison.Ordinal) && string.Equals(a.GivenKey, b.GivenKey, StringComparison.Ordinal)
        && string.Equals(a.GivenHan, b.GivenHan, StringComparison.Ordinal) && a.SurnameClasses.SequenceEqual(b.SurnameClasses);

    /// <summary>
    /// Splits a name field into its parts by script, Hangul first, then Han characters, then Latin; brackets,
    /// slashes and script changes separate parts. A field in one script comes back whole.
    /// </summary>
    public static IReadOnlyList<string> ScriptParts(string text)
    {
        var hangul = new StringBuilder();
        var hanText = new StringBuilder();
        var latin = new StringBuilder();
        StringBuilder? current = null;
        foreach (var c in text)
        {
            StringBuilder? target = Hangul.IsSyllable(c) ? hangul
                : HanCharacters.IsHan(c) ? hanText
                : char.IsLetter(c) ? latin
                : null;
            if (target is null)
            {
                // Separators stay with the part they are in (a space or hyphen between two Latin words, a comma
                // after a family name); brackets and slashes only split.
                if (current is not null && c is not ('(' or ')' or '[' or ']' or '（' or '）' or '/' or '【' or '】'))
                {
                    current.Append(c);
                }
                else if (current is not null)
                {
                    current.Append(' ');
                }

                continue;
            }

            if (!ReferenceEquals(target, current))
            {
                target.Append(' ');
                current = target;
            }

            target.Append(c);
        }

        return new[] { hangul, hanText, latin }
            .Select(b => b.ToString().Trim(' ', ',', '-', '\'', '.', ';', ':', '\t'))
            .Where(p => p.Length > 0)
            .ToArray();
    }

    private static List<NameReading> ParseOneScript(string normal, Surnames surnames, HanCharacters han)
    {
        var surnameFirst = normal.Contains(',', StringComparison.Ordinal);
        var tokens = normal.Split([' ', ',', '\t', '·', '・', '.', '_'], StringSplitOptions.RemoveEmptyEntries);
        var readings = new List<NameReading>();
        if (tokens.Length == 1 && !IsLatin(tokens[0]))
        {
            SplitCjk(tokens[0], surnames, han, readings);
        }
        else if (tokens.Length >= 2 && tokens.All(t => !IsLatin(t)))
        {
            AddCjk(tokens[0], string.Concat(tokens.Skip(1)), surnames, han, readings);
            if (tokens.Length == 2)
            {
                AddCjk(tokens[1], tokens[0], surnames, han, readings);
            }
        }
        else if (tokens.Length == 1)
        {
            AddGivenOnly(tokens[0], han, readings);
        }
        else
        {
            AddLatin(tokens, surnameFirst, surnames, han, readings);
        }

        return readings;
    }

    /// <summary>Keys of a given name alone (any script), first the most likely; pinyin readings follow.</summary>
    public static IReadOnlyList<GivenKey> GivenKeys(string given, HanCharacters han)
    {
        if (!ReferenceEquals(han, HanCharacters.Default))
        {
            return ComputeGivenKeys(given, han);
        }

        if (GivenCache.TryGetValue(given, out var cached))
        {
            return cached;
        }

        var keys = ComputeGivenKeys(given, han);
        if (Volatile.Read(ref _givenCached) < 4_000_000 && GivenCache.TryAdd(given, keys))
        {
            Interlocked.Increment(ref _givenCached);
        }

        return keys;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<GivenKey>> GivenCache = new(StringComparer.Ordinal);
    private static int _givenCached;

    private static IReadOnlyList<GivenKey> ComputeGivenKeys(string given, HanCharacters han)
    {
        var result = new List<GivenKey>();
        if (given.Length == 0)
        {
            return result;
        }

        if (Hangul.IsAllSyllables(given))
        {
            result.Add(new GivenKey(PhoneticKey.FromHangul(given), NameRoute.Hangul, SyllablesOf(given)));
            return result;
        }

        if (given.All(HanCharacters.IsHan))
        {
            foreach (var reading in HanReadings(given, han))
            {
                result.Add(new GivenKey(PhoneticKey.FromHangul(reading), NameRoute.Han, SyllablesOf(reading)));
            }

            return result;
        }

        var folded = PhoneticKey.Fold(given);
        var syllables = han.SegmentPinyin(folded);
        var pinyinFirst = syllables is not null && LooksLikePinyin(folded);
        if (!pinyinFirst)
        {
            result.Add(new GivenKey(PhoneticKey.FromLatin(given), NameRoute.Romanized, ""));
        }

        if (syllables is not null)
        {
            var options = syllables.Select(han.HangulForPinyin).ToArray();
            var sets = string.Join('|', options.Select(o => SyllablesOf(string.Concat(o))));
            string[] all = [.. Product(options, MaxPinyinKeys).Select(PhoneticKey.FromHangul).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            foreach (var reading in Product(options, 4))
            {
                var key = PhoneticKey.FromHangul(reading);
                if (!result.Exists(r => string.Equals(r.Key, key, StringComparison.Ordinal)))
                {
                    result.Add(new GivenKey(key, NameRoute.Pinyin, sets) { PinyinKeys = all });
                }
            }
        }

        if (pinyinFirst)
        {
            result.Add(new GivenKey(PhoneticKey.FromLatin(given), NameRoute.Romanized, ""));
        }

        return result;
    }

    // Hangul syllables with the initial-sound law applied to each, so that North and South spellings agree.
    private static string SyllablesOf(string hangul) => string.Create(hangul.Length, hangul, static (span, h) =>
    {
        for (var i = 0; i < h.Length; i++)
        {
            span[i] = Hangul.ApplyInitialSoundLaw(h[i]);
        }
    });

    // Letter groups that Korean romanisations never write but pinyin does (x, q, z, zh, uan, iao, ...).
    private static bool LooksLikePinyin(string folded)
    {
        if (folded.AsSpan().IndexOfAny("xqz") >= 0)
        {
            return true;
        }

        string[] marks = ["uan", "iao", "ian", "ao", "ou", "ei", "ie", "ing", "iu", "uo", "ai"];
        return marks.Any(m => folded.Contains(m, StringComparison.Ordinal));
    }

    private static bool IsLatin(string token)
    {
        foreach (var c in token)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F')
            {
                return true;
            }
        }

        return false;
    }

    private static void SplitCjk(string token, Surnames surnames, HanCharacters han, List<NameReading> readings)
    {
        if (token.Length >= 3 && (surnames.IsHangulSurname(token[..2]) || surnames.IsHanSurname(token[..2])))
        {
            AddCjk(token[..2], token[2..], surnames, han, readings);
        }

        AddCjk(token[..1], token[1..], surnames, han, readings);
    }

    private static void AddCjk(string surname, string given, Surnames surnames, HanCharacters han, List<NameReading> readings)
    {
        var classes = surnames.Lookup(surname);
        string surnameKey;
        NameRoute route;
        if (Hangul.IsAllSyllables(surname))
        {
            surnameKey = PhoneticKey.FromHangul(surname);
            route = NameRoute.Hangul;
        }
        else
        {
            var reading = HanReadings(surname, han).FirstOrDefault() ?? "";
            surnameKey = reading.Length > 0 ? PhoneticKey.FromHangul(reading) : "";
            route = NameRoute.Han;
        }

        var givens = GivenKeys(given, han);
        if (givens.Count == 0)
        {
            readings.Add(new NameReading(surname, classes, surnameKey, "", route));
        }

        foreach (var g in givens)
        {
            readings.Add(new NameReading(surname, classes, surnameKey, g.Key, route == NameRoute.Hangul ? g.Route : route) { GivenSyllables = g.Syllables, PinyinKeys = g.PinyinKeys, GivenHan = FoldHan(given, han) });
        }
    }

    private static void AddGivenOnly(string token, HanCharacters han, List<NameReading> readings)
    {
        foreach (var g in GivenKeys(token, han))
        {
            readings.Add(new NameReading("", [], "", g.Key, g.Route) { GivenSyllables = g.Syllables, PinyinKeys = g.PinyinKeys, GivenHan = FoldHan(token, han) });
        }
    }

    private static void AddLatin(string[] tokens, bool surnameFirst, Surnames surnames, HanCharacters han, List<NameReading> readings)
    {
        var first = tokens[0];
        var last = tokens[^1];
        var firstClasses = surnames.Lookup(first);
        var lastClasses = surnames.Lookup(last);
        var firstKnown = firstClasses.Count > 0;
        var lastKnown = lastClasses.Count > 0;
        var firstUpper = IsUpper(first);
        var lastUpper = IsUpper(last);
        var upperFirst = firstUpper && !lastUpper;
        var upperLast = lastUpper && !firstUpper;
        var preferLast = !surnameFirst && !upperFirst && (upperLast || (lastKnown && !firstKnown) || (tokens.Length == 2 && lastKnown && firstKnown && Share(lastClasses, surnames) > Share(firstClasses, surnames)));
        var tryFirst = surnameFirst || upperFirst || firstKnown || !lastKnown;
        var tryLast = !surnameFirst && !upperFirst && (lastKnown || !firstKnown) && tokens.Length <= 3;
        if (preferLast && tryLast)
        {
            AddLatinOrder(last, lastClasses, string.Concat(tokens.AsSpan(0, tokens.Length - 1)), han, readings);
        }

        if (tryFirst)
        {
            AddLatinOrder(first, firstClasses, string.Concat(tokens.AsSpan(1)), han, readings);
        }

        if (!preferLast && tryLast)
        {
            AddLatinOrder(last, lastClasses, string.Concat(tokens.AsSpan(0, tokens.Length - 1)), han, readings);
        }
    }

    private static void AddLatinOrder(string surname, IReadOnlyList<int> classes, string given, HanCharacters han, List<NameReading> readings)
    {
        var surnameKey = PhoneticKey.FromLatin(surname);
        foreach (var g in GivenKeys(given, han))
        {
            readings.Add(new NameReading(surname, classes, surnameKey, g.Key, g.Route) { GivenSyllables = g.Syllables, PinyinKeys = g.PinyinKeys });
        }
    }

    /// <summary>Han characters folded to their simplified forms; empty when <paramref name="given"/> is not all Han.</summary>
    public static string FoldHan(string given, HanCharacters han)
    {
        if (given.Length == 0 || !given.All(HanCharacters.IsHan))
        {
            return "";
        }

        return string.Create(given.Length, (given, han), static (span, state) =>
        {
            for (var i = 0; i < state.given.Length; i++)
            {
                span[i] = state.han.ToSimplified(state.given[i]);
            }
        });
    }

    private static double Share(IReadOnlyList<int> classes, Surnames surnames)
    {
        var share = 0.0;
        for (var i = 0; i < classes.Count; i++)
        {
            share = Math.Max(share, surnames.Classes[classes[i]].SharePercent);
        }

        return share;
    }

    private static bool IsUpper(string token)
    {
        if (token.Length <= 1)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> HanReadings(string han, HanCharacters table)
    {
        var options = new IReadOnlyList<string>[han.Length];
        for (var i = 0; i < han.Length; i++)
        {
            var r = table.Readings(han[i]);
            if (r.Count == 0)
            {
                return [];
            }

            options[i] = r;
        }

        return Product(options, 4);
    }

    private static IEnumerable<string> Product(IReadOnlyList<string>[] options, int take)
    {
        IEnumerable<string> acc = [""];
        foreach (var option in options)
        {
            if (option.Count == 0)
            {
                return [];
            }

            var current = option;
            acc = acc.SelectMany(prefix => current.Select(o => prefix + o));
        }

        return acc.Take(take);
    }
}
