using CsCheck;
using Tumen.Reports.Disclosure;

namespace Tumen.Reports.Tests;

public class CellSuppressionTests
{
    private static CountTable Table(long[,] counts) => new(
        [.. Enumerable.Range(0, counts.GetLength(0)).Select(i => $"r{i}")],
        [.. Enumerable.Range(0, counts.GetLength(1)).Select(j => $"c{j}")],
        counts);

    /// <summary>Tables as public reports have them: many empty and small cells among large ones.</summary>
    private static readonly Gen<CountTable> Tables =
        from rows in Gen.Int[2, 5]
        from columns in Gen.Int[2, 5]
        from cells in Gen.Frequency((3, Gen.Long[0, 0]), (4, Gen.Long[1, 12]), (3, Gen.Long[13, 80])).Array[rows * columns]
        select Table(To2D(cells, rows, columns));

    [Fact]
    public void Protect_RandomTables_NoSmallCountPublishedAndNoneRecoverable()
    {
        Gen.Select(Tables, Gen.Int[0, 2].Select(i => new[] { 3, 5, 10 }[i])).Sample((table, k) =>
        {
            var released = CellSuppression.Protect(table, k);
            var full = Full(table);
            var ranges = DisclosureAudit.Ranges(released);
            for (var i = 0; i < full.GetLength(0); i++)
            {
                for (var j = 0; j < full.GetLength(1); j++)
                {
                    if (released.Grid[i, j] is { } shown)
                    {
                        // What is published is true, and never a small count.
                        if (shown != full[i, j] || (shown > 0 && shown < k))
                        {
                            return false;
                        }
                    }
                    else if (released.Reasons[i, j] == Suppression.Primary)
                    {
                        // The true value lies in what an attacker can derive, and that is not one value.
                        var (lower, upper) = ranges[(i, j)];
                        if (full[i, j] < lower - 1e-6 || full[i, j] > upper + 1e-6 || upper - lower < 1 - 1e-6)
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Protect_OneSmallCell_WithheldWithComplementsInItsRowAndColumn()
    {
        var table = Table(new long[,] { { 20, 3, 40 }, { 30, 25, 50 } });

        var released = CellSuppression.Protect(table, 10);

        released.Reasons[0, 1].ShouldBe(Suppression.Primary);
        released.Cell(0, 1).ShouldBeNull();
        released.Count(Suppression.Complementary).ShouldBeGreaterThanOrEqualTo(3);
        released.Total.ShouldBe(168);
        var (lower, upper) = DisclosureAudit.Ranges(released)[(0, 1)];
        (upper - lower).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Protect_NoSmallCells_PublishesEverything()
    {
        var released = CellSuppression.Protect(Table(new long[,] { { 20, 0 }, { 30, 25 } }), 10);

        released.Count(Suppression.Primary).ShouldBe(0);
        released.Count(Suppression.Complementary).ShouldBe(0);
        released.RowTotal(0).ShouldBe(20);
    }

    [Fact]
    public void Protect_SmallMargin_IsWithheldToo()
    {
        // The first row holds 4 people in all: its total must not be published either.
        var released = CellSuppression.Protect(Table(new long[,] { { 4, 0 }, { 30, 25 } }), 10);

        released.RowTotal(0).ShouldBeNull();
        released.Cell(0, 0).ShouldBeNull();
        DisclosureAudit.Ranges(released)[(0, 0)].Upper.ShouldBeGreaterThan(DisclosureAudit.Ranges(released)[(0, 0)].Lower);
    }

    private static long[,] Full(CountTable table)
    {
        var (r, c) = (table.Rows.Count, table.Columns.Count);
        var full = new long[r + 1, c + 1];
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < c; j++)
            {
                full[i, j] = table[i, j];
                full[i, c] += table[i, j];
                full[r, j] += table[i, j];
                full[r, c] += table[i, j];
            }
        }

        return full;
    }

    private static long[,] To2D(long[] cells, int rows, int columns)
    {
        var grid = new long[rows, columns];
        for (var i = 0; i < cells.Length; i++)
        {
            grid[i / columns, i % columns] = cells[i];
        }

        return grid;
    }
}
