using System.Text.Json;

namespace Tumen.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tumen-extract-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Extract_Documents_PrintsTheJsonContract()
    {
        var a = Write("a.txt", "Published: May 12, 2024\nAccording to Human Rights Watch, between 60 and 65 percent of the women interviewed were sold into forced marriage in Yanbian. Brokers earn US$48 million a year.\n“I was sold to a farmer in Yanbian and he beat me,” a survivor told researchers.");
        var b = Write("b.md", "# Echo\nHuman Rights Watch said 60-65% of the women it spoke to were sold into forced marriages. The trade brings brokers USD 48 mln per year.\nOne woman said: \"I was sold to a farmer in Yanbian and he beat me.\"");

        var result = await CliRunner.RunAsync("extract", a, b, "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        foreach (var key in new[] { "documents", "claims", "dates", "places", "violations", "quotes", "organisations", "echoes", "claim_groups" })
        {
            root.GetProperty(key).ValueKind.ShouldBe(JsonValueKind.Array, key);
        }

        var docs = root.GetProperty("documents").EnumerateArray().ToList();
        docs.Count.ShouldBe(2);
        docs[0].GetProperty("sha256").GetString()!.Length.ShouldBe(64);
        docs[0].GetProperty("language").GetString().ShouldBe("en");
        docs[0].GetProperty("file").GetString().ShouldBe("a.txt");
        var id = docs[0].GetProperty("id").GetString();

        var share = root.GetProperty("claims").EnumerateArray().First(c => c.GetProperty("unit").GetString() == "percent");
        share.GetProperty("document").GetString().ShouldBe(id);
        share.GetProperty("low").GetDouble().ShouldBe(60);
        share.GetProperty("high").GetDouble().ShouldBe(65);
        share.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        share.GetProperty("asserted_by").GetString().ShouldBe("Human Rights Watch");
        share.GetProperty("counts").GetString()!.ShouldContain("sold into forced marriage");
        share.GetProperty("span").GetArrayLength().ShouldBe(2);

        root.GetProperty("dates").EnumerateArray().ShouldContain(d => d.GetProperty("start").GetString() == "2024-05-12");
        root.GetProperty("places").EnumerateArray().ShouldContain(p => p.GetProperty("place_id").GetString() == "CN-JL-YB" && p.GetProperty("name_en").GetString() == "Yanbian Korean Autonomous Prefecture");
        root.GetProperty("violations").EnumerateArray().ShouldContain(v => v.GetProperty("type").GetString() == "forced_marriage");
        root.GetProperty("organisations").EnumerateArray().ShouldContain(o => o.GetProperty("name").GetString() == "Human Rights Watch");

        var quote = root.GetProperty("quotes").EnumerateArray().Single(q => q.GetProperty("text").GetString()!.Contains("farmer", StringComparison.Ordinal));
        quote.GetProperty("occurrences").GetArrayLength().ShouldBe(2);
        quote.GetProperty("speaker").GetString().ShouldBe("a survivor");

        var echo = root.GetProperty("echoes").EnumerateArray().ShouldHaveSingleItem();
        echo.GetProperty("documents").GetArrayLength().ShouldBe(2);
        echo.GetProperty("kind").GetString().ShouldBe("shared_testimony");

        var group = root.GetProperty("claim_groups").EnumerateArray().Single(g => g.GetProperty("unit").GetString() == "usd");
        group.GetProperty("verdict").GetString().ShouldBe("consistent");
        group.GetProperty("claims").GetArrayLength().ShouldBe(2);
        group.GetProperty("claims")[0].GetProperty("value").GetDouble().ShouldBe(48_000_000);
    }

    [Fact]
    public async Task Extract_BadFileInFolder_GoesOnAndReportsItAtTheEnd()
    {
        Write("good.txt", "Some 150,000 refugees live in Jilin.");
        File.WriteAllBytes(Path.Combine(_dir.FullName, "junk.txt"), [0, 1, 2, 3, 0, 255, 0, 7]);

        var result = await CliRunner.RunAsync("extract", _dir.FullName, "--json");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("junk.txt");
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("documents").EnumerateArray().ShouldHaveSingleItem().GetProperty("file").GetString().ShouldBe("good.txt");
        json.RootElement.GetProperty("skipped").EnumerateArray().ShouldHaveSingleItem().GetString()!.ShouldContain("junk.txt");
    }

    [Fact]
    public async Task Extract_NothingReadable_FailsWithBadInput()
    {
        var result = await CliRunner.RunAsync("extract", Path.Combine(_dir.FullName, "missing.txt"), "--json");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("tumen:");
        result.Out.ShouldBeEmpty();
    }
}
