using System.CommandLine;
using Tumen.Core;
using Tumen.Ingest.Lists;
using Tumen.Storage.Workspaces;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen import FILE...</c>: stores person and incident lists (CSV). Each file is stored whole or
/// not at all; a bad file is reported and the others still go in.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var force = new Option<bool>("--force") { Description = "Import a file even if the same file was imported before." };
        var files = new Argument<string[]>("FILE") { Description = "CSV person or incident lists (see the README for the columns).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Import person and incident lists into the workspace, encrypted.") { workspace, force, files };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var failures = new List<string>();
            foreach (var path in parse.GetValue(files)!)
            {
                try
                {
                    await ImportOneAsync(env, opened, path, parse.GetValue(force), ct).ConfigureAwait(false);
                }
                catch (TumenException ex) when (ex.ExitCode == ExitCode.BadInput)
                {
                    failures.Add(ex.Message);
                    await env.Error.WriteLineAsync($"tumen: {ex.Message}").ConfigureAwait(false);
                }
            }

            if (failures.Count > 0)
            {
                throw new TumenException($"{failures.Count} of {parse.GetValue(files)!.Length} file(s) were not imported; see above.", ExitCode.BadInput);
            }

            return 0;
        });
        return command;
    }

    private static async Task ImportOneAsync(CliEnvironment env, Workspace workspace, string path, bool force, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new TumenException($"{path}: no such file.", ExitCode.BadInput);
        }

        if (!string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new TumenException($"{path}: only CSV lists can be imported so far.", ExitCode.BadInput);
        }

        var list = PersonListReader.Read(path);
        var result = await CliOutput.WithProgressAsync(env, $"Importing {Path.GetFileName(path)}", list.Records.Count, progress =>
            PersonListImporter.ImportAsync(workspace, list, force, new Progress<int>(n => progress.Report(n)), ct)).ConfigureAwait(false);
        await env.Out.WriteLineAsync($"{Path.GetFileName(path)}: imported {result.Persons:N0} persons and {result.Acts:N0} acts (import {result.ImportId:D}).")
            .ConfigureAwait(false);
    }
}
