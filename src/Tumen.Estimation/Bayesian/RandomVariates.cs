namespace Tumen.Estimation.Bayesian;

/// <summary>
/// Exact random variates for the Gibbs sampler, fast enough for hundreds of thousands of sweeps:
/// Marsaglia–Tsang gammas, Hörmann's BTRD binomials and PTRS Poissons (inversion for small means).
/// Deterministic for a given seed. (The BCa bootstrap draws from <see cref="Intervals.RCompatibleRandom"/>
/// instead, whose only purpose is to give the same replicates as R for the same seed.)
/// </summary>
public sealed class RandomVariates
{
    private static readonly double[] StirlingTail =
    [
        0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509,
        0.01664469118982119, 0.01387612882307075, 0.01189670994589177, 0.01041126526197209,
        0.009255462182712733, 0.008330563433362871,
    ];

    private const int SmallMultinomial = 8;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A xoshiro256** generator seeded with <paramref name="seed"/> through SplitMix64.</summary>
    public RandomVariates(long seed)
    {
        var x = (ulong)seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Uniform on (0, 1).</summary>
    public double Uniform()
    {
        while (true)
        {
            var u = (Next() >> 11) * (1.0 / (1UL << 53));
            if (u > 0)
            {
                return u;
            }
        }
    }


    /// <summary>Standard normal (Marsaglia and Tsang's 128-layer ziggurat).</summary>
    public double Normal()
    {
        while (true)
        {
            var hz = (int)(Next() >> 32);
            var iz = hz & 127;
            if (Math.Abs((long)hz) < Ziggurat.K[iz])
            {
                return hz * Ziggurat.W[iz];
            }

            var x = hz * Ziggurat.W[iz];
            if (iz == 0)
            {
                // The tail beyond r, by Marsaglia's exponential method.
                double tail, y;
                do
                {
                    tail = -Math.Log(Uniform()) / Ziggurat.R;
                    y = -Math.Log(Uniform());
                }
                while (y + y < tail * tail);
                return hz > 0 ? Ziggurat.R + tail : -Ziggurat.R - tail;
            }

            if (Ziggurat.F[iz] + (Uniform() * (Ziggurat.F[iz - 1] - Ziggurat.F[iz])) < Math.Exp(-0.5 * x * x))
            {
                return x;
            }
        }
    }

    /// <summary>Gamma with the given shape and unit scale.</summary>
    public double Gamma(double shape)
    {
        if (shape == 1)
        {
            return -Math.Log(Uniform());
        }

        if (shape < 1)
        {
            return Gamma(shape + 1) * Math.Pow(Uniform(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + (c * x);
            }
            while (v <= 0);
            v = v * v * v;
            var u = Uniform();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>
    /// log of a Gamma(shape, 1) variate, finite even for tiny shapes, where the variate itself
    /// underflows to 0: for shape below 1, log Gamma(shape + 1) + log(U) / shape.
    /// </summary>
    public double LogGamma(double shape) =>
        shape < 1 ? Math.Log(Gamma(shape + 1)) + (Math.Log(Uniform()) / shape) : Math.Log(Gamma(shape));

    /// <summary>Beta(a, b).</summary>
    public double Beta(double a, double b)
    {
        if (a == 1 && b == 1)
        {
            return Uniform();
        }

        var x = Gamma(a);
        var y = Gamma(b);
        return x / (x + y);
    }

    /// <summary>Binomial(n, p).</summary>
    public long Binomial(long n, double p)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        if (p > 0.5)
        {
            return n - Binomial(n, 1 - p);
        }

        return n * p < 10 ? BinomialInversion(n, p) : BinomialBtrd(n, p);
    }

    /// <summary>Poisson(λ).</summary>
    public long Poisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        if (lambda < 10)
        {
            var limit = Math.Exp(-lambda);
            long k = 0;
            var product = Uniform();
            while (product > limit)
            {
                k++;
                product *= Uniform();
            }

            return k;
        }

        var sqrtLambda = Math.Sqrt(lambda);
        var logLambda = Math.Log(lambda);
        var b = 0.931 + (2.53 * sqrtLambda);
        var a = -0.059 + (0.02483 * b);
        var inverseAlpha = 1.1239 + (1.1328 / (b - 3.4));
        var vr = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            var u = Uniform() - 0.5;
            var v = Uniform();
            var us = 0.5 - Math.Abs(u);
            var k = (long)Math.Floor((((2 * a / us) + b) * u) + lambda + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (Math.Log(v) + Math.Log(inverseAlpha) - Math.Log((a / (us * us)) + b)
                <= -lambda + (k * logLambda) - SpecialMath.LogFactorial(k))
            {
                return k;
            }
        }
    }

    /// <summary>Splits <paramref name="n"/> items over categories with the given (unnormalised) weights.</summary>
    public void Multinomial(long n, ReadOnlySpan<double> weights, Span<long> counts)
    {
        counts.Clear();
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        if (n == 0 || total <= 0)
        {
            return;
        }

        if (n <= SmallMultinomial)
        {
            for (var item = 0; item < n; item++)
            {
                counts[Categorical(weights, total)]++;
            }

            return;
        }

        // Conditional binomials, heaviest category first, so the remainder empties quickly.
        Span<int> order = stackalloc int[weights.Length];
        for (var k = 0; k < order.Length; k++)
        {
            var j = k;
            while (j > 0 && weights[order[j - 1]] < weights[k])
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = k;
        }

        var remaining = n;
        for (var i = 0; i < order.Length && remaining > 0; i++)
        {
            var k = order[i];
            if (i == order.Length - 1)
            {
                counts[k] = remaining;
                return;
            }

            if (remaining <= SmallMultinomial)
            {
                // A few items left: place each one directly among the remaining categories.
                for (var item = 0; item < remaining; item++)
                {
                    var target = Uniform() * total;
                    var chosen = order[^1];
                    for (var r = i; r < order.Length - 1; r++)
                    {
                        target -= weights[order[r]];
                        if (target <= 0)
                        {
                            chosen = order[r];
                            break;
                        }
                    }

                    counts[chosen]++;
                }

                return;
            }

            var draw = Binomial(remaining, Math.Min(1, weights[k] / total));
            counts[k] = draw;
            remaining -= draw;
            total -= weights[k];
        }
    }

    /// <summary>A category drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Categorical(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        return Categorical(weights, total);
    }

    private int Categorical(ReadOnlySpan<double> weights, double total)
    {
        var target = Uniform() * total;
        for (var k = 0; k < weights.Length - 1; k++)
        {
            target -= weights[k];
            if (target <= 0)
            {
                return k;
            }
        }

        return weights.Length - 1;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private ulong Next()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    private long BinomialInversion(long n, double p)
    {
        var q = 1 - p;
        var s = p / q;
        var a = (n + 1) * s;
        while (true)
        {
            var r = Math.Pow(q, n);
            var u = Uniform();
            long x = 0;
            while (u > r)
            {
                u -= r;
                x++;
                if (x > n)
                {
                    break;
                }

                r *= (a / x) - s;
            }

            if (x <= n)
            {
                return x;
            }
        }
    }

    // Hörmann (1993), "The generation of binomial random variates", algorithm BTRD; p ≤ 0.5, np ≥ 10.
    private long BinomialBtrd(long n, double p)
    {
        var r = p / (1 - p);
        var m = Math.Floor((n + 1) * p);
        var nr = (n + 1) * r;
        var npq = n * p * (1 - p);
        var spq = Math.Sqrt(npq);
        var b = 1.15 + (2.53 * spq);
        var a = -0.0873 + (0.0248 * b) + (0.01 * p);
        var c = (n * p) + 0.5;
        var alpha = (2.83 + (5.1 / b)) * spq;
        var vr = 0.92 - (4.2 / b);
        var urvr = 0.86 * vr;
        while (true)
        {
            var v = Uniform();
            double u;
            if (v <= urvr)
            {
                u = (v / vr) - 0.43;
                return (long)Math.Floor((((2 * a / (0.5 - Math.Abs(u))) + b) * u) + c);
            }

            if (v >= vr)
            {
                u = Uniform() - 0.5;
            }
            else
            {
                u = (v / vr) - 0.93;
                u = (Math.Sign(u) * 0.5) - u;
                v = Uniform() * vr;
            }

            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + c);
            if (k < 0 || k > n)
            {
                continue;
            }

            v = v * alpha / ((a / (us * us)) + b);
            var km = Math.Abs(k - m);
            if (km <= 15)
            {
                var f = 1.0;
                if (m < k)
                {
                    for (var i = m + 1; i <= k; i++)
                    {
                        f *= (nr / i) - r;
                    }
                }
                else if (m > k)
                {
                    for (var i = k + 1; i <= m; i++)
                    {
                        v *= (nr / i) - r;
                    }
                }

                if (v <= f)
                {
                    return (long)k;
                }

                continue;
            }

            v = Math.Log(v);
            var rho = km / npq * ((((((km / 3) + 0.625) * km) + (1.0 / 6)) / npq) + 0.5);
            var t = -km * km / (2 * npq);
            if (v < t - rho)
            {
                return (long)k;
            }

            if (v > t + rho)
            {
                continue;
            }

            var nm = n - m + 1;
            var h = ((m + 0.5) * Math.Log((m + 1) / (r * nm))) + Tail(m) + Tail(n - m);
            var nk = n - k + 1;
            if (v <= h + ((n + 1) * Math.Log(nm / nk)) + ((k + 0.5) * Math.Log(nk * r / (k + 1))) - Tail(k) - Tail(n - k))
            {
                return (long)k;
            }
        }
    }

    // log k! − [(k + ½) log(k + 1) − (k + 1) + ½ log 2π]
    private static double Tail(double k)
    {
        if (k < 10)
        {
            return StirlingTail[(int)k];
        }

        var inverse = 1 / (k + 1);
        var square = inverse * inverse;
        return (1.0 / 12 - ((1.0 / 360 - (square / 1260)) * square)) * inverse;
    }

    /// <summary>The ziggurat's layer tables for the standard normal.</summary>
    private static class Ziggurat
    {
        public const double R = 3.442619855899;

        public static readonly long[] K = new long[128];
        public static readonly double[] W = new double[128];
        public static readonly double[] F = new double[128];

        static Ziggurat()
        {
            const double area = 9.91256303526217e-3;
            const double scale = 2147483648.0;
            var dn = R;
            var tn = dn;
            var q = area / Math.Exp(-0.5 * dn * dn);
            K[0] = (long)(dn / q * scale);
            K[1] = 0;
            W[0] = q / scale;
            W[127] = dn / scale;
            F[0] = 1;
            F[127] = Math.Exp(-0.5 * dn * dn);
            for (var i = 126; i >= 1; i--)
            {
                dn = Math.Sqrt(-2 * Math.Log((area / dn) + Math.Exp(-0.5 * dn * dn)));
                K[i + 1] = (long)(dn / tn * scale);
                tn = dn;
                F[i] = Math.Exp(-0.5 * dn * dn);
                W[i] = dn / scale;
            }
        }
    }
}
