namespace Tumen.Core.Numerics;

/// <summary>
/// A dense two-phase simplex method with Bland's rule: maximise c·x subject to A x = b and x ≥ 0.
/// Small programs only: the existence checks of log-linear models, and what an attacker can
/// learn about a suppressed cell of a published table.
/// </summary>
public static class LinearProgram
{
    private const double Epsilon = 1e-9;

    /// <summary>The optimal objective value, or null when the program is infeasible.</summary>
    public static double? Maximize(double[] objective, double[,] constraints, double[] rhs)
    {
        var m = rhs.Length;
        var n = objective.Length;

        // Tableau columns: n variables, m artificials, then the right-hand side.
        var width = n + m + 1;
        var tableau = new double[m, width];
        var basis = new int[m];
        for (var i = 0; i < m; i++)
        {
            var sign = rhs[i] < 0 ? -1.0 : 1.0;
            for (var j = 0; j < n; j++)
            {
                tableau[i, j] = sign * constraints[i, j];
            }

            tableau[i, n + i] = 1;
            tableau[i, width - 1] = sign * rhs[i];
            basis[i] = n + i;
        }

        // Phase 1: maximise −Σ artificials.
        var phase1 = new double[n + m];
        for (var i = 0; i < m; i++)
        {
            phase1[n + i] = -1;
        }

        if (!Run(tableau, basis, phase1, n + m))
        {
            return null;
        }

        var infeasibility = 0.0;
        for (var i = 0; i < m; i++)
        {
            if (basis[i] >= n)
            {
                infeasibility += tableau[i, width - 1];
            }
        }

        if (infeasibility > 1e-7 * (1 + rhs.Sum(Math.Abs)))
        {
            return null;
        }

        // Drive artificials at level zero out of the basis where a real column can replace them.
        for (var i = 0; i < m; i++)
        {
            if (basis[i] < n)
            {
                continue;
            }

            for (var j = 0; j < n; j++)
            {
                if (Math.Abs(tableau[i, j]) > Epsilon)
                {
                    Pivot(tableau, basis, i, j);
                    break;
                }
            }
        }

        var phase2 = new double[n + m];
        Array.Copy(objective, phase2, n);
        if (!Run(tableau, basis, phase2, n))
        {
            return double.PositiveInfinity;
        }

        var value = 0.0;
        for (var i = 0; i < m; i++)
        {
            if (basis[i] < n)
            {
                value += objective[basis[i]] * tableau[i, width - 1];
            }
        }

        return value;
    }

    // Runs simplex iterations letting only columns below enterLimit enter; false when unbounded.
    private static bool Run(double[,] tableau, int[] basis, double[] objective, int enterLimit)
    {
        var m = basis.Length;
        var width = tableau.GetLength(1);
        for (var iteration = 0; iteration < 50_000; iteration++)
        {
            // Reduced costs c_j − c_B B⁻¹ A_j; Bland: first improving column.
            var entering = -1;
            for (var j = 0; j < enterLimit; j++)
            {
                var reduced = objective[j];
                for (var i = 0; i < m; i++)
                {
                    reduced -= objective[basis[i]] * tableau[i, j];
                }

                if (reduced > Epsilon)
                {
                    entering = j;
                    break;
                }
            }

            if (entering < 0)
            {
                return true;
            }

            var leaving = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < m; i++)
            {
                var a = tableau[i, entering];
                if (a > Epsilon)
                {
                    var ratio = tableau[i, width - 1] / a;
                    if (ratio < best - Epsilon || (ratio < best + Epsilon && leaving >= 0 && basis[i] < basis[leaving]))
                    {
                        best = ratio;
                        leaving = i;
                    }
                }
            }

            if (leaving < 0)
            {
                return false;
            }

            Pivot(tableau, basis, leaving, entering);
        }

        return true;
    }

    private static void Pivot(double[,] tableau, int[] basis, int row, int column)
    {
        var m = basis.Length;
        var width = tableau.GetLength(1);
        var pivot = tableau[row, column];
        for (var j = 0; j < width; j++)
        {
            tableau[row, j] /= pivot;
        }

        for (var i = 0; i < m; i++)
        {
            var factor = tableau[i, column];
            if (i == row || factor == 0)
            {
                continue;
            }

            for (var j = 0; j < width; j++)
            {
                tableau[i, j] -= factor * tableau[row, j];
            }
        }

        basis[row] = column;
    }
}
