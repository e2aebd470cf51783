using System.CommandLine;
using Tumen.Core;
using Tumen.Storage.Verification;

namespace Tumen.Cli.Commands;

/// <summary><c>tumen verify</c>: checks the audit chain, every seal and ciphertext, evidence hashes and the database.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var command = new Command("verify", "Check the workspace end to end and name the first thing that is wrong.") { workspace };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var report = await CliOutput.WithProgressAsync(env, "Verifying", 1, progress =>
                Verifier.VerifyAsync(opened, new Progress<string>(_ => { }), ct)).ConfigureAwait(false);
            if (!report.Ok)
            {
                throw new TumenException($"verification failed: {report.FirstProblem}", ExitCode.IntegrityFailure);
            }

            await env.Out.WriteLineAsync(
                $"ok: {report.AuditEntries:N0} audit entries in an unbroken chain, {report.RowsChecked:N0} sealed rows, {report.EvidenceFiles:N0} evidence files.")
                .ConfigureAwait(false);
            await env.Out.WriteLineAsync($"chain head: {report.AuditHead} (record it elsewhere to detect a rolled-back log later)").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
