using MathNet.Numerics;

namespace Tumen.Estimation;

/// <summary>The few special functions the estimators share.</summary>
internal static class SpecialMath
{
    /// <summary>log(x!) for a non-negative real x.</summary>
    public static double LogFactorial(double x) => x <= 1 ? 0 : SpecialFunctions.GammaLn(x + 1);

    /// <summary>P(X ≤ k) for X ~ Poisson(λ).</summary>
    public static double PoissonLower(long k, double lambda) =>
        k < 0 ? 0 : lambda <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(k + 1, lambda);

    /// <summary>P(X ≥ k) for X ~ Poisson(λ).</summary>
    public static double PoissonUpper(long k, double lambda) =>
        k <= 0 ? 1 : lambda <= 0 ? 0 : SpecialFunctions.GammaLowerRegularized(k, lambda);
}
