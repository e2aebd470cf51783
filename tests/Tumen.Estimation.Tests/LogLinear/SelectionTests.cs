using Tumen.Estimation.LogLinear;

namespace Tumen.Estimation.Tests.LogLinear;

public class SelectionTests
{
    [Theory]
    [InlineData("UKdat_5", 11313)]
    [InlineData("Western", 2483)]
    [InlineData("NewOrl", 1184)]
    public void Stepwise_Threshold002_ReproducesPublishedEstimate(string dataset, double published)
    {
        var histories = TestData.Load(dataset);
        var fit = StepwiseSelection.Select(histories, new LogLinearFitter());
        Math.Round(fit.Estimate).ShouldBe(published, 1);
    }

    [Fact]
    public void Stepwise_Western_AddsOnlyTheAEInteraction()
    {
        var fit = StepwiseSelection.Select(TestData.Load("Western"), new LogLinearFitter());
        fit.Model.Name().ShouldBe("[15,2,3,4]");
    }

    [Fact]
    public void Stepwise_ThresholdZero_IsIndependence()
    {
        var histories = TestData.Load("Kosovo");
        StepwiseSelection.Select(histories, new LogLinearFitter(), 0).Model.Terms.ShouldBeEmpty();
    }

    [Fact]
    public void Stepwise_ReplicateThatLostAList_KeepsMainEffectsAsTheReference()
    {
        // NewOrl's 134th bootstrap replicate with seed 1234 (R's rmultinom): nobody is left on B.
        // SparseMSE's stepwise selection keeps main effects there and gives 1,110.461 (R 4.2.2).
        (string Lists, long Count)[] replicate =
        [
            ("10000000", 25), ("10100000", 1), ("10010000", 2), ("10001000", 1),
            ("10100010", 0), ("10011000", 0), ("01000000", 0), ("01000100", 0),
            ("00100000", 71), ("00110000", 2), ("00101000", 0), ("00100010", 2),
            ("00010000", 37), ("00011000", 3), ("00001000", 7), ("00001001", 2),
            ("00000100", 4), ("00000010", 7), ("00000001", 21)
        ];
        var newOrleans = TestData.Load("NewOrl");
        var cells = new long[newOrleans.CellCount];
        foreach (var (lists, count) in replicate)
        {
            cells[lists.Select((on, i) => on == '1' ? 1 << i : 0).Sum()] = count;
        }

        var histories = newOrleans.WithCells(cells);
        var fit = StepwiseSelection.Select(histories, new LogLinearFitter());
        fit.Model.Terms.ShouldBeEmpty();
        fit.Estimate.ShouldBe(1110.461, 0.001);
    }

    [Fact]
    public void Stepwise_Artificial3_NeverAddsTheImpossibleAB()
    {
        var fit = StepwiseSelection.Select(TestData.Load("Artificial_3"), new LogLinearFitter(), threshold: 0.5);
        fit.Model.Terms.ShouldNotContain(0b011);
    }

    [Fact]
    public void Bic_Kosovo_Picks123_14_34()
    {
        var fit = BicSelection.Select(TestData.Load("Kosovo"), new LogLinearFitter());
        fit.ShouldNotBeNull();
        fit.Model.Name().ShouldBe("[123,14,34]");
        Math.Round(fit.Estimate).ShouldBe(10357, 1);
    }

    [Fact]
    public void Average_Kosovo_WeighsTheBicModelMostAndStaysWithinCandidates()
    {
        var histories = TestData.Load("Kosovo");
        var checker = new LogLinearFitter();
        var candidates = BicSelection.Candidates(histories, checker);
        var average = ModelAveraging.Average(histories, checker);

        average.ShouldNotBeNull();
        average.Models.ShouldBe(candidates.Count);
        average.Top.Name().ShouldBe("[123,14,34]");
        average.Estimate.ShouldBeInRange(candidates.Min(f => f.Estimate), candidates.Max(f => f.Estimate));
        average.Lower.ShouldBeLessThan(average.Estimate);
        average.Upper.ShouldBeGreaterThan(average.Estimate);
    }
}
