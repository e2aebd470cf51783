using System.Numerics;
using Tumen.Core.Numerics;
using Tumen.Estimation.Input;

namespace Tumen.Estimation.LogLinear;

/// <summary>Whether a log-linear model gives a finite, unique estimate on some data.</summary>
public enum Existence
{
    /// <summary>The maximum-likelihood estimate exists and is identifiable.</summary>
    Exists,

    /// <summary>The linear-programming check fails: some fitted cell would have to be zero or infinite.</summary>
    NotFinite,

    /// <summary>The design is rank deficient: several parameter values fit equally well.</summary>
    NotIdentifiable,

    /// <summary>Both checks fail.</summary>
    NotFiniteNorIdentifiable,
}

/// <summary>
/// A log-linear model fitted to capture histories. The population estimate is the observed count
/// plus the fitted count of the unobserved all-zero cell, exp(intercept).
/// </summary>
/// <param name="Model">The model fitted.</param>
/// <param name="Observed">The number of people observed.</param>
/// <param name="Intercept">The intercept: the log of the estimated number never observed.</param>
/// <param name="InterceptVariance">The asymptotic variance of the intercept.</param>
/// <param name="Deviance">The residual deviance over the fitted cells.</param>
/// <param name="LogLikelihood">The Poisson log-likelihood.</param>
/// <param name="ParameterCount">The number of parameters, counting terms fixed at −∞ by empty overlaps.</param>
/// <param name="Cells">The capture patterns (masks) that were fitted.</param>
/// <param name="Fitted">The fitted count of each of <paramref name="Cells"/>.</param>
/// <param name="EmptyTerms">Terms of the model whose lists have no one in common (fitted as −∞).</param>
public sealed record LogLinearFit(
    LogLinearModel Model,
    long Observed,
    double Intercept,
    double InterceptVariance,
    double Deviance,
    double LogLikelihood,
    int ParameterCount,
    IReadOnlyList<int> Cells,
    IReadOnlyList<double> Fitted,
    IReadOnlyList<int> EmptyTerms)
{
    /// <summary>The estimated number never observed.</summary>
    public double Unobserved => Math.Exp(Intercept);

    /// <summary>The estimated population: observed plus never observed.</summary>
    public double Estimate => Observed + Unobserved;
}

/// <summary>
/// Fits hierarchical log-linear models to capture histories as Poisson GLMs over every observable
/// capture pattern (unobserved patterns count as zero), following Chan, Silverman and Vincent (2021):
/// a term whose lists share nobody is fitted at −∞ by dropping the patterns that contain it.
/// </summary>
public sealed class LogLinearFitter
{
    private readonly Dictionary<(LogLinearModel Model, string Support), Existence> _existence = [];

    /// <summary>Fits <paramref name="model"/> without checking that the estimate exists.</summary>
    public static LogLinearFit Fit(CaptureHistories histories, LogLinearModel model)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(model);
        var design = Design.Build(histories, model);
        var fit = PoissonRegression.Fit(design.Matrix, design.Counts);
        return new LogLinearFit(
            model,
            histories.Observed,
            fit.Coefficients[0],
            fit.Covariance[0, 0],
            fit.Deviance,
            fit.LogLikelihood,
            design.Matrix.GetLength(1) + design.EmptyTerms.Count,
            design.Cells,
            fit.Fitted,
            design.EmptyTerms);
    }

    /// <summary>
    /// The check of Fienberg and Rinaldo (2012) as used by Chan, Silverman and Vincent: a linear
    /// program tests whether the sufficient statistics lie inside the marginal cone (the estimate
    /// is finite), and the rank of the design tests identifiability. Results are cached per
    /// model and pattern support, which is all they depend on.
    /// </summary>
    public Existence Check(CaptureHistories histories, LogLinearModel model)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(model);
        var support = new string([.. Enumerable.Range(0, histories.CellCount).Select(c => histories.CountOf(c) > 0 ? '1' : '0')]);
        if (_existence.TryGetValue((model, support), out var known))
        {
            return known;
        }

        var design = Design.Build(histories, model);
        var finite = IsFinite(design);
        var identifiable = Rank(design.Matrix) == design.Matrix.GetLength(1);
        var result = (finite, identifiable) switch
        {
            (true, true) => Existence.Exists,
            (false, true) => Existence.NotFinite,
            (true, false) => Existence.NotIdentifiable,
            _ => Existence.NotFiniteNorIdentifiable,
        };
        _existence[(model, support)] = result;
        return result;
    }

    /// <summary>
    /// The multinomial log-likelihood of population size <paramref name="population"/> under
    /// <paramref name="model"/>, maximised over the other parameters (up to a constant): the model is
    /// refitted with the unobserved cell set to population − observed.
    /// </summary>
    internal static double ProfileLogLikelihood(CaptureHistories histories, LogLinearModel model, double population)
    {
        var design = Design.Build(histories, model, includeUnobserved: true);
        var counts = (double[])design.Counts.Clone();
        counts[0] = population - histories.Observed;
        var fit = PoissonRegression.Fit(design.Matrix, counts);
        var value = SpecialMath.LogFactorial(population) - SpecialMath.LogFactorial(counts[0]);
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0)
            {
                value += counts[c] * Math.Log(fit.Fitted[c] / population);
            }
        }

        return value;
    }

    // max τ subject to Xᵀy = Xᵀn, y ≥ τ ≥ 0: positive exactly when the MLE exists. Writing
    // y = τ + s with s ≥ 0 leaves one constraint per parameter: Xᵀs + τ·Xᵀ1 = Xᵀn.
    private static bool IsFinite(Design design)
    {
        var x = design.Matrix;
        var cells = x.GetLength(0);
        var parameters = x.GetLength(1);
        var constraints = new double[parameters, cells + 1];
        var rhs = new double[parameters];
        for (var p = 0; p < parameters; p++)
        {
            for (var c = 0; c < cells; c++)
            {
                constraints[p, c] = x[c, p];
                constraints[p, cells] += x[c, p];
                rhs[p] += x[c, p] * design.Counts[c];
            }
        }

        var objective = new double[cells + 1];
        objective[cells] = 1;
        var value = LinearProgram.Maximize(objective, constraints, rhs);
        return value is > 1e-7;
    }

    private static int Rank(double[,] matrix)
    {
        var rows = matrix.GetLength(0);
        var cols = matrix.GetLength(1);
        var a = (double[,])matrix.Clone();
        var rank = 0;
        for (var col = 0; col < cols && rank < rows; col++)
        {
            var pivot = rank;
            for (var r = rank + 1; r < rows; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, col]) < 1e-9)
            {
                continue;
            }

            for (var j = 0; j < cols; j++)
            {
                (a[rank, j], a[pivot, j]) = (a[pivot, j], a[rank, j]);
            }

            for (var r = rank + 1; r < rows; r++)
            {
                var factor = a[r, col] / a[rank, col];
                for (var j = col; j < cols; j++)
                {
                    a[r, j] -= factor * a[rank, j];
                }
            }

            rank++;
        }

        return rank;
    }

    /// <summary>The cells, design matrix and counts of one model on one table.</summary>
    private sealed record Design(int[] Cells, double[,] Matrix, double[] Counts, IReadOnlyList<int> EmptyTerms)
    {
        public static Design Build(CaptureHistories histories, LogLinearModel model, bool includeUnobserved = false)
        {
            var listCount = histories.ListCount;

            // Lists and terms nobody is on are fixed at −∞: drop every cell that contains them.
            var columns = new List<int>();
            var empty = new List<int>();
            for (var i = 0; i < listCount; i++)
            {
                if (histories.CountOn(1 << i) > 0)
                {
                    columns.Add(1 << i);
                }
                else
                {
                    empty.Add(1 << i);
                }
            }

            foreach (var term in model.Terms)
            {
                if (empty.Exists(e => (e & term) == e))
                {
                    continue;
                }

                if (histories.CountOn(term) > 0)
                {
                    columns.Add(term);
                }
                else
                {
                    empty.Add(term);
                }
            }

            var cells = Enumerable.Range(includeUnobserved ? 0 : 1, histories.CellCount - (includeUnobserved ? 0 : 1))
                .Where(cell => !empty.Exists(e => (cell & e) == e))
                .ToArray();
            var matrix = new double[cells.Length, columns.Count + 1];
            var counts = new double[cells.Length];
            for (var r = 0; r < cells.Length; r++)
            {
                matrix[r, 0] = 1;
                for (var j = 0; j < columns.Count; j++)
                {
                    matrix[r, j + 1] = (cells[r] & columns[j]) == columns[j] ? 1 : 0;
                }

                counts[r] = histories.CountOf(cells[r]);
            }

            var emptyTerms = empty.Where(e => BitOperations.PopCount((uint)e) >= 2).ToList();
            return new Design(cells, matrix, counts, emptyTerms);
        }
    }
}
