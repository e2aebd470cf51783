namespace Tumen.Cli.Tests;

/// <summary>Linking inputs so small or so different that a blocking rule forms no block at all.</summary>
public sealed class LinkSmallInputTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tumen-link-small-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Link_WhenNoRuleFormsABlock_GivesEveryRecordItsOwnCluster()
    {
        Directory.CreateDirectory(_root);
        var a = Path.Combine(_root, "a.csv");
        var b = Path.Combine(_root, "b.csv");
        await File.WriteAllTextAsync(a, "id,name,birth_date\na1,Kim Ok-sun,1980-01-02\na2,Pak Myong-hui,1991-05-06\n");
        await File.WriteAllTextAsync(b, "id,name,birth_date\nb1,Choe Un-hui,1975-11-12\nb2,Ri Chun-hwa,2001-07-08\n");
        var result = await CliRunner.RunAsync("link", "--input", a, "--input", b, "--json");
        result.ExitCode.ShouldBe(0, result.Error);
        var summary = System.Text.Json.JsonDocument.Parse(result.Out).RootElement;
        summary.GetProperty("records").GetInt32().ShouldBe(4);
        summary.GetProperty("clusters").GetInt32().ShouldBe(4);
    }
}
