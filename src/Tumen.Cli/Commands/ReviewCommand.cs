using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tumen.Application.Linking;

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
            var items = await new ReviewService(opened).ListAsync(parse.GetValue(all), ct).ConfigureAwait(false);
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
                    Markup.Escape(CliOutput.Safe(item.DecidedBy ?? "")));
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
            var detail = await new ReviewService(opened).ShowAsync(parse.GetValue(id)!, parse.GetValue(reveal), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliJson.Write(env.Out, detail);
                return 0;
            }

            await env.Out.WriteLineAsync(CliOutput.Safe(
                $"Review {detail.Id}: {detail.Left} and {detail.Right}, match probability {detail.Probability.ToString("0.000", CultureInfo.InvariantCulture)}, {detail.Status}{(detail.DecidedBy is null ? "" : " by " + detail.DecidedBy)}")).ConfigureAwait(false);
            if (detail.Explanation.Comparisons.Count > 0)
            {
                var table = new Table().AddColumns("Compared", "Found", "Weight");
                foreach (var c in detail.Explanation.Comparisons)
                {
                    table.AddRow(Markup.Escape(c.Column), Markup.Escape(c.Level), c.Weight.ToString("+0.00;-0.00;0", CultureInfo.InvariantCulture));
                }

                CliOutput.Console(env).Write(table);
            }

            foreach (var r in detail.Persons)
            {
                await env.Out.WriteLineAsync(CliOutput.Safe($"{r.Code}: {string.Join(" / ", r.Names)}; sex {r.Sex}; born {r.BirthDate}; origin {r.Origin}; source {r.Source}")).ConfigureAwait(false);
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
            Description = "One or more review ids, or two person codes (to decide on any pair, e.g. to split a cluster).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(
            same ? "accept" : "reject",
            same ? "Record that the two records are the same person." : "Record that the two records are different people.")
        {
            workspace, pair,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var decisions = await new ReviewService(opened).DecideAsync(parse.GetValue(pair)!, same, ct).ConfigureAwait(false);
            foreach (var d in decisions)
            {
                await env.Out.WriteLineAsync(CliOutput.Safe(
                    $"Recorded by {d.DecidedBy}: {d.Left} and {d.Right} are {(same ? "the same person" : "different people")}. 'tumen link' applies it to the clusters, now and in every later run.")).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
