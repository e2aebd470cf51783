namespace Tumen.Reports.Disclosure;

/// <summary>
/// A two-way table of counts (rows by columns, e.g. violation type by year) before release. Its
/// margins and grand total are derived, so they always agree with the cells.
/// </summary>
public sealed class CountTable
{
    public CountTable(IReadOnlyList<string> rows, IReadOnlyList<string> columns, long[,] counts)
    {
        if (counts.GetLength(0) != rows.Count || counts.GetLength(1) != columns.Count)
        {
            throw new ArgumentException("The counts must have one row per row label and one column per column label.", nameof(counts));
        }

        foreach (var count in counts)
        {
            if (count < 0)
            {
                throw new ArgumentException("Counts cannot be negative.", nameof(counts));
            }
        }

        Rows = rows;
        Columns = columns;
        Counts = (long[,])counts.Clone();
    }

    public IReadOnlyList<string> Rows { get; }

    public IReadOnlyList<string> Columns { get; }

    public long[,] Counts { get; }

    public long this[int row, int column] => Counts[row, column];

    public long RowTotal(int row) => Enumerable.Range(0, Columns.Count).Sum(j => Counts[row, j]);

    public long ColumnTotal(int column) => Enumerable.Range(0, Rows.Count).Sum(i => Counts[i, column]);

    public long Total => Enumerable.Range(0, Rows.Count).Sum(RowTotal);

    /// <summary>
    /// The table with its margins as one grid of (rows + 1) × (columns + 1): the last column holds
    /// the row totals, the last row the column totals, the corner the grand total.
    /// </summary>
    internal long[,] WithMargins()
    {
        var (r, c) = (Rows.Count, Columns.Count);
        var grid = new long[r + 1, c + 1];
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < c; j++)
            {
                grid[i, j] = Counts[i, j];
                grid[i, c] += Counts[i, j];
                grid[r, j] += Counts[i, j];
                grid[r, c] += Counts[i, j];
            }
        }

        return grid;
    }
}

/// <summary>Why a cell of a released table is withheld.</summary>
public enum Suppression
{
    /// <summary>Published.</summary>
    None,

    /// <summary>Fewer than k people, but more than none: it could point at someone.</summary>
    Primary,

    /// <summary>Withheld so that a primary cell cannot be worked out from the others and the totals.</summary>
    Complementary,
}

/// <summary>
/// A table as released: every cell, margin and the grand total either published or withheld
/// (null), with the reason. Laid out as <see cref="CountTable.WithMargins"/>.
/// </summary>
public sealed record ReleasedTable(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, long?[,] Grid, Suppression[,] Reasons, int K)
{
    public long? Cell(int row, int column) => Grid[row, column];

    public long? RowTotal(int row) => Grid[row, Columns.Count];

    public long? ColumnTotal(int column) => Grid[Rows.Count, column];

    public long? Total => Grid[Rows.Count, Columns.Count];

    public int Count(Suppression reason) => Reasons.Cast<Suppression>().Count(r => r == reason);
}
