using System.CommandLine;
using Tumen.Cli.Commands;
using Tumen.Core;

namespace Tumen.Cli;

/// <summary>Builds the <c>tumen</c> command tree and turns every failure into one line on stderr.</summary>
public static class CliApp
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken)
    {
        var root = BuildRoot(env);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration
        {
            Output = env.Out,
            Error = env.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            var code = await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
            return parse.Errors.Count > 0 ? (int)ExitCode.BadInput : code;
        }
        catch (TumenException ex)
        {
            await env.Error.WriteLineAsync($"tumen: {ex.Message}").ConfigureAwait(false);
            return (int)ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await env.Error.WriteLineAsync("tumen: cancelled; nothing partial was kept.").ConfigureAwait(false);
            return 130;
        }
        catch (Exception ex)
        {
            // Unexpected: the message of a library exception could quote stored content, so it is
            // shown only on request.
            var detail = env.GetVariable("TUMEN_DEBUG") == "1"
                ? ex.ToString()
                : "set TUMEN_DEBUG=1 to see the details (they may include record content)";
            await env.Error.WriteLineAsync($"tumen: unexpected {ex.GetType().Name}; the command's transaction was rolled back. {detail}").ConfigureAwait(false);
            return (int)ExitCode.Failure;
        }
    }

    private static RootCommand BuildRoot(CliEnvironment env)
    {
        var root = new RootCommand(
            "Tumen: document, link and count human-rights violations against North Koreans in China, without exposing a survivor.");
        foreach (var command in Commands(env))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    // One line per command family; keep this list the only place commands are registered.
    private static IEnumerable<Command> Commands(CliEnvironment env)
    {
        yield return DemoCommand.Create(env);
        yield return VersionCommand.Create(env);
        yield return InitCommand.Create(env);
        yield return PassphraseCommand.Create(env);
        yield return RekeyCommand.Create(env);
        yield return ImportCommand.Create(env);
        yield return PersonCommand.Create(env);
        yield return ExportCommand.Create(env);
        yield return VerifyCommand.Create(env);
        yield return BackupCommand.Create(env);
        yield return BackupCommand.CreateRestore(env);
        yield return EstimateCommand.Create(env);
        yield return LinkCommand.Create(env);
        yield return ReviewCommand.Create(env);
        yield return GenerateCommand.Create(env);
        yield return ExtractCommand.Create(env);
        yield return PortalCommand.Create(env);
        yield return IntakeCommand.Create(env);
        yield return ServeCommand.Create(env);
        yield return UserCommand.Create(env);
    }
}
