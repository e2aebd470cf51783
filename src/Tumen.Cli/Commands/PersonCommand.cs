using System.CommandLine;
using Spectre.Console;
using Tumen.Application.Persons;

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
        var sex = new Option<string?>("--sex") { Description = "female, male, other or unknown (or F, M)." };
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
            var person = new NewPerson(
                parse.GetValue(names)!,
                parse.GetValue(sex),
                parse.GetValue(birth),
                parse.GetValue(origin),
                parse.GetValue(violation),
                parse.GetValue(date),
                parse.GetValue(place),
                parse.GetValue(testimony),
                parse.GetValue(source));
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var code = await new PersonService(opened).AddAsync(person, ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync(code).ConfigureAwait(false);
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
            var service = new PersonService(opened);
            if (parse.GetValue(reveal))
            {
                await PrintAsync(env, [await service.RevealAsync(parse.GetValue(code)!, ct).ConfigureAwait(false)], parse.GetValue(json)).ConfigureAwait(false);
            }
            else
            {
                await PrintAsync(env, [await service.ShowAsync(parse.GetValue(code)!, ct).ConfigureAwait(false)], parse.GetValue(json)).ConfigureAwait(false);
            }

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
            var service = new PersonService(opened);
            var query = new PersonQuery(parse.GetValue(name));
            if (parse.GetValue(reveal))
            {
                await PrintAsync(env, await service.RevealAsync(query, ct).ConfigureAwait(false), parse.GetValue(json)).ConfigureAwait(false);
            }
            else
            {
                await PrintAsync(env, (await service.ListAsync(query, ct).ConfigureAwait(false)).Persons, parse.GetValue(json)).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Option<bool> RevealOption() => new("--reveal") { Description = "Decrypt and show names, birth dates and testimony (each read is audited)." };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON for scripts." };

    private static Task PrintAsync(CliEnvironment env, IReadOnlyList<PersonListItem> persons, bool json)
    {
        if (json)
        {
            CliJson.Write(env.Out, persons);
            return Task.CompletedTask;
        }

        var table = new Table().AddColumns("Code", "Same person as", "Sex", "Origin");
        foreach (var p in persons)
        {
            table.AddRow([.. new[] { p.Code, SameAs(p.Code, p.Cluster), p.Sex, p.Origin ?? "" }.Select(Cell)]);
        }

        return WriteTableAsync(env, table, persons.Count);
    }

    private static Task PrintAsync(CliEnvironment env, IReadOnlyList<RevealedPerson> persons, bool json)
    {
        if (json)
        {
            CliJson.Write(env.Out, persons);
            return Task.CompletedTask;
        }

        var table = new Table().AddColumns("Code", "Same person as", "Sex", "Origin", "Names", "Born", "Violation", "Testimony");
        foreach (var p in persons)
        {
            table.AddRow([.. new[]
            {
                p.Code, SameAs(p.Code, p.Cluster), p.Sex, p.Origin ?? "", string.Join(" / ", p.Names), p.BirthDate, p.Violation ?? "", p.Testimony ?? "",
            }.Select(Cell)]);
        }

        return WriteTableAsync(env, table, persons.Count);
    }

    private static string SameAs(string code, string? cluster) => cluster is not null && cluster != code ? cluster : "";

    private static string Cell(string text) => Markup.Escape(CliOutput.Safe(text));

    private static async Task WriteTableAsync(CliEnvironment env, Table table, int count)
    {
        CliOutput.Console(env).Write(table);
        await env.Out.WriteLineAsync($"{count:N0} person(s).").ConfigureAwait(false);
    }
}
