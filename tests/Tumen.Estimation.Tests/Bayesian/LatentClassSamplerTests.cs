using Tumen.Estimation.Bayesian;
using Tumen.Estimation.Intervals;

namespace Tumen.Estimation.Tests.Bayesian;

public class LatentClassSamplerTests
{
    // Reference: LCMCR on Kosovo with K = 10, a = b = 0.25, 10,000 burn-in, 1,000 samples thinned
    // by 100 gives a posterior median near 10,400 and a 95 % interval near [9,200, 14,000].
    // Every single chain's median holds to 3 %, but one chain's 1,000 draws have an effective
    // sample size of 25 to 320, and a chain that strays into the low tail puts its lower end well
    // below (seed 3 here: 7,312). The reference package itself, built and run here, does the same:
    // all three tolerances hold for 163 of its seeds 1–200 and for 80 of ours 1–100 (see
    // docs/estimation.md). The ends are therefore checked on the pooled draws of the seeds.
    [Fact]
    public void Run_KosovoReferenceSettingsSeveralSeeds_MatchesPublishedPosterior()
    {
        var histories = TestData.Load("Kosovo");
        var pooled = new List<double>();
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            var posterior = LatentClassSampler.Run(histories, new LatentClassOptions(Seed: seed), cancellationToken: TestContext.Current.CancellationToken);
            posterior.Draws.Count.ShouldBe(1000);
            posterior.Median.ShouldBe(10400, 10400 * 0.03, $"seed {seed}");
            posterior.Draws.ShouldAllBe(n => n >= histories.Observed);

            // With α stuck at 0 (log(1 − V) = −∞ before the stick-breaking moved to logs) chains
            // lost classes for good and settled on 3 to 5; a healthy chain uses about 7.
            posterior.Diagnostics.ClassesUsed.ShouldBeGreaterThan(6, $"seed {seed}");
            pooled.AddRange(posterior.Draws.Select(n => (double)n));
        }

        pooled.Sort();
        BcaBootstrap.Quantile(pooled, 0.5).ShouldBe(10400, 10400 * 0.03);
        BcaBootstrap.Quantile(pooled, 0.025).ShouldBe(9200, 9200 * 0.07);
        BcaBootstrap.Quantile(pooled, 0.975).ShouldBe(14000, 14000 * 0.07);
    }

    [Fact]
    public void Run_SameSeed_SameDraws()
    {
        var histories = TestData.Load("Western");
        var options = new LatentClassOptions(BurnIn: 500, Samples: 100, Thinning: 5, Seed: 42);
        var first = LatentClassSampler.Run(histories, options, cancellationToken: TestContext.Current.CancellationToken);
        var second = LatentClassSampler.Run(histories, options, cancellationToken: TestContext.Current.CancellationToken);
        first.Draws.ShouldBe(second.Draws);
        first.Lower.ShouldBeLessThanOrEqualTo(first.Median);
        first.Median.ShouldBeLessThanOrEqualTo(first.Upper);
        first.Diagnostics.EffectiveSampleSize.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void RunChains_PoolsDrawsAndReportsRhat()
    {
        var histories = TestData.Load("Western");
        var options = new LatentClassOptions(BurnIn: 500, Samples: 100, Thinning: 5, Seed: 42);
        var pooled = LatentClassSampler.RunChains(histories, options, chains: 3, cancellationToken: TestContext.Current.CancellationToken);
        pooled.Draws.Count.ShouldBe(300);
        pooled.Diagnostics.Chains.ShouldBe(3);
        pooled.Diagnostics.PotentialScaleReduction.ShouldBeGreaterThan(0.9);
        pooled.Draws.Take(100).ShouldBe(LatentClassSampler.Run(histories, options, cancellationToken: TestContext.Current.CancellationToken).Draws);
    }
}
