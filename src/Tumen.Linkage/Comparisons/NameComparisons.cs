using System.Globalization;
using Tumen.Linkage.Names;

namespace Tumen.Linkage.Comparisons;

/// <summary><c>korean_name</c>: a whole name in any script and romanisation, family name first or last.</summary>
public sealed class KoreanNameComparison(string column) : Comparison(column, "korean_name",
    ["same name (any script)", "same name via pinyin", "close (same family name, given name one sound apart)", "same given name only", "similar", "different"])
{
    private int[] _ids = [];
    private KoreanName[] _names = [];
    private string?[] _surnameKeys = [];
    private string?[] _givenKeys = [];
    private string?[] _fullKeys = [];
    private (string Surname, string Given, string Full)[][] _alternatives = [];

    /// <inheritdoc/>
    public override IReadOnlyList<double> PriorM => [0.8, 0.03, 0.08, 0.03, 0.03, 0.03];

    /// <inheritdoc/>
    public override int TermFrequencyLevels => 2;

    /// <summary>The parsed name of a record (null when missing), for explanations.</summary>
    public KoreanName? NameOf(int record) => _ids[record] < 0 ? null : _names[_ids[record]];

    /// <inheritdoc/>
    public override void Prepare(IReadOnlyList<string?> values)
    {
        var (ids, distinct) = Intern(values, v => string.IsNullOrWhiteSpace(v) ? null : v.Trim());
        var names = new KoreanName[distinct.Count];
        Parallel.For(0, distinct.Count, d => names[d] = KoreanName.Parse(distinct[d]));
        var surnameKeys = new string?[distinct.Count];
        var givenKeys = new string?[distinct.Count];
        var alternatives = new (string Surname, string Given, string Full)[distinct.Count][];
        var fullKeys = new string?[distinct.Count];
        for (var d = 0; d < distinct.Count; d++)
        {
            var reading = names[d].Readings.Count > 0 ? names[d].Readings[0] : null;
            alternatives[d] = [];
            if (reading is null)
            {
                continue;
            }

            surnameKeys[d] = SurnameBlockingKey(reading);
            givenKeys[d] = reading.GivenKey.Length == 0 ? null : reading.GivenKey;
            fullKeys[d] = givenKeys[d] is null ? null : surnameKeys[d] + "|" + givenKeys[d];
            // Other readings, and other family names a spelling may stand for (Chon = 전 or 천, Jin = 김 or 진).
            alternatives[d] = names[d].Readings
                .SelectMany(r => r.SurnameClasses.Count > 1 ? r.SurnameClasses.Order().Select(c => ("#" + c.ToString(CultureInfo.InvariantCulture), r.GivenKey)) : [(SurnameBlockingKey(r), r.GivenKey)])
                .Where(a => a.Item2.Length > 0 && (a.Item1 != surnameKeys[d] || a.Item2 != givenKeys[d]))
                .Distinct()
                .Take(Engine.Blocker.Slots - 1)
                .Select(a => (a.Item1, a.Item2, a.Item1 + "|" + a.Item2))
                .ToArray();
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] >= 0 && names[ids[i]].IsEmpty)
            {
                ids[i] = -1;
            }
        }

        (_ids, _names, _surnameKeys, _givenKeys, _fullKeys, _alternatives) = (ids, names, surnameKeys, givenKeys, fullKeys, alternatives);
        SetTermFrequencies(ids.Select(id => id < 0 ? null : fullKeys[id] ?? surnameKeys[id] + "|").ToArray());
    }

    /// <inheritdoc/>
    public override int Compare(int i, int j)
    {
        var a = _ids[i];
        var b = _ids[j];
        if (a < 0 || b < 0)
        {
            return Missing;
        }

        return a == b ? 0 : (int)NameComparer.Agreement(_names[a], _names[b]);
    }

    /// <inheritdoc/>
    public override string? BlockingKey(int record, string? part)
    {
        var id = _ids[record];
        if (id < 0)
        {
            return null;
        }

        return part switch
        {
            "surname" => _surnameKeys[id],
            "given" => _givenKeys[id],
            _ => _surnameKeys[id] is null ? null : _fullKeys[id],
        };
    }

    /// <inheritdoc/>
    public override string? AlternativeBlockingKey(int record, string? part, int alternative)
    {
        var id = _ids[record];
        if (id < 0 || alternative > _alternatives[id].Length)
        {
            return null;
        }

        var (surname, given, full) = _alternatives[id][alternative - 1];
        return part switch
        {
            "surname" => surname,
            "given" => given,
            _ => full,
        };
    }

    internal static string SurnameBlockingKey(NameReading reading) =>
        reading.SurnameClasses.Count > 0 ? "#" + reading.SurnameClasses.Min() : reading.SurnameKey;
}

/// <summary><c>given_name</c>: a given name alone, compared as written and by its cross-script sound key.</summary>
public sealed class GivenNameComparison(string column) : Comparison(column, "given_name",
    ["exact", "same sound (romanisation or script variant)", "Jaro-Winkler >= 0.92", "Jaro-Winkler >= 0.80", "different"])
{
    private int[] _ids = [];
    private string[] _text = [];
    private string[][] _keys = [];

    /// <inheritdoc/>
    public override void Prepare(IReadOnlyList<string?> values)
    {
        var (ids, distinct) = Intern(values, Normalise);
        var keys = new string[distinct.Count][];
        var text = new string[distinct.Count];
        Parallel.For(0, distinct.Count, d =>
        {
            text[d] = Names.Hangul.IsSyllable(distinct[d][0]) || HanCharacters.IsHan(distinct[d][0]) ? distinct[d] : PhoneticKey.Fold(distinct[d]);
            keys[d] = [.. KoreanName.GivenKeys(distinct[d].Replace(" ", "", StringComparison.Ordinal), HanCharacters.Default).Select(k => k.Key).Where(k => k.Length > 0)];
        });
        (_ids, _text, _keys) = (ids, text, keys);
        SetTermFrequencies(ids.Select(id => id < 0 ? null : text[id]).ToArray());
    }

    /// <inheritdoc/>
    public override int Compare(int i, int j)
    {
        var a = _ids[i];
        var b = _ids[j];
        if (Trivial(a, b) is { } level)
        {
            return level;
        }

        if (string.Equals(_text[a], _text[b], StringComparison.Ordinal))
        {
            return 0;
        }

        var best = Similarity.JaroWinkler(_text[a], _text[b]);
        foreach (var ka in _keys[a])
        {
            foreach (var kb in _keys[b])
            {
                if (string.Equals(ka, kb, StringComparison.Ordinal))
                {
                    return 1;
                }

                best = Math.Max(best, Similarity.JaroWinkler(ka, kb));
            }
        }

        return best >= 0.92 ? 2 : best >= 0.8 ? 3 : 4;
    }

    /// <inheritdoc/>
    public override string? BlockingKey(int record, string? part)
    {
        var id = _ids[record];
        return id < 0 ? null : _keys[id].Length > 0 ? _keys[id][0] : _text[id];
    }
}

/// <summary><c>surname</c>: a family name alone; all spellings of one Korean surname (Lee/Yi/Rhee/Ri/李/이/리) agree.</summary>
public sealed class SurnameComparison(string column) : Comparison(column, "surname",
    ["exact", "same family name (variant spelling or script)", "Jaro-Winkler >= 0.92", "Jaro-Winkler >= 0.80", "different"])
{
    private int[] _ids = [];
    private string[] _text = [];
    private string[] _key = [];
    private int[][] _classes = [];

    /// <inheritdoc/>
    public override void Prepare(IReadOnlyList<string?> values)
    {
        var (ids, distinct) = Intern(values, Normalise);
        var text = new string[distinct.Count];
        var key = new string[distinct.Count];
        var classes = new int[distinct.Count][];
        Parallel.For(0, distinct.Count, d =>
        {
            var v = distinct[d];
            var cjk = Names.Hangul.IsSyllable(v[0]) || HanCharacters.IsHan(v[0]);
            text[d] = cjk ? v : PhoneticKey.Fold(v);
            classes[d] = [.. Surnames.Default.Lookup(v)];
            key[d] = cjk ? (Names.Hangul.IsAllSyllables(v) ? PhoneticKey.FromHangul(v) : v) : PhoneticKey.FromLatin(v);
        });
        (_ids, _text, _key, _classes) = (ids, text, key, classes);
        SetTermFrequencies(ids.Select(id => id < 0 ? null : text[id]).ToArray());
    }

    /// <inheritdoc/>
    public override int Compare(int i, int j)
    {
        var a = _ids[i];
        var b = _ids[j];
        if (Trivial(a, b) is { } level)
        {
            return level;
        }

        if (string.Equals(_text[a], _text[b], StringComparison.Ordinal))
        {
            return 0;
        }

        if (_classes[a].Intersect(_classes[b]).Any() || (_key[a].Length > 0 && string.Equals(_key[a], _key[b], StringComparison.Ordinal)))
        {
            return 1;
        }

        var jw = Similarity.JaroWinkler(_text[a], _text[b]);
        return jw >= 0.92 ? 2 : jw >= 0.8 ? 3 : 4;
    }

    /// <inheritdoc/>
    public override string? BlockingKey(int record, string? part)
    {
        var id = _ids[record];
        return id < 0 ? null : _classes[id].Length > 0 ? "#" + _classes[id].Min() : _key[id];
    }
}
