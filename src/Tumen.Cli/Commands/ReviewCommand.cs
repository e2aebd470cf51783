using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Tumen.Core;
using Tumen.Storage;
using Tumen.Storage.Links;
using Tumen.Storage.Persons;
using Tumen.Storage.Rows;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen review list|show|accept|reject</c>: the queue of pairs <c>tumen link</c> was unsure about.
/// A decision is kept in the workspace (with who made it and when) and binds every later run of
/// <c>tumen link</c>. Pairs are named by review id, or by the two persons' codes for any pair at all —
/// the way to split a cluster the machine got wrong.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CliEnvironment env) =>
        new("review", "Review the uncertain pairs of 'tumen link': the same person, or two people?")
        {
            List(env), Show(env), Decide(env, same: true), Decide(env, same: false),
        };

    private static Command List(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var all = new Option<bool>("--all") { Description = "Also list the pairs already decided." };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var command = new Command("list", "List the pairs waiting for a decision, most likely first.") { workspace, all, json };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            await using var db = opened.CreateContext();
            var rows = await new LinkStore(db).ReviewsAsync(parse.GetValue(all) ? null : LinkStore.Pending, ct).ConfigureAwait(false);
            var codes = await CodesAsync(db, ct).ConfigureAwait(false);
            var items = rows.Select(r => Item(r, codes)).ToList();
            if (parse.GetValue(json))
            {
                CliJson.Write(env.Out, items);
                return 0;
            }

            var table = new Table().AddColumns("Review", "Person", "Person", "Probability", "Status", "Decided by");
            foreach (var item in items)
            {
                table.AddRow(
                    Markup.Escape(item.Id[..8]),
                    Markup.Escape(item.Left),
                    Markup.Escape(item.Right),
                    item.Probability.ToString("0.000", CultureInfo.InvariantCulture),
                    Markup.Escape(item.Status),
                    Markup.Escape(item.DecidedBy ?? ""));
            }

            CliOutput.Console(env).Write(table);
            await env.Out.WriteLineAsync($"{items.Count:N0} pair(s). Decide with 'tumen review accept ID' (same person) or 'tumen review reject ID' (two people).").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Show(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var id = new Argument<string>("ID") { Description = "The review id (its first characters are enough)." };
        var reveal = new Option<bool>("--reveal") { Description = "Decrypt and show both persons' names, birth dates and origins (each read is audited)." };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var command = new Command("show", "Show one pair: why the machine scored it as it did, and (with --reveal) both records.") { workspace, id, reveal, json };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            await using var db = opened.CreateContext();
            var row = await new LinkStore(db).FindAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            var codes = await CodesAsync(db, ct).ConfigureAwait(false);
            var item = Item(row, codes);
            var records = new List<PersonRecord>();
            if (parse.GetValue(reveal))
            {
                var store = new PersonStore(db);
                foreach (var personId in new[] { row.LeftId, row.RightId })
                {
                    var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == personId, ct).ConfigureAwait(false);
                    records.Add(await store.RevealAsync(person, ct).ConfigureAwait(false));
                }

                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }

            using var explanation = JsonDocument.Parse(row.Explanation);
            if (parse.GetValue(json))
            {
                CliJson.Write(env.Out, new
                {
                    item.Id, item.Left, item.Right, item.Probability, item.Status, item.DecidedBy, item.DecidedAt,
                    explanation = explanation.RootElement,
                    persons = records.Select(r => new { r.Code, Names = r.Names.Select(n => n.Value), r.Sex, r.BirthDate, r.Origin, r.Source }),
                });
                return 0;
            }

            await env.Out.WriteLineAsync($"Review {item.Id}: {item.Left} and {item.Right}, match probability {item.Probability.ToString("0.000", CultureInfo.InvariantCulture)}, {item.Status}{(item.DecidedBy is null ? "" : " by " + item.DecidedBy)}").ConfigureAwait(false);
            if (explanation.RootElement.TryGetProperty("comparisons", out var comparisons))
            {
                var table = new Table().AddColumns("Compared", "Found", "Weight");
                foreach (var c in comparisons.EnumerateArray())
                {
                    table.AddRow(
                        Markup.Escape(c.GetProperty("column").GetString() ?? ""),
                        Markup.Escape(c.GetProperty("level").GetString() ?? ""),
                        c.GetProperty("weight").GetDouble().ToString("+0.00;-0.00;0", CultureInfo.InvariantCulture));
                }

                CliOutput.Console(env).Write(table);
            }

            foreach (var r in records)
            {
                await env.Out.WriteLineAsync($"{r.Code}: {string.Join(" / ", r.Names.Select(n => n.Value))}; sex {r.Sex}; born {r.BirthDate}; origin {r.Origin}; source {r.Source}").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Command Decide(CliEnvironment env, bool same)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var pair = new Argument<string[]>("PAIR")
        {
            Description = "A review id, or two person codes (to decide on any pair, e.g. to split a cluster).",
            Arity = new ArgumentArity(1, 2),
        };
        var command = new Command(
            same ? "accept" : "reject",
            same ? "Record that the two records are the same person." : "Record that the two records are different people.")
        {
            workspace, pair,
        };
        command.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(pair)!;
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            await using var db = opened.CreateContext();
            var links = new LinkStore(db);
            LinkReviewRow row;
            if (given.Length == 1)
            {
                row = await links.FindAsync(given[0], ct).ConfigureAwait(false);
            }
            else
            {
                var store = new PersonStore(db);
                var left = await store.FindByCodeAsync(given[0], ct).ConfigureAwait(false) ?? throw new TumenException($"no person with code {given[0]}.", ExitCode.BadInput);
                var right = await store.FindByCodeAsync(given[1], ct).ConfigureAwait(false) ?? throw new TumenException($"no person with code {given[1]}.", ExitCode.BadInput);
                row = await links.PairAsync(left.Id, right.Id, ct).ConfigureAwait(false);
            }

            var actor = WorkspaceAccess.Actor(env);
            links.Decide(row, same, actor);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            var codes = await CodesAsync(db, ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync(
                $"Recorded by {actor}: {codes[row.LeftId]} and {codes[row.RightId]} are {(same ? "the same person" : "different people")}. 'tumen link' applies it to the clusters, now and in every later run.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static async Task<Dictionary<Guid, string>> CodesAsync(TumenDbContext db, CancellationToken ct) =>
        await db.Persons.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, ct).ConfigureAwait(false);

    private static ReviewItem Item(LinkReviewRow row, IReadOnlyDictionary<Guid, string> codes) => new(
        row.Id.ToString("D"),
        codes.GetValueOrDefault(row.LeftId, row.LeftId.ToString("D")),
        codes.GetValueOrDefault(row.RightId, row.RightId.ToString("D")),
        row.Probability,
        row.Status,
        row.DecidedBy,
        row.DecidedAt);

    private sealed record ReviewItem(string Id, string Left, string Right, double Probability, string Status, string? DecidedBy, long? DecidedAt);
}
