using System.Globalization;
using Tumen.Core;

namespace Tumen.Estimation.Input;

/// <summary>
/// How many people share one capture pattern. Bit <c>i</c> of <see cref="Mask"/> is set when the
/// people were on list <c>i</c>.
/// </summary>
public readonly record struct PatternCount(int Mask, long Count);

/// <summary>
/// The input of every estimator: the names of the source lists and, for each combination of lists
/// (capture pattern), how many distinct people appear on exactly those lists. People who share a
/// pattern are exchangeable, so this is all the estimators need.
/// </summary>
public sealed class CaptureHistories
{
    /// <summary>The most lists an analysis may have (2^12 cells).</summary>
    public const int MaxLists = 12;

    private readonly long[] _cells;

    private CaptureHistories(IReadOnlyList<string> lists, long[] cells, IReadOnlyList<int> inputOrder)
    {
        Lists = lists;
        _cells = cells;
        InputOrder = inputOrder;
        Patterns = [.. Enumerable.Range(1, cells.Length - 1)
            .Where(mask => cells[mask] > 0)
            .Select(mask => new PatternCount(mask, cells[mask]))];
        Observed = cells.Sum();
    }

    /// <summary>The list names, in column order.</summary>
    public IReadOnlyList<string> Lists { get; }

    /// <summary>The observed patterns with a positive count, ordered by mask.</summary>
    public IReadOnlyList<PatternCount> Patterns { get; }

    /// <summary>
    /// The masks of the patterns given, in the order they first appeared in the input (the row order
    /// of a pattern CSV). Resampling draws over the patterns in this order, so that a seed gives the
    /// same replicates as R does on the same table.
    /// </summary>
    public IReadOnlyList<int> InputOrder { get; }

    /// <summary>The number of distinct people seen on at least one list.</summary>
    public long Observed { get; }

    /// <summary>The number of lists.</summary>
    public int ListCount => Lists.Count;

    /// <summary>The number of cells of the full table, including the unobserved all-zero cell.</summary>
    public int CellCount => _cells.Length;

    /// <summary>
    /// Builds capture histories from pattern counts; patterns given twice are added together.
    /// Throws <see cref="TumenException"/> (bad input) when the data cannot support an estimate:
    /// fewer than two lists, a negative count, a pattern on no list, nobody observed, a list nobody
    /// is on, or a list that everyone observed is on.
    /// </summary>
    public static CaptureHistories Create(IReadOnlyList<string> lists, IEnumerable<PatternCount> patterns)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(patterns);
        if (lists.Count < 2)
        {
            throw new TumenException(
                $"estimation needs at least two lists; found {lists.Count}.", ExitCode.BadInput);
        }

        if (lists.Count > MaxLists)
        {
            throw new TumenException(
                $"estimation supports at most {MaxLists} lists; found {lists.Count}. Merge related lists first.",
                ExitCode.BadInput);
        }

        var cells = new long[1 << lists.Count];
        var order = new List<int>();
        var seen = new bool[cells.Length];
        foreach (var pattern in patterns)
        {
            if (pattern.Mask <= 0 || pattern.Mask >= cells.Length)
            {
                throw new TumenException(
                    "a capture pattern must name at least one of the lists (a person on no list cannot have been observed).",
                    ExitCode.BadInput);
            }

            if (pattern.Count < 0)
            {
                throw new TumenException("a capture pattern has a negative count.", ExitCode.BadInput);
            }

            cells[pattern.Mask] += pattern.Count;
            if (!seen[pattern.Mask])
            {
                seen[pattern.Mask] = true;
                order.Add(pattern.Mask);
            }
        }

        var histories = new CaptureHistories([.. lists], cells, order);
        histories.Validate();
        return histories;
    }

    /// <summary>
    /// Builds capture histories from one entry per person: the names of the lists that person is on.
    /// This is the shape the workspace produces from linked persons.
    /// </summary>
    public static CaptureHistories FromPersons(IReadOnlyList<string> lists, IEnumerable<IEnumerable<string>> listsPerPerson)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(listsPerPerson);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lists.Count; i++)
        {
            index[lists[i]] = i;
        }

        var patterns = new List<PatternCount>();
        var person = 0;
        foreach (var onLists in listsPerPerson)
        {
            person++;
            var mask = 0;
            foreach (var name in onLists)
            {
                if (!index.TryGetValue(name, out var i))
                {
                    throw new TumenException(
                        $"person {person.ToString(CultureInfo.InvariantCulture)} is on a list that is not among the analysed lists.",
                        ExitCode.BadInput);
                }

                mask |= 1 << i;
            }

            patterns.Add(new PatternCount(mask, 1));
        }

        return Create(lists, patterns);
    }

    /// <summary>The count of people with exactly the pattern <paramref name="mask"/> (0 for the unobserved cell).</summary>
    public long CountOf(int mask) => _cells[mask];

    /// <summary>The number of people on every list in <paramref name="mask"/>, whatever other lists they are on.</summary>
    public long CountOn(int mask)
    {
        long total = 0;
        for (var cell = 1; cell < _cells.Length; cell++)
        {
            if ((cell & mask) == mask)
            {
                total += _cells[cell];
            }
        }

        return total;
    }

    /// <summary>A copy of the full table indexed by mask; cell 0 (never observed) holds 0.</summary>
    public long[] CellCounts() => (long[])_cells.Clone();

    /// <summary>
    /// The same lists with other counts, without the checks of <see cref="Create"/>: for bootstrap and
    /// jackknife replicates, where a list may happen to be empty.
    /// </summary>
    public CaptureHistories WithCells(long[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _cells.Length)
        {
            throw new ArgumentException("The table must have one cell per pattern.", nameof(cells));
        }

        var copy = (long[])cells.Clone();
        copy[0] = 0;
        return new CaptureHistories(Lists, copy, InputOrder);
    }

    private void Validate()
    {
        if (Observed == 0)
        {
            throw new TumenException("nobody is observed on any list; there is nothing to estimate from.", ExitCode.BadInput);
        }

        for (var i = 0; i < ListCount; i++)
        {
            var on = CountOn(1 << i);
            if (on == 0)
            {
                throw new TumenException(
                    $"list '{Lists[i]}' has nobody on it; remove it from the analysis.", ExitCode.BadInput);
            }

            if (on == Observed)
            {
                throw new TumenException(
                    $"list '{Lists[i]}' contains everyone observed, so it says nothing about who was missed; estimation is impossible with it.",
                    ExitCode.BadInput);
            }
        }
    }
}
