using System.CommandLine;
using System.Text;
using Tumen.Core;
using Tumen.Linkage.Generation;
using Tumen.Linkage.Generation.FieldRecords;
using Tumen.Linkage.Generation.GermanLists;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen generate persons --count N --duplicates R --seed S --out FILE.csv [--kind korean|field|german]</c>:
/// synthetic person records with the truth by construction, for tests, benchmarks and the demo. Three
/// independently written generators, so that linkage is not judged on one generator's habits alone
/// (docs/generators.md).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var count = new Option<int>("--count") { Description = "Number of records.", DefaultValueFactory = _ => 1000 };
        var duplicates = new Option<double?>("--duplicates") { Description = "Share of records that are further records of an already generated person (korean: 0 to <1, default 0.3; german: 0 to <0.5, default 0.1; field: not used, each woman is in 1-5 lists)." };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "CSV file to write (korean: id,name,birth_date,origin,cluster; field: id,source,name,name_ko,name_zh,sex,birth_date,origin,person_id; german: RLdata500's columns with ent_id).", Required = true };
        var kind = new Option<string>("--kind") { Description = "korean (default): the original generator; field: Korean women's records as five kinds of sources write them; german: RLdata-style German lists.", DefaultValueFactory = _ => "korean" };
        kind.AcceptOnlyFromAmong("korean", "field", "german");
        var persons = new Command("persons", "North Korean and Chinese-Korean person records in many scripts and romanisations, with realistic corruption.")
        {
            count, duplicates, seed, output, kind,
        };
        persons.SetAction((parseResult, cancellationToken) =>
        {
            var n = parseResult.GetValue(count);
            if (n <= 0)
            {
                throw new TumenException("--count must be a positive number.", ExitCode.BadInput);
            }

            var path = parseResult.GetValue(output)!;
            var which = parseResult.GetValue(kind);
            var rate = parseResult.GetValue(duplicates);
            var (records, people) = which switch
            {
                "field" => WriteField(path, n, parseResult.GetValue(seed), rate),
                "german" => WriteGerman(path, n, parseResult.GetValue(seed), rate ?? 0.1),
                _ => WriteKorean(path, n, parseResult.GetValue(seed), rate ?? 0.3),
            };

            env.Out.WriteLine(FormattableString.Invariant($"{records} records of {people} people written to {path}"));
            return Task.FromResult(0);
        });
        return new Command("generate", "Generate synthetic data with known answers.") { persons };
    }

    private static (int Records, int People) WriteKorean(string path, int n, int seed, double rate)
    {
        if (rate is < 0 or >= 1)
        {
            throw new TumenException("--duplicates must be at least 0 and below 1 (e.g. 0.3).", ExitCode.BadInput);
        }

        var records = new PersonGenerator(seed).Generate(n, rate);
        using (var writer = Create(path))
        {
            PersonGenerator.WriteCsv(writer, records);
        }

        return (records.Count, records.Select(r => r.Cluster).Distinct(StringComparer.Ordinal).Count());
    }

    private static (int Records, int People) WriteField(string path, int n, int seed, double? rate)
    {
        if (rate is not null)
        {
            throw new TumenException("--duplicates does not apply to --kind field: each woman appears in 1 to 5 lists.", ExitCode.BadInput);
        }

        var records = new FieldRecordGenerator(seed).Generate(n);
        using (var writer = Create(path))
        {
            FieldRecordGenerator.WriteCsv(writer, records);
        }

        return (records.Count, records.Select(r => r.PersonId).Distinct(StringComparer.Ordinal).Count());
    }

    private static (int Records, int People) WriteGerman(string path, int n, int seed, double rate)
    {
        if (rate is < 0 or >= 0.5)
        {
            throw new TumenException("--duplicates must be at least 0 and below 0.5 for --kind german (e.g. 0.1).", ExitCode.BadInput);
        }

        var records = new GermanListGenerator(seed).Generate(n, rate);
        using (var writer = Create(path))
        {
            GermanListGenerator.WriteCsv(writer, records);
        }

        return (records.Count, records.Select(r => r.EntityId).Distinct().Count());
    }

    private static StreamWriter Create(string path) => new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
