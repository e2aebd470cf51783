using System.Xml.Linq;
using Tumen.Estimation.Output;

namespace Tumen.Estimation.Tests.Output;

public class EstimateChartTests
{
    [Fact]
    public void Render_TwoStrata_OneDotPerEstimateAndNoEstimateLabelled()
    {
        var first = new EstimationReport(100, ["a", "b", "c"],
        [
            new EstimationResult("stepwise", "[12,3]", 250, 180, 400, 0.95, "bca bootstrap", []),
            new EstimationResult("independence", "[main effects]", 210, 170, 290, 0.95, "profile likelihood", []),
        ]);
        var second = new EstimationReport(40, ["a", "b", "c"],
        [
            new EstimationResult("stepwise", null, null, null, null, 0.95, null, ["No estimate exists"]),
        ]);

        var svg = EstimateChart.Render([new StratumReport("2019 & before", first), new StratumReport("2020", second)]);

        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        document.Descendants(ns + "circle").Count().ShouldBe(2);
        svg.ShouldContain("2019 &amp; before · stepwise");
        svg.ShouldContain("no estimate exists");
    }
}
