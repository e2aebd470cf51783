using System.Globalization;
using Tumen.Ingest.Documents;
using Tumen.Ingest.Extraction;

namespace Tumen.Bench.Extraction;

/// <summary>
/// Place recall and echo-pair F1 over a folder of articles against hand labels (<c>seed-labels.csv</c>: for each
/// file-name prefix, the gazetteer ids of the places it names and the story it belongs to). The labels are my own
/// reading of the seed articles; the articles themselves are not in the repository.
/// </summary>
internal static class SeedScore
{
    public static void Run(string folder, string labelsPath)
    {
        var labels = Tumen.Core.Csv.Parse(File.ReadAllText(labelsPath)).Skip(1)
            .ToDictionary(r => r[0], r => (Places: r[1].Split('|', StringSplitOptions.RemoveEmptyEntries), Story: r[2]), StringComparer.Ordinal);
        var reader = new DocumentReader();
        var docs = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => Extractor.Default.Extract(reader.Read(f))).ToList();
        int expected = 0, found = 0;
        foreach (var d in docs)
        {
            var label = labels[d.Document.FileName[..3]];
            var got = d.Places.Select(p => p.PlaceId).ToHashSet(StringComparer.Ordinal);
            var missed = label.Places.Where(p => !got.Contains(p)).ToList();
            expected += label.Places.Length;
            found += label.Places.Length - missed.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d.Document.FileName[..3]}: places {label.Places.Length - missed.Count}/{label.Places.Length} missed [{string.Join(' ', missed)}] extra [{string.Join(' ', got.Where(g => !label.Places.Contains(g)))}]"));
        }

        var analysis = new CorpusAnalyzer().Analyze(docs);
        var story = docs.ToDictionary(d => d.Document.Id, d => labels[d.Document.FileName[..3]].Story, StringComparer.Ordinal);
        var predicted = analysis.Echoes.Select(e => Pair(e.DocumentA, e.DocumentB)).ToHashSet();
        var truth = new HashSet<(string, string)>();
        for (var i = 0; i < docs.Count; i++)
        {
            for (var j = i + 1; j < docs.Count; j++)
            {
                var (a, b) = (docs[i].Document.Id, docs[j].Document.Id);
                if (story[a].Length > 0 && story[a] == story[b])
                {
                    truth.Add(Pair(a, b));
                }
            }
        }

        var tp = predicted.Count(truth.Contains);
        var precision = predicted.Count == 0 ? 0 : (double)tp / predicted.Count;
        var recall = truth.Count == 0 ? 0 : (double)tp / truth.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"place recall {found}/{expected} = {(double)found / expected:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"echo pairs: predicted {predicted.Count}, true {truth.Count}, correct {tp}; precision {precision:0.000} recall {recall:0.000} F1 {f1:0.000}"));
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
