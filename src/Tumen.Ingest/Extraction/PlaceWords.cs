using Tumen.Core;

namespace Tumen.Ingest.Extraction;

/// <summary>
/// Ordinary words that are spelled like a place name (과일 is fruit and Kwail County; 长江 is the Yangtze and
/// Changgang County) or that begin with one (원산지 "country of origin", 무산됐다 "fell through"). The
/// gazetteer keeps every name, so a list field that says 과일군 still resolves; only the scan of running
/// text leaves these out. Loaded from <c>place-words.csv</c> so reviewers can read and extend it.
/// </summary>
public sealed class PlaceWords
{
    private PlaceWords(IReadOnlyList<string> words) => Words = words;

    /// <summary>The list shipped with Tumen.</summary>
    public static PlaceWords Default { get; } = Parse(EmbeddedText.Read(typeof(PlaceWords).Assembly, "place-words.csv"));

    /// <summary>Each word, as written in running text.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Parses CSV with the header <c>word,why</c>.</summary>
    public static PlaceWords Parse(string csv)
    {
        var rows = Csv.Parse(csv);
        if (rows.Count == 0 || !rows[0].SequenceEqual(["word", "why"], StringComparer.Ordinal))
        {
            throw new FormatException("Place-word CSV must start with the header word,why.");
        }

        return new PlaceWords([.. rows.Skip(1).Where(r => r.Count > 0 && r[0].Trim().Length > 0).Select(r => r[0].Trim())]);
    }
}
