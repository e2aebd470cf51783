using System.CommandLine;
using Tumen.Core;
using Tumen.Storage.Audit;
using Tumen.Storage.Verification;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen verify</c>: checks the audit chain, every seal and ciphertext, evidence hashes and the
/// database; with <c>--anchor</c> also that the chain still reaches a head kept elsewhere, and with
/// <c>--write-anchor</c> writes such a head to keep.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var anchor = new Option<string?>("--anchor")
        {
            Description = "Also check that the audit log still reaches the head kept in this file (an anchor file or any backup): detects a cut log or an older copy of the database.",
            HelpName = "FILE",
        };
        var writeAnchor = new Option<string?>("--write-anchor")
        {
            Description = "After a clean verify, write the current head to this new file; keep it away from the workspace.",
            HelpName = "FILE",
        };
        var command = new Command("verify", "Check the workspace end to end and name the first thing that is wrong.") { workspace, anchor, writeAnchor };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var kept = parse.GetValue(anchor) is { } anchorPath
                ? await AnchorRecord.ReadFileAsync(opened.Session.Chain, Path.GetFullPath(anchorPath), ct).ConfigureAwait(false)
                : null;
            var report = await CliOutput.WithProgressAsync(env, "Verifying", 1, progress =>
                Verifier.VerifyAsync(opened, kept, new Progress<string>(_ => { }), ct)).ConfigureAwait(false);
            if (!report.Ok)
            {
                throw new TumenException($"verification failed: {report.FirstProblem}", ExitCode.IntegrityFailure);
            }

            await env.Out.WriteLineAsync(
                $"ok: {report.AuditEntries:N0} audit entries in an unbroken chain, {report.RowsChecked:N0} sealed rows, {report.EvidenceFiles:N0} evidence files.")
                .ConfigureAwait(false);
            if (kept is not null)
            {
                await env.Out.WriteLineAsync($"the log still reaches the anchor (entry {kept.Count:N0}).").ConfigureAwait(false);
            }

            if (parse.GetValue(writeAnchor) is { } writePath)
            {
                var path = Path.GetFullPath(writePath);
                await AnchorRecord.WriteFileAsync(opened.Session.Chain, report.Anchor, path, ct).ConfigureAwait(false);
                await env.Out.WriteLineAsync($"wrote the anchor to {path}; keep it away from the workspace and check with 'tumen verify --anchor {path}'.").ConfigureAwait(false);
            }
            else
            {
                await env.Out.WriteLineAsync($"chain head: {report.AuditHead} (keep it elsewhere with --write-anchor to detect a rolled-back log later)").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
