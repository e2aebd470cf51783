using System.Globalization;
using System.Text;

namespace Tumen.Linkage.Comparisons;

/// <summary>
/// One comparison of the linkage model: a column compared by a kind with ordered agreement levels
/// (level 0 is the strongest agreement, the last level is disagreement). Each comparison prepares
/// per-record features once, so the inner loop compares integers and short keys only.
/// </summary>
public abstract class Comparison
{
    /// <summary>The level returned when either side is missing; it contributes no evidence.</summary>
    public const int Missing = -1;

    protected Comparison(string column, string kind, IReadOnlyList<string> levels)
    {
        Column = column;
        Kind = kind;
        Levels = levels;
    }

    /// <summary>The column compared.</summary>
    public string Column { get; }

    /// <summary>The comparison kind as written in settings (korean_name, date, ...).</summary>
    public string Kind { get; }

    /// <summary>Labels of the agreement levels, strongest first.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>Per record, the id of its value for term-frequency adjustment (-1 when missing); null when not adjusted.</summary>
    public int[]? ValueIds { get; protected set; }

    /// <summary>Share of records holding each value id.</summary>
    public double[]? ValueShare { get; protected set; }

    /// <summary>
    /// Per record, the share of its value among the records of its birth cohort (0 when unknown), for a
    /// term-frequency adjustment that knows that names go in and out of fashion; null when not computed.
    /// </summary>
    public double[]? RecordShare { get; internal set; }

    /// <summary>
    /// How many levels, from the strongest, the term-frequency adjustment applies to: 1 (exact agreement)
    /// unless a comparison has a lossy level that still agrees on one value (a name read through pinyin).
    /// </summary>
    public virtual int TermFrequencyLevels => 1;

    /// <summary>
    /// Whether comparing two records costs next to nothing (integers and short keys, no string
    /// similarity). u is then estimated from ten times as many random pairs: a rare level such as an exact
    /// birth date (about one random pair in 20,000) needs them.
    /// </summary>
    public virtual bool IsCheap => false;

    /// <summary>Starting m probabilities per level (used when EM has too little to learn from).</summary>
    public virtual IReadOnlyList<double> PriorM => DefaultPrior(Levels.Count);

    /// <summary>Computes per-record features. <paramref name="values"/> holds one raw value per record (null when empty).</summary>
    public abstract void Prepare(IReadOnlyList<string?> values);

    /// <summary>The agreement level of records <paramref name="i"/> and <paramref name="j"/>, or <see cref="Missing"/>.</summary>
    public abstract int Compare(int i, int j);

    /// <summary>
    /// The key a blocking rule uses for this column (null when the record cannot be blocked on it).
    /// <paramref name="part"/> selects a sub-key such as <c>surname</c>, <c>given</c> or <c>year</c>.
    /// </summary>
    public abstract string? BlockingKey(int record, string? part);

    /// <summary>
    /// Another key of the same record for the same rule part, for values with several readings (a name
    /// whose family name may come first or last; pinyin that may stand for several Korean syllables).
    /// <paramref name="alternative"/> counts from 1; null when there is no such reading.
    /// </summary>
    public virtual string? AlternativeBlockingKey(int record, string? part, int alternative) => null;

    /// <summary>Missing when either side has no value, 0 when both hold the same value; null when the values must be compared.</summary>
    protected static int? Trivial(int a, int b) => a < 0 || b < 0 ? Missing : a == b ? 0 : null;

    /// <summary>Normalises free text: NFKC, trimmed, lower case (invariant), inner whitespace collapsed.</summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        return text.Contains("  ", StringComparison.Ordinal)
            ? string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : text;
    }

    /// <summary>Builds <see cref="ValueIds"/> and <see cref="ValueShare"/> from per-record keys.</summary>
    protected void SetTermFrequencies(IReadOnlyList<string?> keys)
    {
        var ids = new int[keys.Count];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var present = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (key is null)
            {
                ids[i] = -1;
                continue;
            }

            if (!map.TryGetValue(key, out var id))
            {
                id = map.Count;
                map[key] = id;
                counts.Add(0);
            }

            counts[id]++;
            ids[i] = id;
            present++;
        }

        ValueIds = ids;
        ValueShare = counts.Select(c => (double)c / Math.Max(1, present)).ToArray();
    }

    /// <summary>
    /// Recounts <see cref="ValueShare"/> with each person counted once: a value's share is the share of
    /// the clusters (persons) that hold it, not of the records. A woman who appears in four lists would
    /// otherwise make her own rare name look four times as common and weaken the links between her records.
    /// </summary>
    internal void CountPersonsOnce(IReadOnlyList<int> clusterOf)
    {
        if (ValueIds is not { } ids || ValueShare is not { } share)
        {
            return;
        }

        var holders = new HashSet<(int Value, int Cluster)>();
        var persons = new HashSet<int>();
        var counts = new int[share.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] >= 0 && holders.Add((ids[i], clusterOf[i])))
            {
                counts[ids[i]]++;
                persons.Add(clusterOf[i]);
            }
        }

        ValueShare = counts.Select(c => (double)c / Math.Max(1, persons.Count)).ToArray();
    }

    /// <summary>Interns raw values so that work is done once per distinct value; returns per-record ids (-1 = missing) and the distinct values.</summary>
    protected static (int[] Ids, List<string> Distinct) Intern(IReadOnlyList<string?> values, Func<string?, string?> normalise)
    {
        var ids = new int[values.Count];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var v = normalise(values[i]);
            if (v is null)
            {
                ids[i] = -1;
                continue;
            }

            if (!map.TryGetValue(v, out var id))
            {
                id = distinct.Count;
                map[v] = id;
                distinct.Add(v);
            }

            ids[i] = id;
        }

        return (ids, distinct);
    }

    private static double[] DefaultPrior(int levels)
    {
        var m = new double[levels];
        m[0] = 0.85;
        var rest = 0.15;
        for (var l = 1; l < levels; l++)
        {
            m[l] = l == levels - 1 ? rest : rest * 0.6;
            rest -= m[l];
        }

        return m;
    }

    /// <summary>Formats a number for explanations.</summary>
    protected static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
