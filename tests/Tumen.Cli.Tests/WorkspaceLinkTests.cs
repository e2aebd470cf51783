using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tumen.Cli.Tests;

/// <summary>
/// The workspace pipeline after import: <c>tumen link</c> stores clusters and a review queue,
/// <c>tumen review</c> decisions bind later runs, and <c>tumen estimate</c> counts linked persons by list.
/// </summary>
public sealed class WorkspaceLinkTests : IDisposable
{
    private static readonly string[] Surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"];
    private static readonly string[] FirstSyllables = ["순", "영", "미", "정", "은", "혜"];
    private static readonly string[] SecondSyllables = ["희", "숙", "옥", "화", "란", "실", "녀"];
    private static readonly string[] Origins = ["Hyesan", "Musan", "Chongjin", "Hoeryong"];
    private static readonly string[] ListNames = ["List A", "List B", "List C"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "tumen-wslink-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _variables;

    public WorkspaceLinkTests()
    {
        _variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TUMEN_WORKSPACE"] = Path.Combine(_root, "ws"),
            ["TUMEN_PASSPHRASE"] = "workspace link passphrase",
            ["TUMEN_ACTOR"] = "reviewer-7",
        };
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task<CliRunner.Result> RunAsync(params string[] args) => CliRunner.RunAsync(_variables, args);

    /// <summary>60 distinct women, each on the lists her number selects; woman 0 is written in three scripts.</summary>
    private static List<(int Person, int List, string Name)> Records()
    {
        var records = new List<(int, int, string)>();
        for (var i = 0; i < 60; i++)
        {
            var lists = new List<int>();
            if (i % 2 == 0)
            {
                lists.Add(0);
            }

            if (i % 3 == 0)
            {
                lists.Add(1);
            }

            if (i % 5 == 0 || lists.Count == 0)
            {
                lists.Add(2);
            }

            foreach (var list in lists)
            {
                var name = i == 0
                    ? list switch { 0 => "이금순", 1 => "Lee Keum-soon", _ => "李今顺" }
                    : Surnames[i % 10] + FirstSyllables[i / 10 % 6] + SecondSyllables[i % 7];
                records.Add((i, list, name));
            }
        }

        return records;
    }

    private async Task<string[]> WriteListsAsync()
    {
        Directory.CreateDirectory(_root);
        var paths = new string[ListNames.Length];
        for (var list = 0; list < ListNames.Length; list++)
        {
            var csv = new StringBuilder("id,source,name,sex,birth_date,origin,violation,date\n");
            foreach (var (person, _, name) in Records().Where(r => r.List == list))
            {
                var born = new DateOnly(1975, 1, 1).AddDays(person * 137);
                csv.Append(CultureInfo.InvariantCulture, $"{(char)('A' + list)}{person:000},{ListNames[list]},{name},F,{born:yyyy-MM-dd},{Origins[person % 4]},trafficking,{2005 + (person % 10)}\n");
            }

            paths[list] = Path.Combine(_root, $"list-{list}.csv");
            await File.WriteAllTextAsync(paths[list], csv.ToString(), TestContext.Current.CancellationToken);
        }

        return paths;
    }

    private async Task<string[]> ImportAsync()
    {
        (await RunAsync("init", "--kdf-memory", "8")).ExitCode.ShouldBe(0);
        var lists = await WriteListsAsync();
        var import = await RunAsync(["import", .. lists]);
        import.ExitCode.ShouldBe(0, import.Error);
        return lists;
    }

    private static JsonElement Json(CliRunner.Result result)
    {
        result.ExitCode.ShouldBe(0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    /// <summary>The codes of the persons whose external id (from the list's id column) is given.</summary>
    private async Task<Dictionary<string, string>> CodesByExternalIdAsync()
    {
        var export = await RunAsync("export", "--format", "json");
        export.ExitCode.ShouldBe(0, export.Error);
        return JsonDocument.Parse(export.Out).RootElement.EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("code").GetString()!, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Link_FindsEachWomanOnce_AcrossListsAndScripts_AndEstimateCountsHerByList()
    {
        await ImportAsync();
        var people = Records().Select(r => r.Person).Distinct().Count();

        var before = await RunAsync("estimate", "--method", "independence");
        before.ExitCode.ShouldBe(2);
        before.Error.ShouldContain("run 'tumen link' first");

        var link = Json(await RunAsync("link", "--json"));
        link.GetProperty("persons").GetInt32().ShouldBe(Records().Count);
        link.GetProperty("clusters").GetInt32().ShouldBe(people);

        // The workspace estimate equals the estimate from the true capture histories.
        var truth = new StringBuilder("A,B,C\n");
        foreach (var person in Records().GroupBy(r => r.Person))
        {
            truth.Append(string.Join(',', Enumerable.Range(0, 3).Select(l => person.Any(r => r.List == l) ? "1" : "0"))).Append('\n');
        }

        var truthFile = Path.Combine(_root, "truth.csv");
        await File.WriteAllTextAsync(truthFile, truth.ToString(), TestContext.Current.CancellationToken);
        var expected = Json(await RunAsync("estimate", "--input", truthFile, "--method", "independence", "--json"));
        var actual = Json(await RunAsync("estimate", "--method", "independence", "--json", "--reveal"));
        actual.GetProperty("observed").GetInt64().ShouldBe(people);
        actual.GetProperty("lists").EnumerateArray().Select(l => l.GetString()).ShouldBe(ListNames);
        var pseudonymous = await RunAsync("estimate", "--method", "independence", "--json");
        foreach (var label in ListNames)
        {
            pseudonymous.Out.ShouldNotContain(label);
            pseudonymous.Error.ShouldNotContain(label);
        }

        actual.GetProperty("results")[0].GetProperty("estimate").GetDouble()
            .ShouldBe(expected.GetProperty("results")[0].GetProperty("estimate").GetDouble(), 1e-9);

        var byProvince = Json(await RunAsync("estimate", "--method", "independence", "--by", "province", "--json"));
        byProvince.GetProperty("strata").EnumerateArray().Sum(s => s.GetProperty("observed").GetInt64()).ShouldBe(people);
        var byAge = Json(await RunAsync("estimate", "--method", "independence", "--by", "age", "--json"));
        var ageGroups = byAge.GetProperty("strata").EnumerateArray().ToDictionary(s => s.GetProperty("stratum").GetString()!, s => s.GetProperty("observed").GetInt64(), StringComparer.Ordinal);
        ageGroups.Values.Sum().ShouldBe(people);
        ageGroups.Keys.Order(StringComparer.Ordinal).ShouldBe(["18-29", "30-44", "under 18"]);
        var byYear = Json(await RunAsync("estimate", "--method", "independence", "--by", "year", "--json"));
        byYear.GetProperty("strata").GetArrayLength().ShouldBe(10);
        (await RunAsync("estimate", "--by", "planet")).ExitCode.ShouldBe(2);

        // A person added after the run is not silently counted twice or left out.
        (await RunAsync("person", "add", "--name", "한옥녀", "--source", "List A")).ExitCode.ShouldBe(0);
        var stale = await RunAsync("estimate", "--method", "independence");
        stale.ExitCode.ShouldBe(2);
        stale.Error.ShouldContain("1 person(s) were added since the last 'tumen link'");

        var verify = await RunAsync("verify");
        verify.ExitCode.ShouldBe(0, verify.Error);
    }

    [Fact]
    public async Task ReviewDecisions_BindEveryLaterRun()
    {
        await ImportAsync();
        var codes = await CodesByExternalIdAsync();
        Json(await RunAsync("link", "--json")).GetProperty("clusters").GetInt32().ShouldBe(60);

        // Woman 0 is on all three lists (Hangul, romanised, Han): a reviewer says the romanised record is someone else.
        var reject = await RunAsync("review", "reject", codes["A000"], codes["B000"]);
        reject.ExitCode.ShouldBe(0, reject.Error);
        reject.Out.ShouldContain("different people");
        // And that two different women (1 and 2) are one person.
        (await RunAsync("review", "accept", codes["C001"].ToLowerInvariant(), codes["A002"])).ExitCode.ShouldBe(0);

        for (var run = 0; run < 2; run++)
        {
            var link = Json(await RunAsync("link", "--json"));
            link.GetProperty("decisions_applied").GetInt32().ShouldBe(2);
            var clusters = await ClustersAsync();
            string.Equals(clusters[codes["A000"]], clusters[codes["B000"]], StringComparison.Ordinal).ShouldBeFalse();
            clusters[codes["C001"]].ShouldBe(clusters[codes["A002"]]);
            clusters.Values.Distinct(StringComparer.Ordinal).Count().ShouldBe(60);
        }

        var list = Json(await RunAsync("review", "list", "--all", "--json"));
        list.GetArrayLength().ShouldBe(2);
        list.EnumerateArray().Select(r => r.GetProperty("decided_by").GetString()).ShouldAllBe(a => a == "reviewer-7");
        var text = await RunAsync("review", "list", "--all");
        text.Out.ShouldNotContain("이금순");
        text.Out.ShouldNotContain("Lee Keum-soon");

        (await RunAsync("verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task UncertainPairs_GoToTheQueue_AndADecisionOverridesTheMachine()
    {
        (await RunAsync("init", "--kdf-memory", "8")).ExitCode.ShouldBe(0);
        var generated = Path.Combine(_root, "generated.csv");
        (await RunAsync("generate", "persons", "--count", "600", "--duplicates", "0.4", "--seed", "11", "--out", generated)).ExitCode.ShouldBe(0);
        (await RunAsync("import", generated)).ExitCode.ShouldBe(0);

        var link = Json(await RunAsync("link", "--json"));
        var pending = link.GetProperty("review_pending").GetInt32();
        pending.ShouldBeGreaterThan(0);
        var noLists = await RunAsync("estimate");
        noLists.ExitCode.ShouldBe(2);
        noLists.Error.ShouldContain("at least two source lists; the linked persons come from 0 (600 record(s) name none)");

        var queue = Json(await RunAsync("review", "list", "--json"));
        queue.GetArrayLength().ShouldBe(pending);
        queue.EnumerateArray().Select(r => r.GetProperty("probability").GetDouble()).ShouldAllBe(p => p >= 0.2 && p < 0.95);
        var first = queue[0];
        var (left, right) = (first.GetProperty("left").GetString()!, first.GetProperty("right").GetString()!);
        var clusters = await ClustersAsync();
        var linked = string.Equals(clusters[left], clusters[right], StringComparison.Ordinal);

        var shown = Json(await RunAsync("review", "show", first.GetProperty("id").GetString()![..8], "--json"));
        shown.GetProperty("explanation").GetProperty("comparisons").GetArrayLength().ShouldBeGreaterThan(0);

        // Decide against the machine: split what it linked, or link what it kept apart.
        (await RunAsync("review", linked ? "reject" : "accept", first.GetProperty("id").GetString()!)).ExitCode.ShouldBe(0);
        var again = Json(await RunAsync("link", "--json"));
        again.GetProperty("review_pending").GetInt32().ShouldBe(pending - 1);
        clusters = await ClustersAsync();
        string.Equals(clusters[left], clusters[right], StringComparison.Ordinal).ShouldBe(!linked);
    }

    [Fact]
    public async Task BadReviewArguments_AreClearErrors()
    {
        await ImportAsync();
        (await RunAsync("link")).ExitCode.ShouldBe(0);
        var unknown = await RunAsync("review", "accept", "ffffffff");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("no review pair ffffffff");
        var tooShort = await RunAsync("review", "reject", "ab");
        tooShort.ExitCode.ShouldBe(2);
        var noPerson = await RunAsync("review", "reject", "P-0000-0000", "P-0000-0001");
        noPerson.ExitCode.ShouldBe(2);
        noPerson.Error.ShouldContain("no person with code P-0000-0000");
        var settingsWithoutInput = await RunAsync("link", "--out", Path.Combine(_root, "c.csv"));
        settingsWithoutInput.ExitCode.ShouldBe(2);
    }

    /// <summary>Person code → the code naming its cluster, as <c>person list --json</c> shows it.</summary>
    private async Task<Dictionary<string, string>> ClustersAsync()
    {
        var result = Json(await RunAsync("person", "list", "--json"));
        return result.EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("cluster").GetString()!, StringComparer.Ordinal);
    }
}
