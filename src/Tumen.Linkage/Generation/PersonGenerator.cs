using System.Globalization;
using System.Text;
using Tumen.Core.Places;
using Tumen.Linkage.Names;

namespace Tumen.Linkage.Generation;

/// <summary>One generated record; <see cref="Cluster"/> is the person it describes (the truth by construction).</summary>
public sealed record GeneratedRecord(string Id, string Name, string? BirthDate, string? Origin, string Cluster);

/// <summary>
/// Generates person records of North Korean and Chinese-Korean women (and some men) the way they arrive
/// from different sources, with the truth known by construction: each person is written in one style
/// (Hangul South or North, hanja, simplified Chinese, RR, MR with or without breves, DPRK, popular
/// spellings, pinyin; family name first or last; given-name syllables joined, hyphenated or apart), and
/// each duplicate record of her is written again in a possibly different style with realistic
/// corruption: typos, day and month swapped, a year off, missing fields, a coarser or other-language
/// place name.
/// </summary>
public sealed class PersonGenerator
{
    private readonly Random _random;
    private readonly HanCharacters _han;
    private readonly (SurnameClass Class, double Cumulative)[] _surnames;
    private readonly Place[] _northOrigins;
    private readonly Place[] _chinaOrigins;
    private readonly Gazetteer _gazetteer;

    /// <summary>Creates a generator; the same seed gives the same records.</summary>
    public PersonGenerator(int seed, Gazetteer? gazetteer = null)
    {
        _random = new Random(seed);
        _han = HanCharacters.Default;
        _gazetteer = gazetteer ?? Gazetteer.Default;
        var classes = Surnames.Default.Classes;
        var total = classes.Sum(c => c.SharePercent);
        var acc = 0.0;
        _surnames = classes.Select(c => (c, acc += c.SharePercent / total)).ToArray();
        _northOrigins = _gazetteer.Places.Where(p => p.Country == "KP" && p.Kind is "province" or "city" or "county" or "town").ToArray();
        _chinaOrigins = _gazetteer.Places.Where(p => p.Country == "CN" && p.Kind is "city" or "county" or "prefecture" && _gazetteer.IsWithin(p.Id, "CN-JL")).ToArray();
    }

    /// <summary>
    /// Generates <paramref name="count"/> records of which a share <paramref name="duplicateRate"/> are
    /// further records of people already generated, shuffled.
    /// </summary>
    public IReadOnlyList<GeneratedRecord> Generate(int count, double duplicateRate)
    {
        if (count < 0 || duplicateRate is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(duplicateRate), "count must be positive and the duplicate rate in [0, 1).");
        }

        var people = Math.Max(1, (int)Math.Round(count * (1 - duplicateRate)));
        var persons = new Person[people];
        for (var p = 0; p < people; p++)
        {
            persons[p] = NewPerson(p);
        }

        var records = new List<GeneratedRecord>(count);
        for (var p = 0; p < people && records.Count < count; p++)
        {
            records.Add(Render(persons[p], records.Count, corrupt: false));
        }

        while (records.Count < count)
        {
            // Some people appear in many sources, most in few: pick with a skew towards low indices.
            var p = (int)(people * Math.Pow(_random.NextDouble(), 1.5));
            records.Add(Render(persons[Math.Min(p, people - 1)], records.Count, corrupt: true));
        }

        for (var i = records.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (records[i], records[j]) = (records[j], records[i]);
        }

        return records;
    }

    /// <summary>Writes records as CSV with the header <c>id,name,birth_date,origin,cluster</c>.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<GeneratedRecord> records)
    {
        writer.Write("id,name,birth_date,origin,cluster\n");
        foreach (var r in records)
        {
            writer.Write(Quote(r.Id));
            writer.Write(',');
            writer.Write(Quote(r.Name));
            writer.Write(',');
            writer.Write(Quote(r.BirthDate ?? ""));
            writer.Write(',');
            writer.Write(Quote(r.Origin ?? ""));
            writer.Write(',');
            writer.Write(Quote(r.Cluster));
            writer.Write('\n');
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private Person NewPerson(int index)
    {
        var u = _random.NextDouble();
        var surname = _surnames.First(s => s.Cumulative >= u).Class;
        var male = _random.NextDouble() < 0.1;
        var birth = new DateOnly(1955, 1, 1).AddDays(_random.Next(365 * 50));
        var given = NewGivenName(male, birth.Year);
        var chineseKorean = _random.NextDouble() < 0.2;
        var origins = chineseKorean ? _chinaOrigins : _northOrigins;
        var origin = origins.Length == 0 ? null : origins[_random.Next(origins.Length)];
        return new Person(string.Create(CultureInfo.InvariantCulture, $"P{index + 1:000000}"), surname, given, birth, origin, chineseKorean);
    }

    // See GivenNames for the sources of this distribution.
    private string NewGivenName(bool male, int birthYear)
    {
        if (!male && _random.NextDouble() < GivenNames.CommonShare)
        {
            var names = GivenNames.Common.First(c => birthYear <= c.UntilYear).Names;
            return names[Zipf(names.Length, offset: 4, exponent: 1)];
        }

        var first = male ? GivenNames.MaleFirst : GivenNames.FemaleFirst;
        var second = male ? GivenNames.MaleSecond : GivenNames.FemaleSecond;
        if (_random.NextDouble() < GivenNames.SingleShare)
        {
            return second[Zipf(second.Length, offset: 3, exponent: 0.9)].ToString();
        }

        return string.Concat(first[Zipf(first.Length, offset: 3, exponent: 0.9)], second[Zipf(second.Length, offset: 3, exponent: 0.9)]);
    }

    // A rank in [0, count) drawn with weight 1 / (rank + offset)^exponent.
    private int Zipf(int count, int offset, double exponent)
    {
        var weights = ZipfCumulative(count, offset, exponent);
        var u = _random.NextDouble() * weights[^1];
        var index = Array.BinarySearch(weights, u);
        return Math.Min(count - 1, index < 0 ? ~index : index);
    }

    private readonly Dictionary<(int, int, double), double[]> _zipf = [];

    private double[] ZipfCumulative(int count, int offset, double exponent)
    {
        if (!_zipf.TryGetValue((count, offset, exponent), out var cumulative))
        {
            cumulative = new double[count];
            var acc = 0.0;
            for (var r = 0; r < count; r++)
            {
                acc += Math.Pow(r + offset, -exponent);
                cumulative[r] = acc;
            }

            _zipf[(count, offset, exponent)] = cumulative;
        }

        return cumulative;
    }

    private GeneratedRecord Render(Person person, int index, bool corrupt)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"R{index + 1:0000000}");
        var name = RenderName(person, corrupt);
        return new GeneratedRecord(id, name, RenderDate(person.Birth, corrupt), RenderOrigin(person.Origin, corrupt), person.Id);
    }

    private string RenderName(Person person, bool corrupt)
    {
        var surnameHanja = person.Surname.Hanja[0];
        var givenHangul = string.Concat(person.Given.Select(c => _han.Readings(c)[0]));
        var style = PickStyle(person.ChineseKorean);
        string name;
        switch (style)
        {
            case Style.HangulSouth:
                name = person.Surname.HangulSouth + Hangul.ApplyInitialSoundLaw(givenHangul[0]) + givenHangul[1..];
                break;
            case Style.HangulNorth:
                name = person.Surname.Hangul + givenHangul;
                break;
            case Style.Traditional:
                name = surnameHanja + person.Given;
                break;
            case Style.Simplified:
                name = new string((surnameHanja + person.Given).Select(_han.ToSimplified).ToArray());
                break;
            case Style.Pinyin:
                name = Pinyin(surnameHanja, person.Given);
                break;
            default:
                name = Romanised(person, givenHangul, style);
                break;
        }

        if (corrupt && _random.NextDouble() < 0.12)
        {
            name = Typo(name);
        }

        return name;
    }

    private Style PickStyle(bool chineseKorean)
    {
        var u = _random.NextDouble();
        if (chineseKorean)
        {
            return u switch
            {
                < 0.25 => Style.Simplified,
                < 0.45 => Style.Pinyin,
                < 0.65 => Style.HangulNorth,
                < 0.8 => Style.HangulSouth,
                < 0.9 => Style.Popular,
                _ => Style.Revised,
            };
        }

        return u switch
        {
            < 0.2 => Style.HangulSouth,
            < 0.3 => Style.HangulNorth,
            < 0.35 => Style.Traditional,
            < 0.4 => Style.Simplified,
            < 0.45 => Style.Pinyin,
            < 0.6 => Style.Revised,
            < 0.67 => Style.McCuneReischauer,
            < 0.75 => Style.McCuneReischauerPlain,
            < 0.85 => Style.NorthKorean,
            _ => Style.Popular,
        };
    }

    private string Pinyin(string surnameHanja, string given)
    {
        var sur = Capitalise(_han.Pinyin(surnameHanja[0]) ?? "");
        var giv = Capitalise(string.Concat(given.Select(c => _han.Pinyin(c) ?? "")));
        if (_random.NextDouble() < 0.3)
        {
            sur = sur.ToUpperInvariant();
        }

        return _random.NextDouble() < 0.2 ? giv + " " + sur : sur + " " + giv;
    }

    private string Romanised(Person person, string givenHangul, Style style)
    {
        var system = style switch
        {
            Style.McCuneReischauer => RomanizationSystem.McCuneReischauer,
            Style.McCuneReischauerPlain => RomanizationSystem.McCuneReischauerPlain,
            Style.NorthKorean => RomanizationSystem.NorthKorean,
            _ => RomanizationSystem.Revised,
        };
        var north = style == Style.NorthKorean;
        var hangulSurname = north ? person.Surname.Hangul : person.Surname.HangulSouth;
        var surname = _random.NextDouble() < 0.5 || style == Style.Popular
            ? person.Surname.Latin[_random.Next(person.Surname.Latin.Count)]
            : Romanizer.RomanizeWord(hangulSurname, system);
        var separator = north ? " " : _random.Next(3) switch { 0 => "", 1 => "-", _ => " " };
        var given = Romanizer.RomanizeName("가" + givenHangul, 1, system, separator)[3..];
        if (style == Style.Popular)
        {
            given = Popularise(given);
        }

        if (_random.NextDouble() < 0.15)
        {
            surname = surname.ToUpperInvariant();
        }

        return !north && _random.NextDouble() < 0.25 ? given + " " + surname : surname + " " + given;
    }

    // English-style spellings of RR: oo for u, u for eo, ee for a final i, k for an initial g.
    private string Popularise(string rr)
    {
        var s = rr;
        if (_random.NextDouble() < 0.6)
        {
            s = s.Replace("u", "oo", StringComparison.Ordinal);
        }

        if (_random.NextDouble() < 0.5)
        {
            s = s.Replace("eo", "u", StringComparison.Ordinal).Replace("Eo", "U", StringComparison.Ordinal);
        }

        if (_random.NextDouble() < 0.5)
        {
            s = s.Replace("eu", "u", StringComparison.Ordinal);
        }

        if (_random.NextDouble() < 0.5 && s.StartsWith('G'))
        {
            s = "K" + s[1..];
        }

        if (_random.NextDouble() < 0.5 && s.EndsWith('i'))
        {
            s += "e";
        }

        return s;
    }

    private string Typo(string name)
    {
        var chars = name.ToCharArray();
        var positions = Enumerable.Range(0, chars.Length).Where(i => char.IsLetter(chars[i])).ToArray();
        if (positions.Length < 3)
        {
            return name;
        }

        var i = positions[1 + _random.Next(positions.Length - 1)];
        var c = chars[i];
        if (Hangul.IsSyllable(c))
        {
            var (initial, medial, final) = Hangul.Decompose(c);
            chars[i] = _random.Next(2) == 0
                ? Hangul.Compose(initial, medial, final == 0 ? 4 : 0)
                : Hangul.Compose(initial, medial switch { 4 => 8, 8 => 4, 13 => 18, 18 => 13, _ => medial }, final);
            return new string(chars);
        }

        if (c is >= 'a' and <= 'z')
        {
            return _random.Next(3) switch
            {
                0 => name.Remove(i, 1),
                1 => name.Insert(i, c.ToString()),
                _ => name[..i] + (char)('a' + _random.Next(26)) + name[(i + 1)..],
            };
        }

        return name;
    }

    private string? RenderDate(DateOnly birth, bool corrupt)
    {
        if (!corrupt)
        {
            return _random.NextDouble() < 0.03 ? birth.Year.ToString(CultureInfo.InvariantCulture) : Iso(birth);
        }

        var u = _random.NextDouble();
        return u switch
        {
            < 0.06 => null,
            < 0.12 => birth.Year.ToString(CultureInfo.InvariantCulture),
            < 0.18 when birth.Day <= 12 => Iso(new DateOnly(birth.Year, birth.Day, birth.Month)),
            < 0.24 => Iso(birth.AddDays(_random.Next(2) == 0 ? 1 : -1)),
            < 0.27 => Iso(birth.AddYears(_random.Next(2) == 0 ? 1 : -1)),
            < 0.40 => birth.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            < 0.50 => birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            _ => Iso(birth),
        };
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string? RenderOrigin(Place? origin, bool corrupt)
    {
        if (origin is null || (corrupt && _random.NextDouble() < 0.15) || _random.NextDouble() < 0.05)
        {
            return null;
        }

        var place = origin;
        if (corrupt && _random.NextDouble() < 0.2 && place.ParentId is { } parent && _gazetteer.Find(parent) is { Kind: not "country" } up)
        {
            place = up;
        }

        return _random.Next(3) switch
        {
            0 => place.Aliases.FirstOrDefault(a => a.Length > 0 && a[0] < 128) ?? place.NameEnglish,
            1 => place.Aliases.FirstOrDefault(a => a.Length > 0 && Hangul.IsSyllable(a[0])) ?? place.NameEnglish,
            _ => place.NameChinese,
        };
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private sealed record Person(string Id, SurnameClass Surname, string Given, DateOnly Birth, Place? Origin, bool ChineseKorean);

    private enum Style
    {
        HangulSouth,
        HangulNorth,
        Traditional,
        Simplified,
        Pinyin,
        Revised,
        McCuneReischauer,
        McCuneReischauerPlain,
        NorthKorean,
        Popular,
    }
}
