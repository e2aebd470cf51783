using System.Globalization;
using System.Numerics;
using System.Text;

namespace Tumen.Estimation.LogLinear;

/// <summary>
/// A hierarchical log-linear model over the lists: main effects for every list plus the
/// interaction terms in <see cref="Terms"/>, each a bit mask of two or more lists.
/// </summary>
public sealed class LogLinearModel : IEquatable<LogLinearModel>
{
    private LogLinearModel(int listCount, int[] terms)
    {
        ListCount = listCount;
        Terms = terms;
    }

    /// <summary>The number of lists the model is over.</summary>
    public int ListCount { get; }

    /// <summary>The interaction terms, sorted by order then mask.</summary>
    public IReadOnlyList<int> Terms { get; }

    /// <summary>The model with main effects only (lists independent).</summary>
    public static LogLinearModel Independence(int listCount) => new(listCount, []);

    /// <summary>A model with the given interaction terms (and nothing else added).</summary>
    public static LogLinearModel Of(int listCount, IEnumerable<int> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sorted = terms.Distinct()
            .Where(t => BitOperations.PopCount((uint)t) >= 2)
            .OrderBy(t => BitOperations.PopCount((uint)t)).ThenBy(t => t)
            .ToArray();
        return new LogLinearModel(listCount, sorted);
    }

    /// <summary>
    /// Parses bracket notation such as <c>[123,14,34]</c> (lists numbered from 1) into the
    /// hierarchical model it generates.
    /// </summary>
    public static LogLinearModel Parse(int listCount, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var generators = text.Trim().Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var terms = new HashSet<int>();
        foreach (var generator in generators)
        {
            var mask = 0;
            foreach (var digit in generator)
            {
                var list = digit - '1';
                if (list < 0 || list >= listCount || listCount > 9)
                {
                    throw new ArgumentException(
                        $"model term '{generator}' must name lists by their numbers 1 to {listCount.ToString(CultureInfo.InvariantCulture)}, e.g. [12,3].",
                        nameof(text));
                }

                mask |= 1 << list;
            }

            foreach (var subset in Subsets(mask))
            {
                terms.Add(subset);
            }
        }

        return Of(listCount, terms);
    }

    /// <summary>Adds <paramref name="term"/> to the model.</summary>
    public LogLinearModel With(int term) => Of(ListCount, Terms.Append(term));

    /// <summary>Whether every subset of two or more lists of each term is also a term.</summary>
    public bool IsHierarchical() =>
        Terms.All(term => Subsets(term).All(sub => sub == term || Terms.Contains(sub)));

    /// <summary>
    /// The bracket notation of the model's generating (maximal) terms, lists numbered from 1 —
    /// <c>[123,14,34]</c> — or <c>[main effects]</c> for the independence model.
    /// </summary>
    public string Name()
    {
        if (Terms.Count == 0)
        {
            return "[main effects]";
        }

        var maximal = Terms.Where(t => !Terms.Any(u => u != t && (u & t) == t)).ToList();
        var covered = maximal.Aggregate(0, (acc, t) => acc | t);
        for (var i = 0; i < ListCount; i++)
        {
            if ((covered & (1 << i)) == 0)
            {
                maximal.Add(1 << i);
            }
        }

        var names = maximal.Select(TermName).Order(StringComparer.Ordinal);
        return "[" + string.Join(',', names) + "]";
    }

    /// <summary>The name of one term, e.g. <c>14</c> for lists 1 and 4.</summary>
    public string TermName(int term)
    {
        var builder = new StringBuilder();
        var separator = ListCount > 9 ? "." : string.Empty;
        for (var i = 0; i < ListCount; i++)
        {
            if ((term & (1 << i)) != 0)
            {
                if (builder.Length > 0)
                {
                    builder.Append(separator);
                }

                builder.Append((i + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(LogLinearModel? other) =>
        other is not null && other.ListCount == ListCount && other.Terms.SequenceEqual(Terms);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LogLinearModel);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ListCount);
        foreach (var term in Terms)
        {
            hash.Add(term);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => Name();

    /// <summary>The subsets of <paramref name="mask"/> with at least two lists, including itself.</summary>
    internal static IEnumerable<int> Subsets(int mask)
    {
        for (var sub = mask; sub > 0; sub = (sub - 1) & mask)
        {
            if (BitOperations.PopCount((uint)sub) >= 2)
            {
                yield return sub;
            }
        }
    }
}
