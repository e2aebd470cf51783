using System.Globalization;
using Tumen.Core;
using Tumen.Core.Vocabularies;

namespace Tumen.Ingest.Extraction;

/// <summary>
/// Words and phrases in English, Korean and Chinese that name a violation, mapped to
/// <c>violation_type</c> vocabulary ids. Loaded from <c>violation-lexicon.csv</c> so reviewers can
/// read and extend it; every id is checked against the vocabulary.
/// </summary>
public sealed class ViolationLexicon
{
    private ViolationLexicon(IReadOnlyList<(string Phrase, string Type)> entries)
    {
        Entries = entries;
        Matcher = new PhraseMatcher<string>(entries);
    }

    public static ViolationLexicon Default { get; } = Parse(EmbeddedText.Read(typeof(ViolationLexicon).Assembly, "violation-lexicon.csv"), Vocabulary.Default);

    /// <summary>Every phrase and the violation type it names.</summary>
    public IReadOnlyList<(string Phrase, string Type)> Entries { get; }

    internal PhraseMatcher<string> Matcher { get; }

    /// <summary>This lexicon plus more phrases.</summary>
    public ViolationLexicon With(IEnumerable<(string Phrase, string Type)> extra) => new([.. Entries, .. extra]);

    /// <summary>Parses CSV with the header <c>type,phrases</c>; each type must be a violation_type id of <paramref name="vocabulary"/>.</summary>
    public static ViolationLexicon Parse(string csv, Vocabulary vocabulary)
    {
        var rows = Tumen.Core.Csv.Parse(csv);
        if (rows.Count == 0 || !rows[0].SequenceEqual(["type", "phrases"], StringComparer.Ordinal))
        {
            throw new FormatException("Violation lexicon CSV must start with the header type,phrases.");
        }

        var entries = new List<(string, string)>();
        for (var i = 1; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Count != 2 || !vocabulary.Contains(Vocabulary.ViolationType, r[0]))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Violation lexicon line {i + 1} must have a violation_type id and phrases."));
            }

            entries.AddRange(r[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (p, r[0])));
        }

        return new ViolationLexicon(entries);
    }
}
