using Tumen.Estimation.Input;

namespace Tumen.Estimation.Tests;

public class PopulationEstimatorTests
{
    private static readonly EstimationOptions Fast = new([EstimationMethod.Independence], BootstrapReplicates: 0);

    [Fact]
    public void Estimate_Artificial3ImpossibleModel_SaysNoEstimateExists()
    {
        var report = PopulationEstimator.Estimate(
            TestData.Load("Artificial_3"), Fast with { Methods = [EstimationMethod.Fixed], FixedModel = "[12,3]" }, TestContext.Current.CancellationToken);
        var result = report.Results.ShouldHaveSingleItem();
        result.Estimate.ShouldBeNull();
        result.Lower.ShouldBeNull();
        result.Warnings.ShouldContain(w => w.StartsWith("No estimate exists", StringComparison.Ordinal) && w.Contains("not finite", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_Artificial3AllPairs_SaysNotIdentifiable()
    {
        var report = PopulationEstimator.Estimate(
            TestData.Load("Artificial_3"), Fast with { Methods = [EstimationMethod.Fixed], FixedModel = "[12,13,23]" }, TestContext.Current.CancellationToken);
        var result = report.Results.ShouldHaveSingleItem();
        result.Estimate.ShouldBeNull();
        result.Warnings.ShouldContain(w => w.Contains("not identifiable", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_Artificial3DefaultMethods_SayNoEstimateExists()
    {
        // List C shares nobody with A or B: independence alone would print 539, [13,23] 296.
        var report = PopulationEstimator.Estimate(
            TestData.Load("Artificial_3"),
            new EstimationOptions([.. EstimationOptions.All], BootstrapReplicates: 100, Chains: 1),
            TestContext.Current.CancellationToken);
        report.Results.Select(r => r.Method).ShouldBe(["independence", "stepwise", "bic", "average", "lcmcr"]);
        foreach (var result in report.Results)
        {
            result.Estimate.ShouldBeNull(result.Method);
            result.Lower.ShouldBeNull();
            result.Upper.ShouldBeNull();
            result.Warnings.ShouldContain(w => w.StartsWith("No estimate exists: nobody on list 'C'", StringComparison.Ordinal), result.Method);
        }

        report.Results.Single(r => r.Method == "lcmcr").Warnings.ShouldContain(w => w.Contains("from its prior", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UKdat_5", EstimationMethod.Independence, 13444.1, 0.1)]
    [InlineData("UKdat_5", EstimationMethod.Stepwise, 11313, 1)]
    [InlineData("Western", EstimationMethod.Independence, 2007.1, 0.1)]
    [InlineData("Western", EstimationMethod.Stepwise, 2483, 1)]
    [InlineData("NewOrl", EstimationMethod.Independence, 997, 1)]
    [InlineData("NewOrl", EstimationMethod.Stepwise, 1184, 1)]
    [InlineData("Kosovo", EstimationMethod.Independence, 7394.6, 0.1)]
    [InlineData("Kosovo", EstimationMethod.Bic, 10357, 1)]
    public void Estimate_PublishedTables_PassTheRecaptureCheckAndReproduceThePublishedFigures(
        string name, EstimationMethod method, double published, double tolerance)
    {
        // New Orleans has lists (B and F) that share people only with each other: still estimated.
        var result = PopulationEstimator.Estimate(TestData.Load(name), Fast with { Methods = [method] }, TestContext.Current.CancellationToken)
            .Results.ShouldHaveSingleItem();
        result.Estimate.ShouldNotBeNull();
        result.Estimate.Value.ShouldBe(published, tolerance);
        result.Warnings.ShouldNotContain(w => w.StartsWith("No estimate exists", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_Artificial3ExistingNamedModel_StillSaysNoEstimateExists()
    {
        // [13,23] passes the per-model check (Chan, Silverman and Vincent, Table 3) but C is unlinked.
        var report = PopulationEstimator.Estimate(
            TestData.Load("Artificial_3"), Fast with { Methods = [EstimationMethod.Fixed], FixedModel = "[13,23]" }, TestContext.Current.CancellationToken);
        var result = report.Results.ShouldHaveSingleItem();
        result.Model.ShouldBe("[13,23]");
        result.Estimate.ShouldBeNull();
        result.Warnings.ShouldContain(w => w.StartsWith("No estimate exists: nobody on list 'C'", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_TwoListsWithNobodyInCommon_ChapmanSaysNoEstimateExists()
    {
        var histories = CaptureHistories.Create(["a", "b"], [new(0b01, 20), new(0b10, 15)]);
        var result = PopulationEstimator.Estimate(histories, Fast with { Methods = [EstimationMethod.Chapman] }, TestContext.Current.CancellationToken)
            .Results.ShouldHaveSingleItem();
        result.Method.ShouldBe("chapman");
        result.Estimate.ShouldBeNull();
    }

    [Fact]
    public void Estimate_WesternIndependence_WarnsOfDependence()
    {
        var result = PopulationEstimator.Estimate(TestData.Load("Western"), Fast, TestContext.Current.CancellationToken).Results.ShouldHaveSingleItem();
        result.Method.ShouldBe("independence");
        result.Model.ShouldBe("[main effects]");
        result.Estimate!.Value.ShouldBe(2007.1, 0.1);
        result.Warnings.ShouldContain(w => w.Contains("not independent", StringComparison.Ordinal));
        result.Warnings.ShouldContain(w => w.Contains("nobody in common", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_TwoLists_WarnsAndOffersChapman()
    {
        var histories = CaptureHistories.Create(["a", "b"], [new(0b01, 20), new(0b10, 15), new(0b11, 5)]);
        var report = PopulationEstimator.Estimate(histories, Fast with { Methods = [EstimationMethod.Independence, EstimationMethod.Chapman] }, TestContext.Current.CancellationToken);
        report.Results.Select(r => r.Method).ShouldBe(["independence", "chapman"]);
        report.Results.ShouldAllBe(r => r.Warnings.Any(w => w.StartsWith("Only two lists", StringComparison.Ordinal)));
        report.Results.ShouldAllBe(r => r.Warnings.Any(w => w.Contains("people observed", StringComparison.Ordinal)));
    }

    [Fact]
    public void Estimate_StepwiseWithBootstrap_GivesBcaInterval()
    {
        var report = PopulationEstimator.Estimate(
            TestData.Load("UKdat_5"), new EstimationOptions([EstimationMethod.Stepwise], BootstrapReplicates: 200), TestContext.Current.CancellationToken);
        var result = report.Results.ShouldHaveSingleItem();
        result.Estimate!.Value.ShouldBe(11313, 1);
        result.Interval.ShouldBe("bca bootstrap");
        result.Lower!.Value.ShouldBeLessThan(11313);
        result.Upper!.Value.ShouldBeGreaterThan(11313);
        result.Warnings.ShouldContain(w => w.Contains("bootstrap replicates", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_WesternStepwiseBca_ReproducesThePublishedIntervalAndWarnsOfItsLowerEnd()
    {
        var result = PopulationEstimator.Estimate(
            TestData.Load("Western"), new EstimationOptions([EstimationMethod.Stepwise], BootstrapReplicates: 1000), TestContext.Current.CancellationToken)
            .Results.ShouldHaveSingleItem();
        result.Model.ShouldBe("[15,2,3,4]");
        result.Estimate!.Value.ShouldBe(2483, 1);

        // Chan, Silverman and Vincent (2021): BCa 95 % (1,293, 3,670) with SparseMSE's default seed 1234.
        result.Lower!.Value.ShouldBe(1293, 1293 * 0.02);
        result.Upper!.Value.ShouldBe(3670, 3670 * 0.02);
        result.Warnings.ShouldContain(w => w.StartsWith("The lower end of the interval is the most extreme of the 1,000 bootstrap replicates", StringComparison.Ordinal));
        result.Warnings.ShouldNotContain(w => w.StartsWith("The upper end of the interval", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_NewOrleansStepwiseBca_ReproducesThePublishedInterval()
    {
        var result = PopulationEstimator.Estimate(
            TestData.Load("NewOrl"), new EstimationOptions([EstimationMethod.Stepwise], BootstrapReplicates: 1000), TestContext.Current.CancellationToken)
            .Results.ShouldHaveSingleItem();
        result.Estimate!.Value.ShouldBe(1184, 1);

        // Chan, Silverman and Vincent (2021): BCa 95 % (717, 1,657).
        result.Lower!.Value.ShouldBe(717, 717 * 0.02);
        result.Upper!.Value.ShouldBe(1657, 1657 * 0.02);
    }

    [Fact]
    public void Estimate_KosovoMethodsDisagree_WarnsOfHeterogeneity()
    {
        var report = PopulationEstimator.Estimate(
            TestData.Load("Kosovo"),
            Fast with { Methods = [EstimationMethod.Independence, EstimationMethod.Bic] },
            TestContext.Current.CancellationToken);

        // 7,395 (independence) against 10,357 (BIC) is a spread of 40 %: below the 1.5× threshold.
        report.Warnings.ShouldNotBeNull();
        report.Warnings.ShouldBeEmpty();

        var wide = PopulationEstimator.Estimate(
            TestData.Load("Kosovo"),
            Fast with { Methods = [EstimationMethod.Independence, EstimationMethod.Stepwise] },
            TestContext.Current.CancellationToken);
        wide.Warnings.ShouldHaveSingleItem().ShouldContain("disagree");
    }
}
