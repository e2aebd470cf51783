using System.CommandLine;
using System.Text;
using Tumen.Core;
using Tumen.Linkage.Generation;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen generate persons --count N --duplicates R --seed S --out FILE.csv</c>: synthetic person records
/// with the truth by construction (column <c>cluster</c>), for tests, benchmarks and the demo.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var count = new Option<int>("--count") { Description = "Number of records.", DefaultValueFactory = _ => 1000 };
        var duplicates = new Option<double>("--duplicates") { Description = "Share of records that are further records of an already generated person (0 to <1).", DefaultValueFactory = _ => 0.3 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "CSV file to write (id,name,birth_date,origin,cluster).", Required = true };
        var persons = new Command("persons", "North Korean and Chinese-Korean person records in many scripts and romanisations, with realistic corruption.")
        {
            count, duplicates, seed, output,
        };
        persons.SetAction((parseResult, cancellationToken) =>
        {
            var n = parseResult.GetValue(count);
            var rate = parseResult.GetValue(duplicates);
            if (n <= 0)
            {
                throw new TumenException("--count must be a positive number.", ExitCode.BadInput);
            }

            if (rate is < 0 or >= 1)
            {
                throw new TumenException("--duplicates must be at least 0 and below 1 (e.g. 0.3).", ExitCode.BadInput);
            }

            var path = parseResult.GetValue(output)!;
            var records = new PersonGenerator(parseResult.GetValue(seed)).Generate(n, rate);
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                PersonGenerator.WriteCsv(writer, records);
            }

            env.Out.WriteLine(FormattableString.Invariant($"{records.Count} records of {records.Select(r => r.Cluster).Distinct(StringComparer.Ordinal).Count()} people written to {path}"));
            return Task.FromResult(0);
        });
        return new Command("generate", "Generate synthetic data with known answers.") { persons };
    }
}
