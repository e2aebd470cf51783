using Tumen.Estimation.LogLinear;

namespace Tumen.Estimation.Tests.LogLinear;

public class LogLinearFitterTests
{
    // Main-effects estimates published with SparseMSE (Chan, Silverman and Vincent 2021) and Rcapture.
    [Theory]
    [InlineData("UKdat_5", 13444.1, 0.1)]
    [InlineData("Western", 2007.1, 0.1)]
    [InlineData("Kosovo", 7394.6, 0.1)]
    [InlineData("NewOrl", 997, 1)]
    public void Fit_Independence_ReproducesPublishedEstimate(string dataset, double published, double tolerance)
    {
        var histories = TestData.Load(dataset);
        var fit = LogLinearFitter.Fit(histories, LogLinearModel.Independence(histories.ListCount));
        fit.Estimate.ShouldBe(published, tolerance);
    }

    [Fact]
    public void Fit_Kosovo123_14_34_GivesPublishedEstimate()
    {
        var histories = TestData.Load("Kosovo");
        var fit = LogLinearFitter.Fit(histories, LogLinearModel.Parse(4, "[123,14,34]"));
        fit.Estimate.ShouldBe(10357, 1);
    }

    // SparseMSE's documentation of Artificial_3 lists which models pass each check.
    [Theory]
    [InlineData("[1,2,3]", Existence.Exists)]
    [InlineData("[13,2]", Existence.Exists)]
    [InlineData("[13,23]", Existence.Exists)]
    [InlineData("[12,3]", Existence.NotFinite)]
    [InlineData("[12,13]", Existence.NotFinite)]
    [InlineData("[12,23]", Existence.NotFinite)]
    [InlineData("[12,13,23]", Existence.NotIdentifiable)]
    public void Check_Artificial3_MatchesDocumentedExistence(string model, Existence expected)
    {
        var histories = TestData.Load("Artificial_3");
        new LogLinearFitter().Check(histories, LogLinearModel.Parse(3, model)).ShouldBe(expected);
    }

    [Fact]
    public void Fit_NonOverlappingPairInModel_DropsItsCells()
    {
        var histories = TestData.Load("Artificial_3");
        var fit = LogLinearFitter.Fit(histories, LogLinearModel.Parse(3, "[13,23]"));
        fit.EmptyTerms.ShouldBe([0b101, 0b110]);
        fit.Cells.ShouldBe([1, 2, 3, 4]);

        // Four cells, four parameters: exp(intercept) = n100 n010 / n110 = 40·30/6.
        fit.Unobserved.ShouldBe(200, 1e-6);
    }
}
