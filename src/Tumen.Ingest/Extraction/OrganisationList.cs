using System.Globalization;
using Tumen.Core;

namespace Tumen.Ingest.Extraction;

/// <summary>One organisation: canonical name, kind (<c>ngo</c>, <c>un</c>, <c>government</c>, <c>media</c>) and its names in any script.</summary>
public sealed record Organisation(string Name, string Kind, IReadOnlyList<string> Aliases);

/// <summary>
/// The organisations of this field the extractor recognises. Data, not code: an organisation adds
/// its partners with <see cref="With"/> or by parsing its own CSV (<c>name,kind,aliases</c>).
/// </summary>
public sealed class OrganisationList
{
    private OrganisationList(IReadOnlyList<Organisation> organisations)
    {
        Organisations = organisations;
        Matcher = new PhraseMatcher<Organisation>(organisations.SelectMany(o => o.Aliases.Append(o.Name).Select(a => (a, o))));
    }

    /// <summary>The list shipped with Tumen.</summary>
    public static OrganisationList Default { get; } = Parse(EmbeddedText.Read(typeof(OrganisationList).Assembly, "organisations.csv"));

    public IReadOnlyList<Organisation> Organisations { get; }

    internal PhraseMatcher<Organisation> Matcher { get; }

    /// <summary>This list plus <paramref name="extra"/>.</summary>
    public OrganisationList With(IEnumerable<Organisation> extra) => new([.. Organisations, .. extra]);

    /// <summary>Parses CSV with the header <c>name,kind,aliases</c> (aliases separated by <c>|</c>).</summary>
    public static OrganisationList Parse(string csv)
    {
        var rows = Tumen.Core.Csv.Parse(csv);
        if (rows.Count == 0 || !rows[0].SequenceEqual(["name", "kind", "aliases"], StringComparer.Ordinal))
        {
            throw new FormatException("Organisation CSV must start with the header name,kind,aliases.");
        }

        var list = new List<Organisation>();
        for (var i = 1; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Count != 3)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Organisation CSV line {i + 1} has {r.Count} fields, expected 3."));
            }

            list.Add(new Organisation(r[0], r[1], r[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }

        return new OrganisationList(list);
    }
}
