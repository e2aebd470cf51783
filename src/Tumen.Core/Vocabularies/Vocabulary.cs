using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Tumen.Core.Vocabularies;

/// <summary>
/// The controlled vocabularies, loaded from data (<c>vocabularies.csv</c>) rather than code so that
/// an organisation can review the labels without reading C#.
/// </summary>
public sealed class Vocabulary
{
    public const string ViolationType = "violation_type";
    public const string InvolvementRole = "involvement_role";
    public const string DegreeOfInvolvement = "degree_of_involvement";
    public const string PersonRole = "person_role";
    public const string SourceKind = "source_kind";
    public const string Reliability = "reliability";
    public const string Confidentiality = "confidentiality";
    public const string Sex = "sex";
    public const string NameKind = "name_kind";
    public const string Script = "script";
    public const string ConsentScope = "consent_scope";

    private readonly FrozenDictionary<string, FrozenDictionary<string, VocabularyTerm>> _lists;

    private Vocabulary(IEnumerable<VocabularyTerm> terms)
    {
        _lists = terms
            .GroupBy(t => t.Vocabulary, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    /// <summary>The vocabularies shipped with Tumen.</summary>
    public static Vocabulary Default { get; } = LoadEmbedded();

    /// <summary>Names of all lists.</summary>
    public IEnumerable<string> Lists => _lists.Keys.Order(StringComparer.Ordinal);

    /// <summary>All terms of one list, in a stable order.</summary>
    public IReadOnlyList<VocabularyTerm> Terms(string vocabulary) =>
        _lists.TryGetValue(vocabulary, out var list)
            ? [.. list.Values.OrderBy(t => t.Id, StringComparer.Ordinal)]
            : throw new ArgumentException($"Unknown vocabulary '{vocabulary}'.", nameof(vocabulary));

    /// <summary>Whether <paramref name="id"/> is a term of <paramref name="vocabulary"/>.</summary>
    public bool Contains(string vocabulary, string id) =>
        _lists.TryGetValue(vocabulary, out var list) && list.ContainsKey(id);

    /// <summary>Looks a term up, or returns null.</summary>
    public VocabularyTerm? Find(string vocabulary, string id) =>
        _lists.TryGetValue(vocabulary, out var list) && list.TryGetValue(id, out var term) ? term : null;

    /// <summary>
    /// Maps free text from an import (an id, or a label in any of the three languages, any case) to
    /// a term id; null when nothing matches, so the caller can report the row.
    /// </summary>
    public string? Resolve(string vocabulary, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !_lists.TryGetValue(vocabulary, out var list))
        {
            return null;
        }

        var wanted = text.Trim().Normalize(NormalizationForm.FormC);
        var asId = wanted.ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        if (list.ContainsKey(asId))
        {
            return asId;
        }

        foreach (var term in list.Values)
        {
            if (string.Equals(term.English, wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(term.Korean, wanted, StringComparison.Ordinal)
                || string.Equals(term.Chinese, wanted, StringComparison.Ordinal))
            {
                return term.Id;
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>sex</c> id for what lists and forms write: an id or label in any language, or the
    /// abbreviations lists use (F, W, M, 여, 남, 女, 男); null when it is none of them. The one
    /// validator for sex, whichever way a person comes in.
    /// </summary>
    public string? ResolveSex(string? text) =>
        Resolve(Sex, text) ?? text?.Trim().ToUpperInvariant() switch
        {
            "F" or "W" or "여" or "女" => "female",
            "M" or "남" or "男" => "male",
            _ => null,
        };

    /// <summary>Parses vocabulary CSV text (header <c>vocabulary,id,en,ko,zh,code</c>).</summary>
    public static Vocabulary Parse(string csv)
    {
        var rows = Csv.Parse(csv);
        if (rows.Count == 0 || !rows[0].SequenceEqual(["vocabulary", "id", "en", "ko", "zh", "code"], StringComparer.Ordinal))
        {
            throw new FormatException("Vocabulary CSV must start with the header vocabulary,id,en,ko,zh,code.");
        }

        var terms = new List<VocabularyTerm>();
        var seen = new HashSet<(string, string)>();
        for (var i = 1; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Count != 6)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Vocabulary CSV line {i + 1} has {r.Count} fields, expected 6."));
            }

            if (!seen.Add((r[0], r[1])))
            {
                throw new FormatException($"Vocabulary CSV repeats {r[0]}/{r[1]}.");
            }

            terms.Add(new VocabularyTerm(r[0], r[1], r[2], r[3], r[4], r[5].Length == 0 ? null : r[5]));
        }

        return new Vocabulary(terms);
    }

    private static Vocabulary LoadEmbedded() => Parse(EmbeddedText.Read(typeof(Vocabulary).Assembly, "vocabularies.csv"));
}
