using Tumen.Estimation.Input;
using Tumen.Estimation.LogLinear;

namespace Tumen.Estimation.Tests.LogLinear;

public class TwoListEstimatorTests
{
    [Fact]
    public void Chapman_TextbookCounts_GivesCorrectedEstimate()
    {
        // n1 = 100, n2 = 80, both = 20: (101·81/21) − 1.
        var histories = CaptureHistories.Create(["a", "b"], [new(0b01, 80), new(0b10, 60), new(0b11, 20)]);
        var chapman = TwoListEstimator.Chapman(histories);
        chapman.Estimate.ShouldBe((101.0 * 81 / 21) - 1, 1e-9);
        chapman.Variance.ShouldBe(101.0 * 81 * 80 * 60 / (21.0 * 21 * 22), 1e-9);
        chapman.Lower.ShouldBeGreaterThan(histories.Observed);
        chapman.Upper.ShouldBeGreaterThan(chapman.Estimate);
    }

    [Fact]
    public void Chapman_TwoLists_CloseToIndependenceModel()
    {
        var histories = CaptureHistories.Create(["a", "b"], [new(0b01, 400), new(0b10, 300), new(0b11, 100)]);
        var independence = LogLinearFitter.Fit(histories, LogLinearModel.Independence(2));
        independence.Estimate.ShouldBe(500.0 * 400 / 100, 1e-6);
        TwoListEstimator.Chapman(histories).Estimate.ShouldBe(independence.Estimate, independence.Estimate * 0.01);
    }
}
