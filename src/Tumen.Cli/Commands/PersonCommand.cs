using System.CommandLine;
using Spectre.Console;
using Tumen.Core;
using Tumen.Core.Model;
using Tumen.Core.Places;
using Tumen.Core.Vocabularies;
using Tumen.Storage.Persons;
using Tumen.Storage.Rows;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen person add|show|list</c>. Persons are shown by pseudonymous code; <c>--reveal</c>
/// decrypts names and testimony, and every such read is written to the audit chain.
/// </summary>
internal static class PersonCommand
{
    public static Command Create(CliEnvironment env) =>
        new("person", "Add, show and list persons (victims, witnesses, perpetrators).") { Add(env), Show(env), List(env) };

    private static Command Add(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var names = new Option<string[]>("--name") { Description = "A name in any script; repeat for aliases and romanisations.", Arity = ArgumentArity.OneOrMore, Required = true };
        var sex = new Option<string?>("--sex") { Description = "female, male, other or unknown." };
        var birth = new Option<string?>("--birth-date") { Description = "Exact or uncertain: 1998-03-02, 1998-03, 1998, ~1998, 1996/1999." };
        var origin = new Option<string?>("--origin") { Description = "Place of origin (a gazetteer name in any script, or free text)." };
        var violation = new Option<string?>("--violation") { Description = "A violation type id or label (e.g. trafficking, forced_marriage)." };
        var date = new Option<string?>("--date") { Description = "When the violation happened." };
        var place = new Option<string?>("--place") { Description = "Where the violation happened." };
        var testimony = new Option<string?>("--testimony") { Description = "Testimony or narrative (stored encrypted)." };
        var source = new Option<string?>("--source") { Description = "The source this comes from." };
        var command = new Command("add", "Add one person; prints the new pseudonymous code.")
        {
            workspace, names, sex, birth, origin, violation, date, place, testimony, source,
        };
        command.SetAction(async (parse, ct) =>
        {
            var vocabulary = Vocabulary.Default;
            var sexId = parse.GetValue(sex) is { } s
                ? vocabulary.Resolve(Vocabulary.Sex, s) ?? throw new TumenException("--sex must be female, male, other or unknown.", ExitCode.BadInput)
                : "unknown";
            var violationId = parse.GetValue(violation) is { } v
                ? vocabulary.Resolve(Vocabulary.ViolationType, v) ?? throw new TumenException("--violation is not a known violation type.", ExitCode.BadInput)
                : null;
            var record = new PersonRecord
            {
                Names = [.. parse.GetValue(names)!.Select(n => PersonName.Of(n.Trim()))],
                Sex = sexId,
                BirthDate = parse.GetValue(birth) ?? "",
                Origin = parse.GetValue(origin),
                Violation = violationId,
                Date = parse.GetValue(date),
                Place = parse.GetValue(place),
                Testimony = parse.GetValue(testimony),
                Source = parse.GetValue(source),
            };
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            await using var db = opened.CreateContext();
            var row = await new PersonStore(db).AddAsync(record, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync(row.Code).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Show(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var code = new Argument<string>("CODE") { Description = "The person's code, e.g. P-7K3M-Q2XD." };
        var reveal = RevealOption();
        var json = JsonOption();
        var command = new Command("show", "Show one person.") { workspace, code, reveal, json };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            await using var db = opened.CreateContext();
            var store = new PersonStore(db);
            var row = await store.FindByCodeAsync(parse.GetValue(code)!, ct).ConfigureAwait(false)
                ?? throw new TumenException($"no person with code {parse.GetValue(code)}.", ExitCode.BadInput);
            await PrintAsync(env, db, store, [row], parse.GetValue(reveal), parse.GetValue(json), ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var reveal = RevealOption();
        var json = JsonOption();
        var name = new Option<string?>("--name") { Description = "Only persons whose names hold every word (or Hangul/Han pair) of this; searched through the blind index." };
        var command = new Command("list", "List persons by pseudonymous code.") { workspace, reveal, json, name };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            await using var db = opened.CreateContext();
            var store = new PersonStore(db);
            var rows = parse.GetValue(name) is { } query
                ? await store.SearchByNameAsync(query, ct).ConfigureAwait(false)
                : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Persons.OrderBy(p => p.Code), ct).ConfigureAwait(false);
            await PrintAsync(env, db, store, rows, parse.GetValue(reveal), parse.GetValue(json), ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>Person code → the code that names its cluster (the cluster's first person), as the last <c>tumen link</c> found.</summary>
    private static async Task<Dictionary<string, string>> ClusterCodesAsync(Tumen.Storage.TumenDbContext db, CancellationToken ct)
    {
        var clusters = await new Tumen.Storage.Links.LinkStore(db).ClustersAsync(ct).ConfigureAwait(false);
        var codes = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(db.Persons, p => p.Id, p => p.Code, ct).ConfigureAwait(false);
        return clusters.Where(c => codes.ContainsKey(c.Key) && codes.ContainsKey(c.Value))
            .ToDictionary(c => codes[c.Key], c => codes[c.Value], StringComparer.Ordinal);
    }

    private static Option<bool> RevealOption() => new("--reveal") { Description = "Decrypt and show names, birth dates and testimony (each read is audited)." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON for scripts." };

    private static async Task PrintAsync(
        CliEnvironment env, Tumen.Storage.TumenDbContext db, PersonStore store, IReadOnlyList<PersonRow> rows, bool reveal, bool json, CancellationToken ct)
    {
        var records = new List<PersonRecord>();
        foreach (var row in rows)
        {
            records.Add(reveal
                ? await store.RevealAsync(row, ct).ConfigureAwait(false)
                : new PersonRecord { Code = row.Code, Sex = row.Sex, Origin = row.OriginPlaceId is { } o ? Gazetteer.Default.Find(o)?.NameEnglish : null });
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var clusterOf = await ClusterCodesAsync(db, ct).ConfigureAwait(false);
        string? Cluster(PersonRecord r) => clusterOf.GetValueOrDefault(r.Code!);
        if (json)
        {
            CliJson.Write(env.Out, records.Select(r => reveal
                ? (object)new { r.Code, Cluster = Cluster(r), Names = r.Names.Select(n => n.Value), r.Sex, r.BirthDate, r.Origin, r.Violation, r.Date, r.Place, r.Testimony, r.Source, Id = r.ExternalId }
                : new { r.Code, Cluster = Cluster(r), r.Sex, r.Origin }));
            return;
        }

        var table = new Table().AddColumns("Code", "Same person as", "Sex", "Origin");
        if (reveal)
        {
            table.AddColumns("Names", "Born", "Violation", "Testimony");
        }

        foreach (var r in records)
        {
            List<string> cells = [r.Code ?? "", Cluster(r) is { } cluster && cluster != r.Code ? cluster : "", r.Sex, r.Origin ?? ""];
            if (reveal)
            {
                cells.AddRange([string.Join(" / ", r.Names.Select(n => n.Value)), r.BirthDate, r.Violation ?? "", r.Testimony ?? ""]);
            }

            table.AddRow(cells.Select(c => Markup.Escape(c)).ToArray());
        }

        CliOutput.Console(env).Write(table);
        await env.Out.WriteLineAsync($"{records.Count:N0} person(s).").ConfigureAwait(false);
    }
}
