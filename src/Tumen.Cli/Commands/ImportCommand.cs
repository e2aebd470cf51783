using System.CommandLine;
using Tumen.Application.Imports;
using Tumen.Core;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen import PATH...</c>: stores person and incident lists (CSV) and documents (txt, md, html,
/// pdf, docx; folders are searched). Each file is stored whole or not at all; a bad file is reported
/// and the others still go in.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var force = new Option<bool>("--force") { Description = "Import a file even if the same file was imported before." };
        var files = new Argument<string[]>("PATH")
        {
            Description = "CSV person or incident lists (see the README for the columns), documents (txt, md, html, pdf, docx), or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Import lists and documents into the workspace, encrypted.") { workspace, force, files };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var service = new ImportService(opened);
            var paths = ImportService.Expand(parse.GetValue(files)!);
            var failures = new List<string>();
            foreach (var path in paths)
            {
                var outcome = await CliOutput.WithProgressAsync(env, $"Importing {CliOutput.Safe(Path.GetFileName(path))}", 1, progress =>
                    service.ImportFileAsync(path, parse.GetValue(force), new Progress<ImportProgress>(p => progress.Report(p.Total == 0 ? 1 : (double)p.Done / p.Total)), ct))
                    .ConfigureAwait(false);
                var file = CliOutput.Safe(outcome.File);
                if (outcome.Failure is { } failure)
                {
                    failures.Add(failure);
                    await env.Error.WriteLineAsync($"tumen: {CliOutput.Safe(failure)}").ConfigureAwait(false);
                }
                else if (outcome.List is { } list)
                {
                    await env.Out.WriteLineAsync($"{file}: imported {list.Persons:N0} persons and {list.Acts:N0} acts (import {list.ImportId:D}).").ConfigureAwait(false);
                }
                else if (outcome.Document is { } document)
                {
                    await env.Out.WriteLineAsync(document.AlreadyStored
                        ? $"{file}: already stored as source {document.SourceId:D}; skipped."
                        : $"{file}: stored as source {document.SourceId:D} with {document.Claims} numeric claim(s); the original is kept as encrypted evidence.")
                        .ConfigureAwait(false);
                }
            }

            if (failures.Count > 0)
            {
                throw new TumenException(CliOutput.Safe($"{failures.Count} of {paths.Count} file(s) were not imported: {string.Join("; ", failures)}"), ExitCode.BadInput);
            }

            return 0;
        });
        return command;
    }
}
