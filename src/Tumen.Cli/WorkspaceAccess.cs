using System.CommandLine;
using System.Text;
using Tumen.Core;
using Tumen.Storage.Protection;
using Tumen.Storage.Workspaces;

namespace Tumen.Cli;

/// <summary>
/// How every command finds, unlocks and names the actor of a workspace: the folder from
/// <c>--workspace</c>, else <c>TUMEN_WORKSPACE</c>, else a per-user folder; the passphrase from
/// <c>TUMEN_PASSPHRASE</c>, else a prompt that does not echo.
/// </summary>
internal static class WorkspaceAccess
{
    public const string PassphraseVariable = "TUMEN_PASSPHRASE";
    public const string NewPassphraseVariable = "TUMEN_NEW_PASSPHRASE";

    /// <summary>The <c>--workspace</c> option; each command gets its own instance.</summary>
    public static Option<string?> WorkspaceOption() => new("--workspace", "-w")
    {
        Description = "The workspace folder (default: $TUMEN_WORKSPACE, else ~/.local/share/tumen/workspace).",
        HelpName = "DIR",
    };

    public static string Directory(CliEnvironment env, ParseResult parse, Option<string?> option) =>
        WorkspaceLocation.ResolveDirectory(parse.GetValue(option), env.GetVariable);

    /// <summary>Where a new workspace goes: SQLite in the folder, or PostgreSQL when a connection string is given.</summary>
    public static WorkspaceLocation NewLocation(string directory, string? postgres) => postgres is null
        ? new WorkspaceLocation(directory, WorkspaceLocation.Sqlite, null)
        : new WorkspaceLocation(directory, WorkspaceLocation.Postgres, postgres);

    public static string Actor(CliEnvironment env) =>
        env.GetVariable("TUMEN_ACTOR") is { Length: > 0 } actor ? actor : Environment.UserName;

    /// <summary>
    /// Loads the manifest, asks for the passphrase and unlocks; a wrong passphrase stops here.
    /// <paramref name="withoutWorkspace"/> names what the command can do instead, for the message when there is no workspace.
    /// </summary>
    public static async Task<Workspace> OpenAsync(CliEnvironment env, ParseResult parse, Option<string?> option, CancellationToken cancellationToken, string? withoutWorkspace = null)
    {
        WorkspaceLocation location;
        try
        {
            location = WorkspaceLocation.Load(Directory(env, parse, option));
        }
        catch (TumenException ex) when (withoutWorkspace is not null && ex.ExitCode == ExitCode.Workspace)
        {
            throw new TumenException($"{ex.Message} Without a workspace: {withoutWorkspace}", ex, ExitCode.Workspace);
        }

        var passphrase = Passphrase(env, PassphraseVariable, "Passphrase: ", confirm: false);
        return await Workspace.OpenAsync(location, passphrase, Actor(env), env.Time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A passphrase from <paramref name="variable"/> or, in a terminal, typed without echo.</summary>
    public static string Passphrase(CliEnvironment env, string variable, string prompt, bool confirm)
    {
        if (env.GetVariable(variable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (!env.Interactive)
        {
            throw new TumenException($"no passphrase: set {variable} or run tumen in a terminal to be asked.", ExitCode.BadInput);
        }

        var first = ReadHidden(prompt);
        if (confirm && !string.Equals(first, ReadHidden("Again: "), StringComparison.Ordinal))
        {
            throw new TumenException("the two passphrases differ; nothing was changed.", ExitCode.BadInput);
        }

        return first;
    }

    /// <summary>Set (to "1") only by Tumen's own tests, to create workspaces below the 19 MiB floor so they unlock fast.</summary>
    public const string TestKdfVariable = "TUMEN_TEST_ONLY_WEAK_KDF";

    /// <summary>
    /// The Argon2id cost for a new workspace; lower memory only for small machines, and never below
    /// OWASP's 19 MiB floor (<see cref="KdfParameters.MinimumMemoryKib"/>) outside Tumen's tests.
    /// </summary>
    public static KdfParameters Kdf(int? memoryMib, CliEnvironment env)
    {
        if (memoryMib is null)
        {
            return KdfParameters.Default;
        }

        var floor = string.Equals(env.GetVariable(TestKdfVariable), "1", StringComparison.Ordinal) ? 8 : KdfParameters.MinimumMemoryKib / 1024;
        if (memoryMib < floor || memoryMib > 4096)
        {
            throw new TumenException($"--kdf-memory must be between {floor} and 4096 MiB.", ExitCode.BadInput);
        }

        return KdfParameters.Default with { MemoryKib = memoryMib.Value * 1024 };
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (key.KeyChar != '\0')
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
