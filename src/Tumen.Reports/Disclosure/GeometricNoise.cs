using System.Security.Cryptography;

namespace Tumen.Reports.Disclosure;

/// <summary>
/// The two-sided geometric mechanism: ε-differential privacy for counts to which one person adds
/// at most one. The noise Z has P(Z = z) = (1 − α)/(1 + α) · α^|z| with α = e^(−ε), the discrete
/// counterpart of Laplace noise, so released counts stay integers.
/// </summary>
public sealed class GeometricNoise
{
    private readonly Func<double> _uniform;

    /// <summary>Noise for privacy loss <paramref name="epsilon"/> per count.</summary>
    /// <param name="uniform">Uniform draws in (0, 1); by default from the operating system's cryptographic generator.</param>
    public GeometricNoise(double epsilon, Func<double>? uniform = null)
    {
        if (!(epsilon > 0) || double.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), "epsilon must be a positive number.");
        }

        Epsilon = epsilon;
        Alpha = Math.Exp(-epsilon);
        _uniform = uniform ?? CryptographicUniform;
    }

    public double Epsilon { get; }

    /// <summary>e^(−ε): the ratio of the probabilities of neighbouring noise values.</summary>
    public double Alpha { get; }

    /// <summary>The probability of the noise value <paramref name="z"/>.</summary>
    public double Probability(long z) => (1 - Alpha) / (1 + Alpha) * Math.Pow(Alpha, Math.Abs(z));

    public long Next() => OneSided() - OneSided();

    // Geometric on {0, 1, ...} with P(g) = (1 − α) α^g, by inversion.
    private long OneSided() => (long)Math.Floor(Math.Log(_uniform()) / Math.Log(Alpha));

    private static double CryptographicUniform()
    {
        // 53 random bits, shifted off zero: a double uniform in (0, 1).
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        var bits = BitConverter.ToUInt64(bytes) >> 11;
        return (bits + 0.5) / (1UL << 53);
    }
}

/// <summary>
/// Differentially private release of several tables with one privacy budget. A person counts once
/// in each table, so the budget is split evenly across the tables (sequential composition). Cells
/// get geometric noise and are then made non-negative; margins and totals are sums of the released
/// cells, so every released table adds up. Post-processing spends no budget.
/// </summary>
public static class PrivateRelease
{
    public static IReadOnlyList<CountTable> Release(IReadOnlyList<CountTable> tables, double epsilon, Func<double>? uniform = null)
    {
        if (tables.Count == 0)
        {
            return [];
        }

        var noise = new GeometricNoise(epsilon / tables.Count, uniform);
        return [.. tables.Select(table =>
        {
            var (rows, columns) = (table.Rows.Count, table.Columns.Count);
            var noisy = new long[rows, columns];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    noisy[i, j] = Math.Max(0, table[i, j] + noise.Next());
                }
            }

            return new CountTable(table.Rows, table.Columns, noisy);
        })];
    }
}
