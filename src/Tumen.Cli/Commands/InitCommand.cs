using System.CommandLine;
using Tumen.Storage.Workspaces;

namespace Tumen.Cli.Commands;

/// <summary><c>tumen init</c>: creates an encrypted workspace (SQLite by default, or PostgreSQL).</summary>
internal static class InitCommand
{
    public static Command Create(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Keep the data in this PostgreSQL database (a connection string) instead of the embedded SQLite file.",
            HelpName = "CONNSTR",
        };
        var kdfMemory = new Option<int?>("--kdf-memory")
        {
            Description = "Argon2id memory in MiB for unlocking (default 64, at least 19; lower only on very small machines).",
            HelpName = "MIB",
        };
        var command = new Command("init", "Create a new encrypted workspace. The passphrase comes from TUMEN_PASSPHRASE or a prompt.")
        {
            workspace, postgres, kdfMemory,
        };
        command.SetAction(async (parse, ct) =>
        {
            var directory = WorkspaceAccess.Directory(env, parse, workspace);
            var location = WorkspaceAccess.NewLocation(directory, parse.GetValue(postgres));
            var kdf = WorkspaceAccess.Kdf(parse.GetValue(kdfMemory), env);
            var passphrase = WorkspaceAccess.Passphrase(env, WorkspaceAccess.PassphraseVariable, "New passphrase: ", confirm: true);
            using var created = await Workspace.CreateAsync(location, passphrase, WorkspaceAccess.Actor(env), env.Time, kdf, ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync($"Created a {location.Provider} workspace in {directory}.").ConfigureAwait(false);
            await env.Out.WriteLineAsync("Keep the passphrase safe: without it the data cannot be recovered by anyone.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
