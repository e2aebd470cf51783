using Tumen.Estimation.Intervals;
using Tumen.Estimation.LogLinear;

namespace Tumen.Estimation.Tests.Intervals;

public class ProfileLikelihoodTests
{
    [Theory]
    [InlineData("Kosovo", "[123,14,34]")]
    [InlineData("Western", "[15,2,3,4]")]
    [InlineData("UKdat_5", "[main effects]")]
    public void Interval_SurroundsEstimateAboveObserved(string dataset, string model)
    {
        var histories = TestData.Load(dataset);
        var parsed = model.Contains("main", StringComparison.Ordinal)
            ? LogLinearModel.Independence(histories.ListCount)
            : LogLinearModel.Parse(histories.ListCount, model);
        var fit = LogLinearFitter.Fit(histories, parsed);
        var interval = ProfileLikelihood.Interval(histories, parsed, fit.Estimate);

        interval.ShouldNotBeNull();
        interval.Value.Lower.ShouldBeGreaterThan(histories.Observed);
        interval.Value.Lower.ShouldBeLessThan(fit.Estimate);
        interval.Value.Upper.ShouldBeGreaterThan(fit.Estimate);
    }

    [Fact]
    public void Interval_WiderAtHigherLevel()
    {
        var histories = TestData.Load("Kosovo");
        var model = LogLinearModel.Independence(4);
        var fit = LogLinearFitter.Fit(histories, model);
        var narrow = ProfileLikelihood.Interval(histories, model, fit.Estimate, 0.80)!.Value;
        var wide = ProfileLikelihood.Interval(histories, model, fit.Estimate, 0.99)!.Value;
        wide.Lower.ShouldBeLessThan(narrow.Lower);
        wide.Upper.ShouldBeGreaterThan(narrow.Upper);
    }
}
