using System.CommandLine;
using Tumen.Application.Intake;
using Tumen.Core;
using Tumen.Intake.Mailbox;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen intake</c>: the portal's key pair, and bringing sealed reports into the workspace
/// (pull from a running portal, or import a copy of its folder), and sealed replies back.
/// </summary>
internal static class IntakeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("intake", "The survivors' portal, seen from the workspace: keys, reports in, replies out.");
        command.Subcommands.Add(Keygen(env));
        command.Subcommands.Add(Pull(env));
        command.Subcommands.Add(Import(env));
        command.Subcommands.Add(Reply(env));
        return command;
    }

    private static Command Keygen(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var portal = new Option<string?>("--portal-data") { Description = "Also install the public key and the token's hash into this portal folder.", HelpName = "DIR" };
        var command = new Command("keygen", "Make the intake key pair (private key kept encrypted in the workspace) and the pull token.") { workspace, portal };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var credentials = await IntakeKeyStore.GenerateAsync(opened, ct).ConfigureAwait(false);
            if (parse.GetValue(portal) is { Length: > 0 } folder)
            {
                new PortalFolder(folder).Install(credentials.PublicKey, credentials.Token, DateOnly.FromDateTime(env.Time.GetUtcNow().UtcDateTime));
                await env.Out.WriteLineAsync($"installed {PortalFolder.PublicKeyFile} and {PortalFolder.TokenHashFile} in {folder}").ConfigureAwait(false);
            }

            await env.Out.WriteLineAsync($"public key: {Convert.ToBase64String(credentials.PublicKey)}").ConfigureAwait(false);
            await env.Out.WriteLineAsync($"intake token (shown once; the workspace keeps it encrypted for pull): {credentials.Token}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Pull(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var from = new Option<string>("--from") { Description = "The portal's address.", Required = true, HelpName = "URL" };
        var command = new Command("pull", "Fetch sealed reports and messages from a running portal and open them into the workspace.") { workspace, from };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var (keys, token) = await IntakeKeyStore.LoadAsync(opened, ct).ConfigureAwait(false);
            keys.Dispose();
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var result = await new IntakeImporter(opened).ImportAsync(new HttpIntakeSource(http, BaseUri(parse.GetValue(from)), token), ct).ConfigureAwait(false);
            await PrintAsync(env, result).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Import(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var directory = new Argument<string>("DIR") { Description = "A copy of the portal's folder." };
        var command = new Command("import", "Open sealed reports from a copy of a portal's folder into the workspace.") { workspace, directory };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var result = await new IntakeImporter(opened).ImportAsync(new FolderIntakeSource(parse.GetValue(directory)!, env.Time), ct).ConfigureAwait(false);
            await PrintAsync(env, result).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command Reply(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var code = new Argument<string>("CODE") { Description = "The person the report became." };
        var text = new Option<string>("--text") { Description = "The reply (she reads it with her receipt words).", Required = true };
        var to = new Option<string?>("--to") { Description = "A running portal.", HelpName = "URL" };
        var folder = new Option<string?>("--folder") { Description = "Or the portal's folder (or a copy to carry back).", HelpName = "DIR" };
        var command = new Command("reply", "Seal a reply to a portal report so that only her receipt opens it, and deliver it.") { workspace, code, text, to, folder };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var reply = await IntakeReplies.SealAsync(opened, parse.GetValue(code)!, parse.GetValue(text)!, ct).ConfigureAwait(false);
            if (parse.GetValue(to) is { Length: > 0 } url)
            {
                var (keys, token) = await IntakeKeyStore.LoadAsync(opened, ct).ConfigureAwait(false);
                keys.Dispose();
                using var http = new HttpClient();
                await new HttpIntakeSource(http, BaseUri(url), token).PutReplyAsync(reply, ct).ConfigureAwait(false);
            }
            else if (parse.GetValue(folder) is { Length: > 0 } directory)
            {
                await new FolderIntakeSource(directory, env.Time).PutReplyAsync(reply, ct).ConfigureAwait(false);
            }
            else
            {
                throw new TumenException("say where the reply goes: --to URL or --folder DIR.", ExitCode.BadInput);
            }

            await env.Out.WriteLineAsync($"reply sealed and delivered to thread {reply.Thread}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    // The portal's address as a base for relative paths; a bad one is an input error, not a crash.
    private static Uri BaseUri(string? text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new TumenException($"'{text}' is not an http(s) address of a portal.", ExitCode.BadInput);
        }

        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private static Task PrintAsync(CliEnvironment env, IntakeImportResult result) =>
        env.Out.WriteLineAsync(
            $"intake: {result.Reports} reports, {result.Messages} messages imported; {result.AlreadyImported} already imported; {result.Unreadable} unreadable"
            + (result.Codes.Count > 0 ? $"; new persons: {string.Join(' ', result.Codes)}" : ""));
}
