using Tumen.Estimation.Bayesian;

namespace Tumen.Estimation.Tests.Bayesian;

public class RandomVariatesTests
{
    [Theory]
    [InlineData(1000, 0.3)]
    [InlineData(50, 0.1)]
    [InlineData(20000, 0.45)]
    [InlineData(200, 0.9)]
    public void Binomial_MatchesMeanAndVariance(long n, double p)
    {
        var random = new RandomVariates(11);
        const int draws = 100_000;
        double sum = 0, squares = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = random.Binomial(n, p);
            x.ShouldBeInRange(0, n);
            sum += x;
            squares += (double)x * x;
        }

        var mean = sum / draws;
        var variance = (squares / draws) - (mean * mean);
        var expectedVariance = n * p * (1 - p);
        mean.ShouldBe(n * p, 5 * Math.Sqrt(expectedVariance / draws));
        variance.ShouldBe(expectedVariance, expectedVariance * 0.03);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.05)]
    [InlineData(3.5)]
    public void LogGamma_TinyShapes_StayFiniteWithTheRightMean(double shape)
    {
        // E[log G] = ψ(shape) for G ~ Gamma(shape, 1); ψ(0.001) ≈ −1000.4, where G itself underflows to 0.
        var random = new RandomVariates(17);
        const int draws = 100_000;
        double sum = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = random.LogGamma(shape);
            double.IsFinite(x).ShouldBeTrue();
            sum += x;
        }

        // Var[log G] = ψ′(shape) = 1/shape² + ψ′(shape + 1) ≤ 1/shape² + π²/6.
        var sd = Math.Sqrt((1 / (shape * shape)) + (Math.PI * Math.PI / 6));
        (sum / draws).ShouldBe(MathNet.Numerics.SpecialFunctions.DiGamma(shape), 5 * sd / Math.Sqrt(draws));
    }

    [Fact]
    public void Binomial_SmallCase_MatchesExactProbabilities()
    {
        var random = new RandomVariates(3);
        var counts = new int[4];
        const int draws = 200_000;
        for (var i = 0; i < draws; i++)
        {
            counts[random.Binomial(3, 0.4)]++;
        }

        double[] exact = [0.216, 0.432, 0.288, 0.064];
        for (var k = 0; k < 4; k++)
        {
            (counts[k] / (double)draws).ShouldBe(exact[k], 0.005);
        }
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(60.0)]
    [InlineData(6000.0)]
    public void Poisson_MatchesMeanAndVariance(double lambda)
    {
        var random = new RandomVariates(5);
        const int draws = 100_000;
        double sum = 0, squares = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = random.Poisson(lambda);
            sum += x;
            squares += (double)x * x;
        }

        var mean = sum / draws;
        mean.ShouldBe(lambda, 5 * Math.Sqrt(lambda / draws));
        ((squares / draws) - (mean * mean)).ShouldBe(lambda, lambda * 0.03);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(3.5)]
    public void Gamma_MatchesMean(double shape)
    {
        var random = new RandomVariates(8);
        const int draws = 100_000;
        double sum = 0;
        for (var i = 0; i < draws; i++)
        {
            sum += random.Gamma(shape);
        }

        (sum / draws).ShouldBe(shape, 5 * Math.Sqrt(shape / draws));
    }

    [Fact]
    public void Normal_MatchesMomentsAndTails()
    {
        var random = new RandomVariates(13);
        const int draws = 1_000_000;
        double sum = 0, squares = 0, fourth = 0;
        var beyond2 = 0;
        var beyond35 = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = random.Normal();
            sum += x;
            squares += x * x;
            fourth += x * x * x * x;
            beyond2 += Math.Abs(x) > 2 ? 1 : 0;
            beyond35 += x > 3.5 ? 1 : 0;
        }

        (sum / draws).ShouldBe(0, 0.005);
        (squares / draws).ShouldBe(1, 0.01);
        (fourth / draws).ShouldBe(3, 0.05);
        (beyond2 / (double)draws).ShouldBe(0.0455, 0.001);

        // P(X > 3.5) = 2.33e-4: exercises the ziggurat's tail.
        (beyond35 / (double)draws).ShouldBe(2.33e-4, 0.6e-4);
    }

    [Fact]
    public void Beta_MatchesMeanAndVariance()
    {
        var random = new RandomVariates(21);
        const int draws = 200_000;
        double sum = 0, squares = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = random.Beta(3, 40);
            sum += x;
            squares += x * x;
        }

        var mean = sum / draws;
        mean.ShouldBe(3.0 / 43, 0.001);
        ((squares / draws) - (mean * mean)).ShouldBe(3.0 * 40 / (43 * 43 * 44), 0.00005);
    }
}
