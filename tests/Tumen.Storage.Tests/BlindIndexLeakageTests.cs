using System.Globalization;
using System.Security.Cryptography;
using Tumen.Storage.Protection;

namespace Tumen.Storage.Tests;

/// <summary>
/// Measures what the stored index tells someone without the key, before (16-byte hashes, one per
/// distinct token) and after (2-byte buckets, padded per record to a power of two), on a synthetic
/// population of Korean names and short testimonies. The numbers are in docs/THREAT-MODEL.md.
/// </summary>
public class BlindIndexLeakageTests
{
    private static readonly string[] Surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"];
    private static readonly string[] Syllables =
        ["순", "영", "미", "정", "희", "숙", "자", "옥", "금", "선", "화", "경", "은", "현", "지", "수", "민", "혜", "진", "연",
         "춘", "향", "란", "복", "분", "님", "애", "월", "명", "실"];

    /// <summary>What the index shows of one population.</summary>
    /// <param name="PairsSharing">Fraction of record pairs that share at least one stored value.</param>
    /// <param name="Precision">Of those pairs, the fraction that really share a word or name bigram: how far "equal values" can be trusted.</param>
    /// <param name="CountValues">Distinct per-record entry counts: what the counts say about text length.</param>
    /// <param name="CountCorrelation">Pearson correlation between a record's true token count and its stored count.</param>
    /// <param name="ValueEntropyBits">Shannon entropy of the stored values' frequencies, in bits.</param>
    internal sealed record Leakage(double PairsSharing, double Precision, int CountValues, double CountCorrelation, double ValueEntropyBits);

    [Fact]
    public void Leakage_BucketsAndPadding_MakeSharedValuesAndCountsMuchLessTelling()
    {
        var population = Population(1000, seed: 15);
        var key = RandomNumberGenerator.GetBytes(32);
        var exact = Measure(population, tokens => [.. tokens.Select(t => Convert.ToHexString(BlindIndex.Hash(key, t.Field, t.Token))).Distinct(StringComparer.Ordinal)]);
        var bucketed = Measure(population, tokens => [.. BlindIndex.Padded(tokens.Select(t => BlindIndex.Bucket(key, t.Field, t.Token))).Select(Convert.ToHexString)]);

        TestContext.Current.TestOutputHelper?.WriteLine($"exact:    {exact}");
        TestContext.Current.TestOutputHelper?.WriteLine($"bucketed: {bucketed}");
        if (Environment.GetEnvironmentVariable("TUMEN_LEAKAGE_REPORT") is { Length: > 0 } report)
        {
            File.WriteAllText(report, string.Create(CultureInfo.InvariantCulture, $"exact {exact}\nbucketed {bucketed}\n"));
        }

        exact.Precision.ShouldBe(1.0);
        bucketed.Precision.ShouldBeLessThan(0.75);
        bucketed.CountValues.ShouldBeLessThan(exact.CountValues / 2);
        bucketed.CountCorrelation.ShouldBeLessThan(exact.CountCorrelation);
    }

    private static List<List<(string Field, string Token)>> Population(int records, int seed)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, 3000).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var result = new List<List<(string, string)>>();
        for (var i = 0; i < records; i++)
        {
            var given = string.Concat(Enumerable.Range(0, random.Next(1, 3)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            var name = Surnames[random.Next(Surnames.Length)] + given;
            var text = string.Join(' ', Enumerable.Range(0, random.Next(3, 40)).Select(_ => words[(int)Math.Floor(Math.Pow(random.NextDouble(), 2) * words.Length)]));
            result.Add([.. BlindIndex.Tokens(name).Select(t => ("name", t)), .. BlindIndex.Tokens(text).Select(t => ("text", t))]);
        }

        return result;
    }

    private static Leakage Measure(List<List<(string Field, string Token)>> population, Func<List<(string Field, string Token)>, List<string>> index)
    {
        var stored = population.Select(index).ToList();
        var truth = population.Select(tokens => tokens.Select(t => t.Field + "/" + t.Token).ToHashSet(StringComparer.Ordinal)).ToList();
        var byValue = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var r = 0; r < stored.Count; r++)
        {
            foreach (var value in stored[r])
            {
                if (!byValue.TryGetValue(value, out var list))
                {
                    list = [];
                    byValue[value] = list;
                }

                list.Add(r);
            }
        }

        var sharing = new HashSet<long>();
        foreach (var list in byValue.Values)
        {
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    sharing.Add(((long)list[a] << 32) | (uint)list[b]);
                }
            }
        }

        var real = sharing.Count(pair => truth[(int)(pair >> 32)].Overlaps(truth[(int)(pair & 0xffffffff)]));
        var pairs = (double)stored.Count * (stored.Count - 1) / 2;
        var total = (double)byValue.Values.Sum(l => l.Count);
        var entropy = -byValue.Values.Sum(l => l.Count / total * Math.Log2(l.Count / total));
        return new Leakage(
            Math.Round(sharing.Count / pairs, 4),
            sharing.Count == 0 ? 0 : Math.Round(real / (double)sharing.Count, 4),
            stored.Select(s => s.Count).Distinct().Count(),
            Math.Round(Correlation(truth.Select(t => (double)t.Count).ToList(), stored.Select(s => (double)s.Count).ToList()), 4),
            Math.Round(entropy, 2));
    }

    private static double Correlation(List<double> x, List<double> y)
    {
        double mx = x.Average(), my = y.Average();
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var sx = Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)));
        var sy = Math.Sqrt(y.Sum(b => (b - my) * (b - my)));
        return cov / (sx * sy);
    }
}
