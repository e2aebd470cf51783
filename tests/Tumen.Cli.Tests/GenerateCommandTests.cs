namespace Tumen.Cli.Tests;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tumen-generate-" + Guid.NewGuid().ToString("N"));

    public GenerateCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task GeneratePersons_KindField_WritesImportColumnsWithPersonId()
    {
        var path = Path.Combine(_dir, "field.csv");
        var result = await CliRunner.RunAsync("generate", "persons", "--kind", "field", "--count", "300", "--seed", "7", "--out", path);
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = File.ReadAllLines(path);
        lines[0].ShouldBe("id,source,name,name_ko,name_zh,sex,birth_date,origin,person_id");
        lines.Length.ShouldBe(301);
        result.Out.ShouldStartWith("300 records of ");
    }

    [Fact]
    public async Task GeneratePersons_KindGerman_WritesRLdataColumnsWithTenPercentDuplicates()
    {
        var path = Path.Combine(_dir, "german.csv");
        var result = await CliRunner.RunAsync("generate", "persons", "--kind", "german", "--count", "1000", "--seed", "3", "--out", path);
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = File.ReadAllLines(path);
        lines[0].ShouldBe("fname_c1,fname_c2,lname_c1,lname_c2,by,bm,bd,rec_id,ent_id");
        lines.Skip(1).Select(l => l.Split(',')[^1]).Distinct(StringComparer.Ordinal).Count().ShouldBe(900);
    }

    [Fact]
    public async Task GeneratePersons_KindFieldWithDuplicates_BadInput()
    {
        var result = await CliRunner.RunAsync("generate", "persons", "--kind", "field", "--count", "10", "--duplicates", "0.3", "--out", Path.Combine(_dir, "f.csv"));
        result.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task GeneratePersons_UnknownKind_Refused()
    {
        var result = await CliRunner.RunAsync("generate", "persons", "--kind", "french", "--count", "10", "--out", Path.Combine(_dir, "f.csv"));
        result.ExitCode.ShouldNotBe(0);
        File.Exists(Path.Combine(_dir, "f.csv")).ShouldBeFalse();
    }
}
