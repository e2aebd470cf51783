namespace Tumen.Estimation.LogLinear;

/// <summary>Small dense symmetric positive-definite solves (a few dozen parameters at most).</summary>
internal static class Cholesky
{
    /// <summary>Solves <paramref name="matrix"/> x = <paramref name="rhs"/>.</summary>
    public static double[] Solve(double[,] matrix, double[] rhs)
    {
        var lower = Factor(matrix);
        var n = rhs.Length;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = rhs[i];
            for (var k = 0; k < i; k++)
            {
                sum -= lower[i, k] * y[k];
            }

            y[i] = sum / lower[i, i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= lower[k, i] * x[k];
            }

            x[i] = sum / lower[i, i];
        }

        return x;
    }

    /// <summary>The inverse of a symmetric positive-definite matrix.</summary>
    public static double[,] Inverse(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var inverse = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var unit = new double[n];
            unit[j] = 1;
            var column = Solve(matrix, unit);
            for (var i = 0; i < n; i++)
            {
                inverse[i, j] = column[i];
            }
        }

        return inverse;
    }

    private static double[,] Factor(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var lower = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= lower[i, k] * lower[j, k];
                }

                if (i == j)
                {
                    // A tiny ridge keeps near-singular information matrices (cells fitted near zero) solvable.
                    lower[i, i] = Math.Sqrt(Math.Max(sum, 1e-300));
                }
                else
                {
                    lower[i, j] = sum / lower[j, j];
                }
            }
        }

        return lower;
    }
}
