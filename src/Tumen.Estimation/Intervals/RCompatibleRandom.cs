using System.Numerics;

namespace Tumen.Estimation.Intervals;

/// <summary>
/// The random stream of R after <c>set.seed(seed)</c> with R's default generator, and R's binomial
/// and multinomial draws on it, so that a bootstrap seeded here draws the same replicates as the
/// reference R packages do with the same seed (SparseMSE's <c>estimatepopulation</c> calls
/// <c>set.seed(iseed)</c> and then <c>rmultinom(1, n, counts)</c> once per replicate). Published
/// intervals can then be reproduced to the replicate, not just in distribution.
/// </summary>
/// <remarks>
/// The pieces, each a published algorithm:
/// <list type="bullet">
/// <item>the generator is the Mersenne Twister MT19937 of Matsumoto and Nishimura (1998); R fills
/// its 624 words from the seed by the congruential step x ← 69069·x + 1 (mod 2³²), after 50
/// discarded steps, and maps each 32-bit output y to y·2⁻³², moved off 0 and 1;</item>
/// <item>binomial draws use inversion when n·min(p, 1 − p) &lt; 30 and otherwise the BTPE
/// algorithm of Kachitvichyanukul and Schmeiser (1988, Comm. ACM 31:216), as R does;</item>
/// <item>a multinomial draw is a chain of binomials, each over what is left, skipping empty
/// categories; the remaining probability is carried in the 64-bit-mantissa arithmetic R's C code
/// uses, so a last category gets exactly what is left without a draw.</item>
/// </list>
/// </remarks>
public sealed class RCompatibleRandom
{
    private const int StateWords = 624;
    private const int Shift = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;
    private const double TwoToMinus32 = 2.3283064365386963e-10;
    private const double OneOver2To32Minus1 = 2.328306437080797e-10;

    private readonly uint[] _state = new uint[StateWords];
    private int _next = StateWords;

    /// <summary>The stream R gives after <c>set.seed(<paramref name="seed"/>)</c>.</summary>
    public RCompatibleRandom(int seed)
    {
        var x = unchecked((uint)seed);
        for (var i = 0; i < 50; i++)
        {
            x = unchecked((69069 * x) + 1);
        }

        // R seeds 625 words: the first is the position in the state (reset to 624 after seeding).
        x = unchecked((69069 * x) + 1);
        for (var i = 0; i < StateWords; i++)
        {
            x = unchecked((69069 * x) + 1);
            _state[i] = x;
        }
    }

    /// <summary>A uniform draw in (0, 1), as R's <c>runif(1)</c>.</summary>
    public double NextDouble()
    {
        if (_next >= StateWords)
        {
            Regenerate();
        }

        var y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        var value = y * TwoToMinus32;
        if (value <= 0)
        {
            return 0.5 * OneOver2To32Minus1;
        }

        return 1 - value <= 0 ? 1 - (0.5 * OneOver2To32Minus1) : value;
    }

    /// <summary>
    /// A multinomial draw of <paramref name="size"/> items over categories weighted by
    /// <paramref name="weights"/>, as R's <c>rmultinom(1, size, weights)</c>.
    /// </summary>
    public long[] Multinomial(int size, IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        double total = 0;
        foreach (var weight in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(weights));
            total += weight;
        }

        if (total <= 0)
        {
            throw new ArgumentException("At least one category must have a positive weight.", nameof(weights));
        }

        var probabilities = weights.Select(weight => weight / total).ToArray();
        var draw = new long[weights.Count];
        var remaining = ExtendedSum(probabilities);
        var left = size;
        for (var k = 0; k < probabilities.Length - 1 && left > 0; k++)
        {
            if (probabilities[k] > 0)
            {
                var share = remaining.DivideInto(probabilities[k]);
                draw[k] = share < 1 ? Binomial(left, share) : left;
                left -= (int)draw[k];
            }

            remaining = remaining.Subtract(probabilities[k]);
        }

        if (left > 0)
        {
            draw[^1] = left;
        }

        return draw;
    }

    /// <summary>A binomial draw of <paramref name="n"/> trials with success probability <paramref name="p"/>, as R's <c>rbinom</c>.</summary>
    public int Binomial(int n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), "A probability lies between 0 and 1.");
        }

        if (n == 0 || p == 0)
        {
            return 0;
        }

        if (p == 1)
        {
            return n;
        }

        var small = Math.Min(p, 1 - p);
        var draws = small * n < 30 ? BinomialByInversion(n, small) : BinomialBtpe(n, small);
        return p > 0.5 ? n - draws : draws;
    }

    // Sums doubles (here each in [0, 1]) the way an 80-bit long double accumulator does.
    private static Extended ExtendedSum(double[] values)
    {
        var sum = Extended.Zero;
        foreach (var value in values)
        {
            sum = sum.Add(value);
        }

        return sum;
    }

    // Walks the distribution function from 0 (the mean is below 30, so few steps); restarts after
    // 110 steps, where the remaining mass is negligible.
    private int BinomialByInversion(int n, double p)
    {
        var q = 1 - p;
        var ratio = p / q;
        var g = ratio * (n + 1);
        var atZero = PowerBySquaring(q, n);
        while (true)
        {
            var k = 0;
            var f = atZero;
            var u = NextDouble();
            while (true)
            {
                if (u < f)
                {
                    return k;
                }

                if (k > 110)
                {
                    break;
                }

                u -= f;
                k++;
                f *= (g / k) - ratio;
            }
        }
    }

    // BTPE: a triangle over the mode, parallelograms beside it and exponential tails, with an
    // exact or squeezed acceptance test. Constants and steps as in the 1988 paper.
    private int BinomialBtpe(int n, double p)
    {
        var q = 1 - p;
        var np = n * p;
        var ratio = p / q;
        var g = ratio * (n + 1);
        var modeReal = np + p;
        var mode = (int)modeReal;
        double modeAsDouble = mode;
        var npq = np * q;
        var p1 = (int)((2.195 * Math.Sqrt(npq)) - (4.6 * q)) + 0.5;
        var xm = modeAsDouble + 0.5;
        var xl = xm - p1;
        var xr = xm + p1;
        var c = 0.134 + (20.5 / (15.3 + modeAsDouble));
        var al = (modeReal - xl) / (modeReal - (xl * p));
        var lambdaLeft = al * (1.0 + (0.5 * al));
        al = (xr - modeReal) / (xr * q);
        var lambdaRight = al * (1.0 + (0.5 * al));
        var p2 = p1 * (1.0 + c + c);
        var p3 = p2 + (c / lambdaLeft);
        var p4 = p3 + (c / lambdaRight);

        while (true)
        {
            var u = NextDouble() * p4;
            var v = NextDouble();
            int ix;
            if (u <= p1)
            {
                return (int)(xm - (p1 * v) + u);
            }

            if (u <= p2)
            {
                var x = xl + ((u - p1) / c);
                v = (v * c) + 1.0 - (Math.Abs(xm - x) / p1);
                if (v > 1.0 || v <= 0)
                {
                    continue;
                }

                ix = (int)x;
            }
            else if (u > p3)
            {
                ix = (int)(xr - (Math.Log(v) / lambdaRight));
                if (ix > n)
                {
                    continue;
                }

                v = v * (u - p3) * lambdaRight;
            }
            else
            {
                ix = (int)(xl + (Math.Log(v) / lambdaLeft));
                if (ix < 0)
                {
                    continue;
                }

                v = v * (u - p2) * lambdaLeft;
            }

            var k = Math.Abs(ix - mode);
            if (k <= 20 || k >= (npq / 2) - 1)
            {
                // Explicit evaluation of f(ix) / f(mode) by the recurrence.
                var f = 1.0;
                if (mode < ix)
                {
                    for (var i = mode + 1; i <= ix; i++)
                    {
                        f *= (g / i) - ratio;
                    }
                }
                else if (mode != ix)
                {
                    for (var i = ix + 1; i <= mode; i++)
                    {
                        f /= (g / i) - ratio;
                    }
                }

                if (v <= f)
                {
                    return ix;
                }

                continue;
            }

            // Squeeze with bounds on log f, then Stirling's formula for the final test.
            var amaxp = k / npq * ((((k * ((k / 3.0) + 0.625)) + 0.1666666666666) / npq) + 0.5);
            var ynorm = -(double)(k * k) / (2.0 * npq);
            var alv = Math.Log(v);
            if (alv < ynorm - amaxp)
            {
                return ix;
            }

            if (alv <= ynorm + amaxp)
            {
                var x1 = ix + 1.0;
                var f1 = modeAsDouble + 1.0;
                var z = n + 1.0 - modeAsDouble;
                var w = n - ix + 1.0;
                var bound = (xm * Math.Log(f1 / x1))
                    + ((n - mode + 0.5) * Math.Log(z / w))
                    + ((ix - mode) * Math.Log(w * p / (x1 * q)))
                    + StirlingTail(f1) + StirlingTail(z) + StirlingTail(x1) + StirlingTail(w);
                if (alv <= bound)
                {
                    return ix;
                }
            }
        }
    }

    // The correction term of Stirling's series, (13860 − (462 − (132 − (99 − 140/x²)/x²)/x²)/x²)/x/166320.
    private static double StirlingTail(double x)
    {
        var x2 = x * x;
        return (13860.0 - ((462.0 - ((132.0 - ((99.0 - (140.0 / x2)) / x2)) / x2)) / x2)) / x / 166320.0;
    }

    // x^n by repeated squaring (as R's R_pow_di), which can differ from Math.Pow in the last bit.
    private static double PowerBySquaring(double x, int n)
    {
        var result = 1.0;
        while (true)
        {
            if ((n & 1) != 0)
            {
                result *= x;
            }

            n >>= 1;
            if (n == 0)
            {
                return result;
            }

            x *= x;
        }
    }

    private void Regenerate()
    {
        for (var k = 0; k < StateWords; k++)
        {
            var y = (_state[k] & UpperMask) | (_state[(k + 1) % StateWords] & LowerMask);
            _state[k] = _state[(k + Shift) % StateWords] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : MatrixA);
        }

        _next = 0;
    }

    /// <summary>
    /// A non-negative number with a 64-bit mantissa, rounded to nearest-even after each operation,
    /// as x87 extended precision (C's long double on x86-64) does.
    /// </summary>
    private readonly record struct Extended(BigInteger Mantissa, int Exponent)
    {
        private const int Bits = 64;

        public static Extended Zero => new(BigInteger.Zero, 0);

        public Extended Add(double value) => Combine(value, 1);

        public Extended Subtract(double value) => Combine(value, -1);

        // value / this, rounded to 64 bits and then to a double, as (double)(value / long double).
        public double DivideInto(double value)
        {
            var (mantissa, exponent) = Exact(value);
            if (mantissa.IsZero)
            {
                return 0;
            }

            // Scale the numerator so the integer quotient has at least 66 bits, then round to 64.
            var shift = Bits + 2 + (int)(Mantissa.GetBitLength() - mantissa.GetBitLength()) + 1;
            var quotient = BigInteger.DivRem(mantissa << shift, Mantissa, out var remainder);
            var sticky = !remainder.IsZero;
            var rounded = Round(quotient, exponent - Exponent - shift, sticky);
            return ToDouble(rounded.Mantissa, rounded.Exponent);
        }

        private Extended Combine(double value, int sign)
        {
            var (mantissa, exponent) = Exact(value);
            var low = Math.Min(exponent, Exponent);
            var sum = (Mantissa << (Exponent - low)) + (sign * (mantissa << (exponent - low)));
            if (sum.Sign < 0)
            {
                throw new InvalidOperationException("The remaining probability went below zero.");
            }

            return Round(sum, low, sticky: false);
        }

        private static Extended Round(BigInteger value, int exponent, bool sticky)
        {
            var excess = (int)value.GetBitLength() - Bits;
            if (excess <= 0)
            {
                return new Extended(value, exponent);
            }

            var kept = value >> excess;
            var dropped = value - (kept << excess);
            var half = BigInteger.One << (excess - 1);
            var roundUp = dropped > half || (dropped == half && (sticky || !kept.IsEven));
            if (roundUp)
            {
                kept += 1;
            }

            return new Extended(kept, exponent + excess);
        }

        // The mantissa rounded (nearest-even) to a double's 53 bits.
        private static double ToDouble(BigInteger mantissa, int exponent)
        {
            var excess = (int)mantissa.GetBitLength() - 53;
            if (excess > 0)
            {
                var rounded = Round53(mantissa, excess);
                mantissa = rounded;
                exponent += excess;
            }

            return Math.ScaleB((double)mantissa, exponent);
        }

        private static BigInteger Round53(BigInteger value, int excess)
        {
            var kept = value >> excess;
            var dropped = value - (kept << excess);
            var half = BigInteger.One << (excess - 1);
            return dropped > half || (dropped == half && !kept.IsEven) ? kept + 1 : kept;
        }

        private static (BigInteger Mantissa, int Exponent) Exact(double value)
        {
            if (value == 0)
            {
                return (BigInteger.Zero, 0);
            }

            var bits = BitConverter.DoubleToInt64Bits(value);
            var biased = (int)((bits >> 52) & 0x7ff);
            var fraction = bits & 0xfffffffffffffL;
            return biased == 0
                ? (new BigInteger(fraction), -1074)
                : (new BigInteger(fraction | (1L << 52)), biased - 1075);
        }
    }
}
