using System.CommandLine;
using Tumen.Storage.Workspaces;

namespace Tumen.Cli.Commands;

/// <summary><c>tumen rekey</c>: re-encrypts the whole workspace under a new data key (the logic is <see cref="Rekeying"/>).</summary>
internal static class RekeyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var command = new Command(
            "rekey",
            "Re-encrypt everything under a new data key, so copies and backups made before open nothing written after. Write a new anchor afterwards.")
        {
            workspace,
        };
        command.SetAction(async (parse, ct) =>
        {
            var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var passphrase = WorkspaceAccess.Passphrase(env, WorkspaceAccess.PassphraseVariable, "Passphrase: ", confirm: false);
            var (rekeyed, summary) = await Rekeying.RekeyAsync(opened, passphrase, ct).ConfigureAwait(false);
            rekeyed.Dispose();
            await env.Out.WriteLineAsync(
                $"Rekeyed: {summary.Fields:N0} encrypted fields in {summary.Rows:N0} rows re-encrypted and {summary.AuditEntries:N0} audit entries re-sealed under a new key. Older backups keep the old key: delete them or keep them as safe as the passphrase.")
                .ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
