using System.CommandLine;
using Tumen.Web;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen serve [--urls URL]</c>: unlocks the workspace once and serves the investigators' web
/// application until stopped (Ctrl+C). Several servers may share one PostgreSQL workspace.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen (default {TumenWebOptions.DefaultUrls}; behind a TLS proxy for anything but this machine).",
            DefaultValueFactory = _ => TumenWebOptions.DefaultUrls,
            HelpName = "URL",
        };
        var command = new Command("serve", "Serve the investigators' web application on this workspace.") { workspace, urls };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            await using var app = TumenWebApp.Create(opened, new TumenWebOptions { Urls = parse.GetValue(urls)!, Time = env.Time });
            await app.StartAsync(ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync($"Tumen is serving {app.Address()} (Ctrl+C to stop). Add accounts with 'tumen user add'.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C: stop below.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
