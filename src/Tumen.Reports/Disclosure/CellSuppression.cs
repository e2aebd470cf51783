namespace Tumen.Reports.Disclosure;

/// <summary>
/// Small-cell suppression for public tables. Every count from 1 to k − 1 is withheld, in the cells,
/// the margins and the grand total (zero is published: it points at no one). Then cells are withheld
/// in addition until no withheld small count can be worked out exactly from what is published —
/// checked not by a rule of thumb but by <see cref="DisclosureAudit"/>, which solves for the range an
/// attacker can derive for each withheld cell from the released cells and totals.
/// </summary>
public static class CellSuppression
{
    /// <summary>The default threshold: a published count is at least this, or zero.</summary>
    public const int DefaultK = 10;

    public static ReleasedTable Protect(CountTable table, int k = DefaultK)
    {
        if (k < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 2.");
        }

        var grid = table.WithMargins();
        var (height, width) = (grid.GetLength(0), grid.GetLength(1));
        var reasons = new Suppression[height, width];
        for (var i = 0; i < height; i++)
        {
            for (var j = 0; j < width; j++)
            {
                if (grid[i, j] > 0 && grid[i, j] < k)
                {
                    reasons[i, j] = Suppression.Primary;
                }
            }
        }

        while (DisclosureAudit.FirstExposed(grid, reasons) is { } exposed)
        {
            var (row, column) = Complement(grid, reasons, exposed);
            reasons[row, column] = Suppression.Complementary;
        }

        var released = new long?[height, width];
        for (var i = 0; i < height; i++)
        {
            for (var j = 0; j < width; j++)
            {
                released[i, j] = reasons[i, j] == Suppression.None ? grid[i, j] : null;
            }
        }

        return new ReleasedTable(table.Rows, table.Columns, released, reasons, k);
    }

    /// <summary>
    /// The published cell to withhold next for an exposed one: in its row or column, the smallest
    /// non-zero count (the least information lost), cells before totals.
    /// </summary>
    private static (int Row, int Column) Complement(long[,] grid, Suppression[,] reasons, (int Row, int Column) exposed)
    {
        var (height, width) = (grid.GetLength(0), grid.GetLength(1));
        var candidates = Enumerable.Range(0, width).Select(j => (Row: exposed.Row, Column: j))
            .Concat(Enumerable.Range(0, height).Select(i => (Row: i, Column: exposed.Column)))
            .Where(p => reasons[p.Row, p.Column] == Suppression.None)
            .ToList();
        if (candidates.Count == 0)
        {
            // Everything on its lines is withheld already: widen to the whole table.
            candidates = [.. Enumerable.Range(0, height).SelectMany(i => Enumerable.Range(0, width).Select(j => (Row: i, Column: j)))
                .Where(p => reasons[p.Row, p.Column] == Suppression.None)];
        }

        return candidates
            .OrderBy(p => p.Row == height - 1 || p.Column == width - 1 ? 1 : 0)
            .ThenBy(p => grid[p.Row, p.Column] == 0 ? 1 : 0)
            .ThenBy(p => grid[p.Row, p.Column])
            .ThenBy(p => p.Row)
            .ThenBy(p => p.Column)
            .First();
    }
}
