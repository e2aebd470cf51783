using Shouldly;
using Tumen.Estimation.Intervals;

namespace Tumen.Estimation.Tests.Intervals;

/// <summary>
/// The expected values were printed by R 4.2.2 (Debian bookworm's r-base-core) with the default
/// generator, e.g. <c>set.seed(1234); runif(5)</c>; the commands are quoted in each test.
/// </summary>
public sealed class RCompatibleRandomTests
{
    // The Western table's counts in the row order of Western.csv (and of SparseMSE's data set).
    private static readonly long[] WesternCounts = [52, 90, 114, 45, 21, 4, 2, 5, 6, 1, 3, 1, 1];

    [Fact]
    public void NextDouble_AfterSeed1234_IsRsRunif()
    {
        // set.seed(1234); print(runif(5), digits = 17)
        var random = new RCompatibleRandom(1234);
        double[] expected = [0.11370341130532324, 0.62229940481483936, 0.60927473288029432, 0.62337944167666137, 0.86091538355685771];
        foreach (var value in expected)
        {
            random.NextDouble().ShouldBe(value);
        }
    }

    [Fact]
    public void Binomial_InEveryRegime_IsRsRbinom()
    {
        // set.seed(42); rbinom(10, 1000, 0.3); rbinom(10, 50, 0.2); rbinom(10, 200, 0.93);
        // rbinom(10, 7, 0.5); rbinom(5, 100000, 0.01234)
        var random = new RCompatibleRandom(42);
        Draw(random, 10, 1000, 0.3).ShouldBe([289, 313, 287, 308, 299, 262, 293, 304, 323, 329]);
        Draw(random, 10, 50, 0.2).ShouldBe([6, 10, 9, 14, 10, 13, 12, 12, 9, 11]);
        Draw(random, 10, 200, 0.93).ShouldBe([195, 183, 194, 189, 181, 185, 187, 187, 192, 179]);
        Draw(random, 10, 7, 0.5).ShouldBe([3, 6, 5, 4, 6, 4, 3, 3, 3, 5]);
        Draw(random, 5, 100000, 0.01234).ShouldBe([1184, 1289, 1223, 1230, 1241]);
    }

    [Fact]
    public void Multinomial_ThousandWesternReplicates_AreRsRmultinom()
    {
        // set.seed(1234); w <- read.csv("Western.csv"); x <- rmultinom(1000, sum(w$n), w$n)
        // x[, 1:3]; x[, 998:1000]; rowSums(x)
        var random = new RCompatibleRandom(1234);
        var draws = Enumerable.Range(0, 1000).Select(_ => random.Multinomial(345, WesternCounts)).ToList();
        draws[0].ShouldBe([48, 88, 121, 46, 18, 6, 1, 4, 5, 0, 5, 1, 2]);
        draws[1].ShouldBe([55, 83, 115, 40, 24, 4, 2, 6, 6, 2, 6, 1, 1]);
        draws[2].ShouldBe([53, 92, 116, 43, 21, 3, 1, 5, 5, 2, 3, 1, 0]);
        draws[997].ShouldBe([70, 75, 103, 44, 28, 4, 4, 6, 5, 2, 2, 1, 1]);
        draws[998].ShouldBe([53, 106, 100, 51, 13, 6, 4, 2, 6, 1, 3, 0, 0]);
        draws[999].ShouldBe([54, 87, 115, 41, 23, 6, 1, 5, 7, 0, 4, 1, 1]);
        var totals = Enumerable.Range(0, WesternCounts.Length).Select(k => draws.Sum(d => d[k])).ToArray();
        totals.ShouldBe([51937, 90233, 113860, 45022, 21116, 4058, 2023, 4944, 5940, 992, 2900, 1011, 964]);
    }

    [Fact]
    public void Multinomial_EmptyCategories_TakeNoDrawAndGetNothing()
    {
        // set.seed(7); rmultinom(2, 2744, c(0, 5, 0, 1000, 3, 0, 0, 1, 1736, 0, 0))
        var random = new RCompatibleRandom(7);
        long[] weights = [0, 5, 0, 1000, 3, 0, 0, 1, 1736, 0, 0];
        random.Multinomial(2744, weights).ShouldBe([0, 11, 0, 1020, 1, 0, 0, 0, 1712, 0, 0]);
        random.Multinomial(2744, weights).ShouldBe([0, 7, 0, 973, 1, 0, 0, 1, 1762, 0, 0]);
    }

    private static int[] Draw(RCompatibleRandom random, int count, int n, double p) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Binomial(n, p))];
}
