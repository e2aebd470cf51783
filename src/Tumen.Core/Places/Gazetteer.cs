using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Tumen.Core.Places;

/// <summary>
/// The border region and escape routes, with names in English, Korean and Chinese. Reference data,
/// loaded from <c>gazetteer.csv</c>; an organisation can add its own entries with <see cref="With"/>.
/// </summary>
public sealed class Gazetteer
{
    private readonly FrozenDictionary<string, Place> _byId;
    private readonly FrozenDictionary<string, string> _byName;

    private Gazetteer(IReadOnlyList<Place> places)
    {
        Places = places;
        _byId = places.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var place in places)
        {
            foreach (var name in place.Aliases.Concat([place.NameEnglish, place.NameKorean, place.NameChinese]))
            {
                names.TryAdd(NormaliseName(name), place.Id);
            }
        }

        _byName = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var place in places)
        {
            if (place.ParentId is { Length: > 0 } parent && !_byId.ContainsKey(parent))
            {
                throw new FormatException($"Gazetteer entry {place.Id} names a missing parent {parent}.");
            }
        }
    }

    /// <summary>The gazetteer shipped with Tumen.</summary>
    public static Gazetteer Default { get; } = Parse(EmbeddedText.Read(typeof(Gazetteer).Assembly, "gazetteer.csv"));

    /// <summary>All entries, in file order.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>The entry with this id, or null.</summary>
    public Place? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Finds a place by any of its names or aliases in any script; null when unknown.</summary>
    public Place? Lookup(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
        : _byId.GetValueOrDefault(name.Trim()) ?? (_byName.TryGetValue(NormaliseName(name), out var id) ? _byId[id] : null);

    /// <summary>The chain from a place up to its country, nearest first, starting with the place itself.</summary>
    public IEnumerable<Place> Ancestry(string id)
    {
        var current = Find(id);
        var guard = 0;
        while (current is not null && guard++ < 16)
        {
            yield return current;
            current = current.ParentId is { Length: > 0 } p && p != current.Id ? Find(p) : null;
        }
    }

    /// <summary>Whether <paramref name="id"/> lies inside <paramref name="ancestorId"/> (or is it).</summary>
    public bool IsWithin(string id, string ancestorId) => Ancestry(id).Any(p => p.Id == ancestorId);

    /// <summary>Every alias of every place, for extractors that scan text for place names.</summary>
    public IEnumerable<(string Name, Place Place)> AllNames() =>
        Places.SelectMany(p => p.Aliases.Select(a => (a, p)));

    /// <summary>A gazetteer with extra entries (an organisation's own places), checked like the defaults.</summary>
    public Gazetteer With(IEnumerable<Place> extra) => new([.. Places, .. extra]);

    /// <summary>Parses gazetteer CSV (header <c>id,kind,name_en,name_ko,name_zh,country,parent,lat,lon,precision,precision_km,aliases</c>).</summary>
    public static Gazetteer Parse(string csv)
    {
        var rows = Csv.Parse(csv);
        string[] header = ["id", "kind", "name_en", "name_ko", "name_zh", "country", "parent", "lat", "lon", "precision", "precision_km", "aliases"];
        if (rows.Count == 0 || !rows[0].SequenceEqual(header, StringComparer.Ordinal))
        {
            throw new FormatException("Gazetteer CSV must start with the header " + string.Join(',', header) + ".");
        }

        var places = new List<Place>(rows.Count);
        for (var i = 1; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Count != header.Length)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Gazetteer line {i + 1} has {r.Count} fields, expected {header.Length}."));
            }

            places.Add(new Place(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6].Length == 0 ? null : r[6],
                double.Parse(r[7], CultureInfo.InvariantCulture),
                double.Parse(r[8], CultureInfo.InvariantCulture),
                Enum.Parse<PlacePrecision>(r[9], ignoreCase: true),
                double.Parse(r[10], CultureInfo.InvariantCulture),
                r[11].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }

        return new Gazetteer(places);
    }

    private static string NormaliseName(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
