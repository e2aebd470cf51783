using MathNet.Numerics.Distributions;

namespace Tumen.Estimation.Intervals;

/// <summary>
/// The log-normal interval on the unobserved count (Chao 1987): with f₀ = N̂ − n and
/// C = exp(z √log(1 + se²/f₀²)), the interval is [n + f₀/C, n + f₀·C], never below the observed count.
/// </summary>
public static class LogNormalInterval
{
    /// <summary>The interval for an estimate with the given standard error.</summary>
    public static (double Lower, double Upper) Of(long observed, double estimate, double standardError, double level)
    {
        var unobserved = Math.Max(estimate - observed, 1e-9);
        var z = Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));
        var spread = Math.Exp(z * Math.Sqrt(Math.Log(1 + (standardError * standardError / (unobserved * unobserved)))));
        return (observed + (unobserved / spread), observed + (unobserved * spread));
    }
}
