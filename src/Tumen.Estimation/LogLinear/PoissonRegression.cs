namespace Tumen.Estimation.LogLinear;

/// <summary>The maximum-likelihood fit of a Poisson log-linear regression.</summary>
/// <param name="Coefficients">The parameters, in design-column order.</param>
/// <param name="Covariance">The inverse Fisher information (unscaled covariance).</param>
/// <param name="Fitted">The fitted mean of each row.</param>
/// <param name="Deviance">The residual deviance.</param>
/// <param name="LogLikelihood">The Poisson log-likelihood at the fit.</param>
/// <param name="Converged">Whether Newton's method converged.</param>
public sealed record PoissonFit(
    double[] Coefficients, double[,] Covariance, double[] Fitted, double Deviance, double LogLikelihood, bool Converged);

/// <summary>
/// Fits Poisson GLMs with the log link by Newton's method (identical to IRLS for the canonical
/// link), starting like R's <c>glm</c> from the counts plus 0.1, with step halving.
/// </summary>
public static class PoissonRegression
{
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-11;

    /// <summary>Fits <paramref name="counts"/> ~ Poisson(exp(design × β)).</summary>
    public static PoissonFit Fit(double[,] design, double[] counts)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(counts);
        var rows = design.GetLength(0);
        var cols = design.GetLength(1);

        // Initial step: weighted least squares of log(y + 0.1) as glm does.
        var mu = new double[rows];
        var eta = new double[rows];
        var z = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            mu[i] = counts[i] + 0.1;
            eta[i] = Math.Log(mu[i]);
            z[i] = eta[i] + ((counts[i] - mu[i]) / mu[i]);
        }

        var beta = WeightedLeastSquares(design, mu, z, out _);
        var deviance = Evaluate(design, beta, counts, eta, mu);
        var converged = false;
        double[,] inverse = new double[cols, cols];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Newton step: (X'WX) δ = X'(y − μ).
            var info = Information(design, mu);
            var gradient = new double[cols];
            for (var i = 0; i < rows; i++)
            {
                var r = counts[i] - mu[i];
                for (var j = 0; j < cols; j++)
                {
                    gradient[j] += design[i, j] * r;
                }
            }

            var step = Cholesky.Solve(info, gradient);
            var trial = new double[cols];
            var scale = 1.0;
            double trialDeviance;
            var trialEta = new double[rows];
            var trialMu = new double[rows];
            while (true)
            {
                for (var j = 0; j < cols; j++)
                {
                    trial[j] = beta[j] + (scale * step[j]);
                }

                trialDeviance = Evaluate(design, trial, counts, trialEta, trialMu);
                if (trialDeviance <= deviance + (1e-12 * Math.Abs(deviance)) || scale < 1e-6)
                {
                    break;
                }

                scale /= 2;
            }

            var change = Math.Abs(trialDeviance - deviance) / (Math.Abs(trialDeviance) + 0.1);
            beta = trial;
            Array.Copy(trialEta, eta, rows);
            Array.Copy(trialMu, mu, rows);
            deviance = trialDeviance;
            if (change < Tolerance)
            {
                converged = true;
                break;
            }
        }

        inverse = Cholesky.Inverse(Information(design, mu));
        var logLikelihood = 0.0;
        for (var i = 0; i < rows; i++)
        {
            logLikelihood += (counts[i] > 0 ? counts[i] * eta[i] : 0) - mu[i] - SpecialMath.LogFactorial(counts[i]);
        }

        return new PoissonFit(beta, inverse, mu, deviance, logLikelihood, converged);
    }

    private static double Evaluate(double[,] design, double[] beta, double[] counts, double[] eta, double[] mu)
    {
        var rows = design.GetLength(0);
        var cols = design.GetLength(1);
        var deviance = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var e = 0.0;
            for (var j = 0; j < cols; j++)
            {
                e += design[i, j] * beta[j];
            }

            eta[i] = e;
            mu[i] = Math.Exp(e);
            var y = counts[i];
            deviance += 2 * ((y > 0 ? y * Math.Log(y / mu[i]) : 0) - (y - mu[i]));
        }

        return deviance;
    }

    private static double[,] Information(double[,] design, double[] weights)
    {
        var rows = design.GetLength(0);
        var cols = design.GetLength(1);
        var info = new double[cols, cols];
        for (var i = 0; i < rows; i++)
        {
            var w = weights[i];
            for (var a = 0; a < cols; a++)
            {
                var xa = design[i, a] * w;
                if (xa == 0)
                {
                    continue;
                }

                for (var b = 0; b <= a; b++)
                {
                    info[a, b] += xa * design[i, b];
                }
            }
        }

        for (var a = 0; a < cols; a++)
        {
            for (var b = 0; b < a; b++)
            {
                info[b, a] = info[a, b];
            }
        }

        return info;
    }

    private static double[] WeightedLeastSquares(double[,] design, double[] weights, double[] response, out double[,] info)
    {
        var rows = design.GetLength(0);
        var cols = design.GetLength(1);
        info = Information(design, weights);
        var rhs = new double[cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                rhs[j] += design[i, j] * weights[i] * response[i];
            }
        }

        return Cholesky.Solve(info, rhs);
    }
}
