using System.CommandLine;
using Tumen.Core;
using Tumen.Ingest.Documents;
using Tumen.Ingest.Extraction;
using Tumen.Ingest.Lists;
using Tumen.Storage.Workspaces;

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
            var failures = new List<string>();
            var paths = Expand(parse.GetValue(files)!);
            foreach (var path in paths)
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
                throw new TumenException($"{failures.Count} of {paths.Count} file(s) were not imported: {string.Join("; ", failures)}", ExitCode.BadInput);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Files as given, and the lists and documents inside given folders, in a stable order.</summary>
    private static List<string> Expand(IEnumerable<string> paths) =>
        [.. paths.SelectMany<string, string>(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => DocumentReader.CanRead(f) || string.Equals(Path.GetExtension(f), ".csv", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [path])];

    private static async Task ImportOneAsync(CliEnvironment env, Workspace workspace, string path, bool force, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new TumenException($"{path}: no such file.", ExitCode.BadInput);
        }

        if (!string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            if (!DocumentReader.CanRead(path))
            {
                throw new TumenException($"{path}: not a list (.csv) or a document ({string.Join(", ", DocumentReader.Extensions)}).", ExitCode.BadInput);
            }

            var original = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            var findings = Extractor.Default.Extract(new DocumentReader().Read(Path.GetFileName(path), original));
            var stored = await DocumentImporter.ImportAsync(workspace, original, findings, ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync(stored.AlreadyStored
                ? $"{Path.GetFileName(path)}: already stored as source {stored.SourceId:D}; skipped."
                : $"{Path.GetFileName(path)}: stored as source {stored.SourceId:D} with {stored.Claims} numeric claim(s); the original is kept as encrypted evidence.")
                .ConfigureAwait(false);
            return;
        }

        var list = PersonListReader.Read(path);
        var result = await CliOutput.WithProgressAsync(env, $"Importing {Path.GetFileName(path)}", list.Records.Count, progress =>
            PersonListImporter.ImportAsync(workspace, list, force, new Progress<int>(n => progress.Report(n)), ct)).ConfigureAwait(false);
        await env.Out.WriteLineAsync($"{Path.GetFileName(path)}: imported {result.Persons:N0} persons and {result.Acts:N0} acts (import {result.ImportId:D}).")
            .ConfigureAwait(false);
    }
}
