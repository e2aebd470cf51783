using System.Globalization;
using Tumen.Linkage.Comparisons;

namespace Tumen.Linkage.Engine;

/// <summary>
/// Names go in and out of fashion: 영자 and 순자 were the commonest names of girls born in the late 1940s,
/// 미영 and 은정 of those born in 1975, 서연 of those born after 2005 (Supreme Court birth registrations).
/// Agreeing on 이미영 says little about two women born in 1975 and much about two born in 1955. When the
/// records carry a birth date or year, the term frequency of a whole name is therefore taken within the
/// record's birth decade.
/// </summary>
internal static class CohortTermFrequencies
{
    // Below this many named records in a decade the share is too noisy; the overall share is used.
    private const int MinCohort = 200;

    /// <summary>
    /// Sets <see cref="Comparison.RecordShare"/> of each name comparison from the first date or year
    /// comparison; with <paramref name="clusterOf"/>, each person (cluster) is counted once.
    /// </summary>
    public static void Apply(IReadOnlyList<Comparison> comparisons, int count, IReadOnlyList<int>? clusterOf = null)
    {
        var birth = comparisons.FirstOrDefault(c => c.Kind is "date" or "year");
        if (birth is null)
        {
            return;
        }

        var decades = new int[count];
        for (var i = 0; i < count; i++)
        {
            decades[i] = birth.BlockingKey(i, "year") is { Length: >= 4 } year && int.TryParse(year.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y / 10 : -1;
        }

        foreach (var name in comparisons.Where(c => c.Kind is "korean_name" && c.ValueIds is not null))
        {
            name.RecordShare = Shares(name.ValueIds!, decades, clusterOf);
        }
    }

    private static double[] Shares(int[] values, int[] decades, IReadOnlyList<int>? clusterOf)
    {
        var pairs = new Dictionary<(int Value, int Decade), int>();
        var cohort = new Dictionary<int, int>();
        var counted = new HashSet<(int Value, int Decade, int Cluster)>();
        var inCohort = new HashSet<(int Decade, int Cluster)>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < 0 || decades[i] < 0)
            {
                continue;
            }

            if (clusterOf is not null && !counted.Add((values[i], decades[i], clusterOf[i])))
            {
                continue;
            }

            var key = (values[i], decades[i]);
            pairs[key] = pairs.GetValueOrDefault(key) + 1;
            if (clusterOf is null || inCohort.Add((decades[i], clusterOf[i])))
            {
                cohort[decades[i]] = cohort.GetValueOrDefault(decades[i]) + 1;
            }
        }

        var shares = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] >= 0 && decades[i] >= 0 && cohort[decades[i]] >= MinCohort)
            {
                shares[i] = (double)pairs[(values[i], decades[i])] / cohort[decades[i]];
            }
        }

        return shares;
    }
}
