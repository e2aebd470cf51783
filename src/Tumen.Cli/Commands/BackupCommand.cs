using System.CommandLine;
using Tumen.Storage.Backups;
using Tumen.Storage.Workspaces;

namespace Tumen.Cli.Commands;

/// <summary><c>tumen backup FILE</c> and <c>tumen restore FILE</c>: encrypted, self-verifying archives.</summary>
internal static class BackupCommand
{
    public static Command Create(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var file = new Argument<string>("FILE") { Description = "Where to write the backup (must not exist)." };
        var command = new Command("backup", "Write an encrypted archive of the whole workspace; it is read back and checked before it is kept.")
        {
            workspace, file,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var path = Path.GetFullPath(parse.GetValue(file)!);
            var summary = await CliOutput.WithProgressAsync(env, "Backing up", 1, _ =>
                BackupArchive.WriteAsync(opened, path, progress: null, ct)).ConfigureAwait(false);
            await env.Out.WriteLineAsync($"Wrote {path}: {summary.Rows:N0} records, {summary.Bytes:N0} bytes, backup id {summary.BackupId}; it opens only with this workspace's passphrase.")
                .ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    public static Command CreateRestore(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var postgres = new Option<string?>("--postgres") { Description = "Restore into this PostgreSQL database instead of SQLite.", HelpName = "CONNSTR" };
        var file = new Argument<string>("FILE") { Description = "A backup written by tumen backup." };
        var command = new Command("restore", "Restore a backup into a new workspace; the archive is checked in full first, and the result must pass verify.")
        {
            workspace, postgres, file,
        };
        command.SetAction(async (parse, ct) =>
        {
            var directory = WorkspaceAccess.Directory(env, parse, workspace);
            var target = WorkspaceAccess.NewLocation(directory, parse.GetValue(postgres));
            var passphrase = WorkspaceAccess.Passphrase(env, WorkspaceAccess.PassphraseVariable, "Backup passphrase: ", confirm: false);
            var (restored, summary) = await BackupArchive.RestoreAsync(
                Path.GetFullPath(parse.GetValue(file)!), passphrase, target, WorkspaceAccess.Actor(env), env.Time, ct).ConfigureAwait(false);
            restored.Dispose();
            await env.Out.WriteLineAsync($"Restored {summary.Rows:N0} records into {directory}; verify passed.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
