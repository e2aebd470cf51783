using Tumen.Reports.Disclosure;

namespace Tumen.Reports.Tests;

public class GeometricNoiseTests
{
    private static Func<double> Seeded(int seed)
    {
        var random = new Random(seed);
        return () => 1 - random.NextDouble();
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Next_ManyDraws_FollowTheTwoSidedGeometricLaw(double epsilon)
    {
        var noise = new GeometricNoise(epsilon, Seeded(2026));
        const int Draws = 200_000;
        const int Edge = 6;
        var observed = new long[(2 * Edge) + 3]; // below −Edge, −Edge..Edge, above Edge
        for (var d = 0; d < Draws; d++)
        {
            var z = noise.Next();
            observed[z < -Edge ? 0 : z > Edge ? observed.Length - 1 : (int)z + Edge + 1]++;
        }

        var tail = (1 - Enumerable.Range(-Edge, (2 * Edge) + 1).Sum(z => noise.Probability(z))) / 2;
        var chiSquare = 0.0;
        for (var bucket = 0; bucket < observed.Length; bucket++)
        {
            var p = bucket == 0 || bucket == observed.Length - 1 ? tail : noise.Probability(bucket - Edge - 1);
            var expected = p * Draws;
            chiSquare += (observed[bucket] - expected) * (observed[bucket] - expected) / expected;
        }

        // 14 degrees of freedom: the 0.1 % critical value is 36.12.
        chiSquare.ShouldBeLessThan(36.12);
    }

    [Fact]
    public void Next_CryptographicSource_IsCentredOnZero()
    {
        var noise = new GeometricNoise(1.0);
        var mean = Enumerable.Range(0, 20_000).Average(_ => (double)noise.Next());

        // The standard deviation is about 1.4, so the mean of 20,000 draws is within 0.06 almost surely.
        Math.Abs(mean).ShouldBeLessThan(0.06);
    }

    [Fact]
    public void Release_SeveralTables_NonNegativeIntegersThatAddUp()
    {
        var table = new CountTable(["a", "b"], ["x", "y", "z"], new long[,] { { 0, 1, 40 }, { 3, 0, 12 } });

        var released = PrivateRelease.Release([table, table], epsilon: 0.2, Seeded(9));

        released.Count.ShouldBe(2);
        foreach (var t in released)
        {
            t.Counts.Cast<long>().ShouldAllBe(c => c >= 0);
            t.Total.ShouldBe(t.RowTotal(0) + t.RowTotal(1));
            t.Total.ShouldBe(Enumerable.Range(0, 3).Sum(t.ColumnTotal));
        }

        released[0].Counts.Cast<long>().ShouldNotBe(table.Counts.Cast<long>());
    }

    [Fact]
    public void Constructor_NonPositiveEpsilon_Refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new GeometricNoise(0));
        Should.Throw<ArgumentOutOfRangeException>(() => new GeometricNoise(double.NaN));
    }
}
