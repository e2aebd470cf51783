using System.CommandLine;
using Tumen.Portal;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen portal</c>: serves the survivors' portal from its own folder. It opens no workspace and
/// reads no passphrase: it holds only the investigators' public key.
/// </summary>
internal static class PortalCommand
{
    public static Command Create(CliEnvironment env)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated).", DefaultValueFactory = _ => "http://127.0.0.1:8090", HelpName = "URL" };
        var data = new Option<string?>("--data") { Description = "The portal's folder (default: $TUMEN_PORTAL_DATA, else ~/.local/share/tumen/portal). Never a workspace.", HelpName = "DIR" };
        var limit = new Option<int>("--upload-limit-mb") { Description = "Largest total of files in one report.", DefaultValueFactory = _ => 20 };
        var command = new Command("portal", "Serve the survivors' portal (no workspace, no workspace key; works without JavaScript).") { urls, data, limit };
        command.SetAction(async (parse, ct) =>
        {
            var options = new PortalOptions
            {
                DataDirectory = DataDirectory(env, parse.GetValue(data)),
                UploadLimitBytes = Math.Max(1, parse.GetValue(limit)) * 1024L * 1024L,
                Time = env.Time,
            };
            await using var app = PortalApp.Build(options, parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await app.StartAsync(ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync($"portal: serving {string.Join(' ', app.Urls)} from {options.DataDirectory}; Ctrl+C stops it.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping is the normal end.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>The portal folder: the option, else <c>TUMEN_PORTAL_DATA</c>, else a per-user folder.</summary>
    internal static string DataDirectory(CliEnvironment env, string? option) =>
        option is { Length: > 0 } ? option
        : env.GetVariable("TUMEN_PORTAL_DATA") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "tumen", "portal");
}
