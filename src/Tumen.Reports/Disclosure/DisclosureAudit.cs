using Tumen.Core.Numerics;

namespace Tumen.Reports.Disclosure;

/// <summary>
/// What an attacker can work out about withheld cells from a released table: for each withheld
/// cell, the smallest and largest value consistent with every published cell and total and with
/// counts never being negative (two linear programs per cell).
/// </summary>
public static class DisclosureAudit
{
    private const double Tolerance = 1e-6;

    /// <summary>The range of each withheld position, keyed by (row, column) of the grid with margins.</summary>
    public static IReadOnlyDictionary<(int Row, int Column), (double Lower, double Upper)> Ranges(ReleasedTable table)
    {
        var reasons = table.Reasons;
        var (height, width) = (reasons.GetLength(0), reasons.GetLength(1));
        var grid = new long[height, width];
        for (var i = 0; i < height; i++)
        {
            for (var j = 0; j < width; j++)
            {
                grid[i, j] = table.Grid[i, j] ?? 0;
            }
        }

        var system = Build(grid, reasons);
        return system.Unknowns.Select((p, index) => (p, index))
            .ToDictionary(x => x.p, x => system.Range(x.index));
    }

    /// <summary>A primary cell whose value the published figures pin down exactly, or null when none is.</summary>
    internal static (int Row, int Column)? FirstExposed(long[,] grid, Suppression[,] reasons)
    {
        var system = Build(grid, reasons);
        for (var index = 0; index < system.Unknowns.Count; index++)
        {
            var (row, column) = system.Unknowns[index];
            if (reasons[row, column] != Suppression.Primary)
            {
                continue;
            }

            var (lower, upper) = system.Range(index);
            if (upper - lower < Tolerance)
            {
                return (row, column);
            }
        }

        return null;
    }

    /// <summary>
    /// The linear system of a table with margins: every row's cells sum to its total, every column's
    /// to its total, and the totals to the grand total; published values move to the right-hand side.
    /// </summary>
    private static LinearSystem Build(long[,] grid, Suppression[,] reasons)
    {
        var (height, width) = (grid.GetLength(0), grid.GetLength(1));
        var unknowns = new List<(int, int)>();
        var indexOf = new Dictionary<(int, int), int>();
        for (var i = 0; i < height; i++)
        {
            for (var j = 0; j < width; j++)
            {
                if (reasons[i, j] != Suppression.None)
                {
                    indexOf[(i, j)] = unknowns.Count;
                    unknowns.Add((i, j));
                }
            }
        }

        // Each line: its parts sum to its last entry (the total). Rows include the row of column totals.
        var lines = new List<(int Row, int Column)[]>();
        for (var i = 0; i < height; i++)
        {
            lines.Add([.. Enumerable.Range(0, width).Select(j => (i, j))]);
        }

        for (var j = 0; j < width; j++)
        {
            lines.Add([.. Enumerable.Range(0, height).Select(i => (i, j))]);
        }

        var rows = new List<double[]>();
        var rhs = new List<double>();
        foreach (var line in lines)
        {
            var coefficients = new double[unknowns.Count];
            var constant = 0.0;
            var involved = false;
            for (var p = 0; p < line.Length; p++)
            {
                var sign = p == line.Length - 1 ? -1.0 : 1.0;
                if (indexOf.TryGetValue(line[p], out var index))
                {
                    coefficients[index] += sign;
                    involved = true;
                }
                else
                {
                    constant -= sign * grid[line[p].Row, line[p].Column];
                }
            }

            if (involved)
            {
                rows.Add(coefficients);
                rhs.Add(constant);
            }
        }

        return new LinearSystem(unknowns, rows, rhs);
    }

    private sealed record LinearSystem(IReadOnlyList<(int Row, int Column)> Unknowns, List<double[]> Rows, List<double> Rhs)
    {
        public (double Lower, double Upper) Range(int index)
        {
            var n = Unknowns.Count;
            var constraints = new double[Rows.Count, n];
            for (var r = 0; r < Rows.Count; r++)
            {
                for (var c = 0; c < n; c++)
                {
                    constraints[r, c] = Rows[r][c];
                }
            }

            var objective = new double[n];
            objective[index] = 1;
            var upper = LinearProgram.Maximize(objective, constraints, [.. Rhs]) ?? double.NaN;
            objective[index] = -1;
            var lower = -(LinearProgram.Maximize(objective, constraints, [.. Rhs]) ?? double.NaN);
            return (lower, upper);
        }
    }
}
