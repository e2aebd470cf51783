using System.Text.Json;

namespace Tumen.Cli.Tests;

public sealed class EstimateCommandTests : IDisposable
{
    // Western (SparseMSE): public benchmark counts, written to a scratch folder per test class.
    private const string Western = "\"A\",\"B\",\"C\",\"D\",\"E\",\"n\"\n1,0,0,0,0,52\n0,1,0,0,0,90\n0,0,1,0,0,114\n0,0,0,1,0,45\n0,0,0,0,1,21\n"
        + "1,0,1,0,0,4\n1,0,0,1,0,2\n1,0,0,0,1,5\n0,1,1,0,0,6\n0,1,0,1,0,1\n0,0,0,1,1,3\n1,0,1,0,1,1\n0,1,1,1,0,1\n";

    private const string Artificial3 = "A,B,C,n\n1,0,0,40\n0,1,0,30\n0,0,1,20\n1,1,0,6\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tumen-estimate-tests-" + Guid.NewGuid().ToString("N"));

    public EstimateCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Estimate_IndependenceJson_PrintsContract()
    {
        var input = Write("western.csv", Western);
        var result = await CliRunner.RunAsync("estimate", "--input", input, "--method", "independence", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("observed").GetInt64().ShouldBe(345);
        root.GetProperty("lists").EnumerateArray().Select(e => e.GetString()).ShouldBe(["A", "B", "C", "D", "E"]);
        var first = root.GetProperty("results")[0];
        first.GetProperty("method").GetString().ShouldBe("independence");
        first.GetProperty("model").GetString().ShouldBe("[main effects]");
        first.GetProperty("estimate").GetDouble().ShouldBe(2007.1, 0.1);
        first.GetProperty("lower").GetDouble().ShouldBeLessThan(2007.1);
        first.GetProperty("upper").GetDouble().ShouldBeGreaterThan(2007.1);
        first.GetProperty("level").GetDouble().ShouldBe(0.95);
        first.GetProperty("warnings").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Estimate_StepwiseWithBootstrapAndChart_WritesSvg()
    {
        var input = Write("western.csv", Western);
        var chart = Path.Combine(_folder, "chart.svg");
        var result = await CliRunner.RunAsync("estimate", "--input", input, "--bootstrap", "100", "--seed", "3", "--json", "--chart", chart);

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var stepwise = json.RootElement.GetProperty("results")[0];
        stepwise.GetProperty("method").GetString().ShouldBe("stepwise");
        stepwise.GetProperty("model").GetString().ShouldBe("[15,2,3,4]");
        Math.Round(stepwise.GetProperty("estimate").GetDouble()).ShouldBe(2483);
        File.ReadAllText(chart).ShouldContain("<svg");
    }

    [Fact]
    public async Task Estimate_ImpossibleModel_SaysNoEstimateAndExitsNoEstimate()
    {
        var input = Write("artificial.csv", Artificial3);
        var result = await CliRunner.RunAsync("estimate", "--input", input, "--model", "[12,3]", "--json");

        result.ExitCode.ShouldBe(6);
        result.Error.ShouldContain("No estimate exists");
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("results")[0].GetProperty("estimate").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("stepwise")]
    [InlineData("all")]
    public async Task Estimate_ListNobodyElseIsOn_SaysNoEstimateAndExitsNoEstimate(string method)
    {
        var input = Write("artificial.csv", Artificial3);
        var result = await CliRunner.RunAsync("estimate", "--input", input, "--method", method, "--bootstrap", "50", "--chains", "1", "--json");

        result.ExitCode.ShouldBe(6, result.Error);
        result.Error.ShouldContain("No estimate exists: nobody on list 'C' appears on any other list");
        using var json = JsonDocument.Parse(result.Out);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBe(method == "all" ? 5 : 1);
        results.ShouldAllBe(r => r.GetProperty("estimate").ValueKind == JsonValueKind.Null);
    }

    [Theory]
    [InlineData("a,b,n\n1,0,4\n2,1,3\n", "line 3, column 1")]
    [InlineData("a,b,n\n1,0,4\n0,1,-3\n1,1,1\n", "negative")]
    [InlineData("a,b,n\n1,0,4\n0,1,1.5\n1,1,1\n", "fractional")]
    [InlineData("a,n\n1,4\n", "at least two list columns")]
    [InlineData("a,b,n\n1,0,4\n1,1,3\n", "contains everyone")]
    public async Task Estimate_BadInput_ExitsBadInputWithClearMessage(string csv, string expected)
    {
        var input = Write("bad.csv", csv);
        var result = await CliRunner.RunAsync("estimate", "--input", input, "--method", "independence");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("tumen: bad.csv");
        result.Error.ShouldContain(expected);
    }

    [Fact]
    public async Task Estimate_UnknownMethod_ExitsBadInput()
    {
        var input = Write("western.csv", Western);
        var result = await CliRunner.RunAsync("estimate", "--input", input, "--method", "guess");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("unknown --method");
    }

    [Fact]
    public async Task Estimate_NoInputAndNoWorkspace_SaysWhatToGive()
    {
        var missing = Path.Combine(Path.GetTempPath(), "tumen-no-workspace-" + Guid.NewGuid().ToString("N"));
        var result = await CliRunner.RunAsync(new Dictionary<string, string>(StringComparer.Ordinal) { ["TUMEN_WORKSPACE"] = missing }, "estimate");
        result.ExitCode.ShouldBe(4);
        result.Error.ShouldContain("no workspace at");
        result.Error.ShouldContain("tumen estimate --input FILE.csv");
        Directory.Exists(missing).ShouldBeFalse();
    }

    [Fact]
    public async Task Estimate_StratumColumn_ReportsEachStratum()
    {
        var csv = "stratum,a,b,c,n\nnorth,1,0,0,40\nnorth,0,1,0,30\nnorth,0,0,1,25\nnorth,1,1,0,8\nnorth,0,1,1,6\nnorth,1,0,1,5\n"
            + "south,1,0,0,35\nsouth,0,1,0,28\nsouth,0,0,1,22\nsouth,1,1,0,7\nsouth,0,1,1,4\nsouth,1,0,1,6\n";
        var input = Write("strata.csv", csv);
        var result = await CliRunner.RunAsync("estimate", "--input", input, "--method", "independence", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("observed").GetInt64().ShouldBe(216);
        var strata = json.RootElement.GetProperty("strata");
        strata.GetArrayLength().ShouldBe(2);
        strata[0].GetProperty("stratum").GetString().ShouldBe("north");
        strata[0].GetProperty("observed").GetInt64().ShouldBe(114);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
