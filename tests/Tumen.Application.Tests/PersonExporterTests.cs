using Tumen.Application.Exports;
using Tumen.Application.Imports;
using Tumen.Application.Persons;
using Tumen.Storage.Tests;

namespace Tumen.Application.Tests;

public class PersonExporterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Backends => TestBackend.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ExportCsv_ImportsBackToTheSameRecords(string provider)
    {
        await using var test = await TestWorkspace.StartAsync(provider);
        await test.ImportListsAsync();
        var csv = new StringWriter();
        var count = await PersonExporter.ExportAsync(test.Workspace, PersonExporter.Csv, csv, Ct);

        await using var other = await TestWorkspace.StartAsync(provider);
        var outcome = await new ImportService(other.Workspace).ImportBytesAsync("export.csv", System.Text.Encoding.UTF8.GetBytes(csv.ToString()), false, null, Ct);

        count.ShouldBe(7);
        outcome.List!.Persons.ShouldBe(7);
        var before = await new PersonService(test.Workspace).RevealAsync(new PersonQuery(), Ct);
        var after = await new PersonService(other.Workspace).RevealAsync(new PersonQuery(), Ct);
        after.Select(p => (string.Join("|", p.Names), p.BirthDate, p.Source, p.Testimony, p.Violation))
            .OrderBy(x => x.Item1, StringComparer.Ordinal)
            .ShouldBe(before.Select(p => (string.Join("|", p.Names), p.BirthDate, p.Source, p.Testimony, p.Violation)).OrderBy(x => x.Item1, StringComparer.Ordinal));
    }
}
