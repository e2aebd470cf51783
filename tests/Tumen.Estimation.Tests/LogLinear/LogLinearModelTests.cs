using Tumen.Estimation.LogLinear;

namespace Tumen.Estimation.Tests.LogLinear;

public class LogLinearModelTests
{
    [Fact]
    public void Parse_BracketNotation_GeneratesHierarchicalTerms()
    {
        var model = LogLinearModel.Parse(4, "[123,14,34]");
        model.Terms.ShouldBe([0b0011, 0b0101, 0b0110, 0b1001, 0b1100, 0b0111]);
        model.IsHierarchical().ShouldBeTrue();
        model.Name().ShouldBe("[123,14,34]");
    }

    [Fact]
    public void Name_ListsOutsideInteractions_AreShownAlone()
    {
        LogLinearModel.Of(5, [0b10001]).Name().ShouldBe("[15,2,3,4]");
        LogLinearModel.Independence(3).Name().ShouldBe("[main effects]");
    }

    [Fact]
    public void IsHierarchical_ThreeWayWithoutItsPairs_IsFalse() =>
        LogLinearModel.Of(3, [0b111, 0b011]).IsHierarchical().ShouldBeFalse();

    [Fact]
    public void Parse_ListBeyondCount_Throws() =>
        Should.Throw<ArgumentException>(() => LogLinearModel.Parse(3, "[14]"));
}
