using System.Text.Json;

namespace Tumen.Cli.Tests;

public sealed class LinkCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tumen-link-" + Guid.NewGuid().ToString("N"));

    public LinkCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<string> BackgroundAsync(int count)
    {
        var path = Path.Combine(_dir, "background.csv");
        var generated = await CliRunner.RunAsync("generate", "persons", "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--duplicates", "0.3", "--seed", "5", "--out", path);
        generated.ExitCode.ShouldBe(0, generated.Error);
        return path;
    }

    [Fact]
    public async Task Link_KoreanNameVariants_SameClusterWhenBirthYearsAgree()
    {
        var background = await BackgroundAsync(3000);
        var lines = File.ReadAllLines(background).ToList();
        lines.AddRange(
        [
            "K1,이금순,1975-03-02,혜산,T1",
            "K2,Lee Keum-soon,1975-03-02,Hyesan,T1",
            "K3,Yi Kŭm-sun,1975,,T1",
            "K4,Ri Kum Sun,02.03.1975,惠山市,T1",
            "K5,李今顺,1975-03-02,,T1",
            "K6,Li Jinshun,1975,Hyesan,T1",
            "J1,김정숙,1962-05-01,청진,T2",
            "J2,김정순,1979-05-01,청진,T3",
        ]);
        var input = Path.Combine(_dir, "input.csv");
        await File.WriteAllLinesAsync(input, lines, TestContext.Current.CancellationToken);
        var clusters = Path.Combine(_dir, "clusters.csv");

        var result = await CliRunner.RunAsync("link", "--input", input, "--out", clusters, "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var clusterOf = File.ReadAllLines(clusters).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        clusterOf.Count.ShouldBe(lines.Count - 1);
        foreach (var id in new[] { "K2", "K3", "K4", "K5", "K6" })
        {
            clusterOf[id].ShouldBe(clusterOf["K1"], $"{id} should link to K1");
        }

        string.Equals(clusterOf["J1"], clusterOf["J2"], StringComparison.Ordinal).ShouldBeFalse();
    }

    [Fact]
    public async Task Link_Json_HasSummaryAndModel()
    {
        var background = await BackgroundAsync(1000);
        var pairs = Path.Combine(_dir, "pairs.csv");
        var result = await CliRunner.RunAsync("link", "--input", background, "--pairs", pairs, "--json");
        result.ExitCode.ShouldBe(0, result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        root.GetProperty("records").GetInt32().ShouldBe(1000);
        root.GetProperty("comparisons").GetInt64().ShouldBeGreaterThan(0);
        root.GetProperty("pairs_above_threshold").GetInt64().ShouldBeGreaterThan(0);
        root.GetProperty("clusters").GetInt32().ShouldBeInRange(600, 900);
        root.GetProperty("seconds").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        var name = root.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("column").GetString() == "name");
        name.GetProperty("kind").GetString().ShouldBe("korean_name");
        var top = name.GetProperty("levels")[0];
        top.GetProperty("m").GetDouble().ShouldBeGreaterThan(top.GetProperty("u").GetDouble());
        File.ReadLines(pairs).First().ShouldBe("id_l,id_r,match_probability");
        File.ReadLines(pairs).Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Link_WithSettings_LinkOnlyAcrossTwoFiles()
    {
        var a = Write("a.csv", "rec_id,name,dob\na1,이금순,1975-03-02\na2,박영희,1980-01-01\na3,최경옥,1990-07-07\n");
        var b = Write("b.csv", "rec_id,name,dob\nb1,Ri Kum Sun,1975-03-02\nb2,Choe Kyong Ok,1990-07-07\nb3,김철,1950-02-02\n");
        var settings = Write("s.json", """{"id": "rec_id", "link_type": "link_only", "comparisons": {"name": "korean_name", "dob": "date"}, "blocking": [["name:surname"], ["dob"]], "threshold": 0.5}""");
        var clusters = Path.Combine(_dir, "clusters.csv");
        var result = await CliRunner.RunAsync("link", "--input", a, "--input", b, "--settings", settings, "--out", clusters, "--json");
        result.ExitCode.ShouldBe(0, result.Error);
        var clusterOf = File.ReadAllLines(clusters).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        clusterOf["b1"].ShouldBe(clusterOf["a1"]);
        clusterOf["b2"].ShouldBe(clusterOf["a3"]);
        string.Equals(clusterOf["b3"], clusterOf["a2"], StringComparison.Ordinal).ShouldBeFalse();
        JsonDocument.Parse(result.Out).RootElement.GetProperty("link_type").GetString().ShouldBe("link_only");
    }

    [Fact]
    public async Task Link_NamesInPerScriptColumns_MeetAcrossColumns()
    {
        // One list writes names in Latin letters, another only in Han characters or Hangul, each in its own column.
        var a = Write("a.csv", "id,name,name_ko,name_zh,birth_date\na1,Lee Keum-soon,,,1985-04-02\na2,Pak Yong-hui,,,1962-11-30\na3,Choe Mi-ran,,,1990-07-15\n");
        var b = Write("b.csv", "id,name,name_ko,name_zh,birth_date\nb1,,,李今顺,1985-04-02\nb2,,박영희,,1962-11-30\nb3,,김철,,1950-02-02\n");
        var clusters = Path.Combine(_dir, "clusters.csv");
        var result = await CliRunner.RunAsync("link", "--input", a, "--input", b, "--out", clusters, "--json");
        result.ExitCode.ShouldBe(0, result.Error);
        var clusterOf = File.ReadAllLines(clusters).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        clusterOf["b1"].ShouldBe(clusterOf["a1"]);
        clusterOf["b2"].ShouldBe(clusterOf["a2"]);
        clusterOf.Values.Distinct(StringComparer.Ordinal).Count().ShouldBe(4);
    }

    [Fact]
    public async Task Link_NoIdColumn_BadInput()
    {
        var input = Write("x.csv", "name,dob\n이금순,1975\n");
        var result = await CliRunner.RunAsync("link", "--input", input, "--json");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("id column");
        result.Error.ShouldNotContain("이금순");
    }

    [Fact]
    public async Task Link_DuplicateIds_BadInputNamingLines()
    {
        var input = Write("x.csv", "id,name\n1,이금순\n2,박영희\n1,김철\n");
        var result = await CliRunner.RunAsync("link", "--input", input);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("duplicate id");
        result.Error.ShouldContain("line 4");
        result.Error.ShouldNotContain("김철");
    }

    [Fact]
    public async Task Link_UnknownComparisonKind_BadInput()
    {
        var input = Write("x.csv", "id,name\n1,이금순\n");
        var settings = Write("s.json", """{"id": "id", "comparisons": {"name": "soundex"}, "blocking": [["name"]]}""");
        var result = await CliRunner.RunAsync("link", "--input", input, "--settings", settings);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Unknown comparison kind 'soundex'");
    }

    [Fact]
    public async Task Link_EmptyFile_BadInput()
    {
        var input = Write("empty.csv", "");
        var result = await CliRunner.RunAsync("link", "--input", input);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("empty");
    }

    [Fact]
    public async Task Link_SettingsNameMissingColumn_BadInput()
    {
        var input = Write("x.csv", "id,name\n1,이금순\n");
        var settings = Write("s.json", """{"id": "id", "comparisons": {"name": "korean_name", "dob": "date"}, "blocking": [["name"]]}""");
        var result = await CliRunner.RunAsync("link", "--input", input, "--settings", settings);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("'dob'");
    }

    [Fact]
    public async Task Link_HeaderOnly_BadInput()
    {
        var input = Write("x.csv", "id,name\n");
        var result = await CliRunner.RunAsync("link", "--input", input);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("no records");
    }
}

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tumen-gen-" + Guid.NewGuid().ToString("N"));

    public GenerateCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task GeneratePersons_WritesRecordsWithTruth()
    {
        var path = Path.Combine(_dir, "p.csv");
        var result = await CliRunner.RunAsync("generate", "persons", "--count", "200", "--duplicates", "0.25", "--seed", "9", "--out", path);
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = File.ReadAllLines(path);
        lines[0].ShouldBe("id,name,birth_date,origin,cluster");
        lines.Length.ShouldBe(201);
        lines.Skip(1).Select(l => l.Split(',')[^1]).Distinct(StringComparer.Ordinal).Count().ShouldBe(150);
    }

    [Fact]
    public async Task GeneratePersons_BadDuplicateRate_BadInput()
    {
        var result = await CliRunner.RunAsync("generate", "persons", "--count", "10", "--duplicates", "1.5", "--out", Path.Combine(_dir, "p.csv"));
        result.ExitCode.ShouldBe(2);
    }

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
