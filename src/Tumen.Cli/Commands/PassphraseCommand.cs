using System.CommandLine;

namespace Tumen.Cli.Commands;

/// <summary><c>tumen passphrase change</c>: re-wraps the data key; no data is re-encrypted.</summary>
internal static class PassphraseCommand
{
    public static Command Create(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var change = new Command(
            "change",
            $"Change the workspace passphrase (current from {WorkspaceAccess.PassphraseVariable}, new from {WorkspaceAccess.NewPassphraseVariable}, or prompts).")
        {
            workspace,
        };
        change.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var next = WorkspaceAccess.Passphrase(env, WorkspaceAccess.NewPassphraseVariable, "New passphrase: ", confirm: true);
            await opened.ChangePassphraseAsync(next, ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync("The passphrase was changed; the old one no longer opens this workspace. The data key is the same: a copy or backup made before still opens with the old passphrase. Run 'tumen rekey' to replace the key.").ConfigureAwait(false);
            return 0;
        });
        return new Command("passphrase", "Manage the workspace passphrase.") { change };
    }
}
