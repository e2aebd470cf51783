using Tumen.Core;
using Tumen.Core.Vocabularies;
using Tumen.Ingest.Documents;
using Tumen.Ingest.Extraction;
using Tumen.Ingest.Lists;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Imports;

/// <summary>How far the import of one file has come: rows stored of the rows it has.</summary>
public sealed record ImportProgress(string File, int Done, int Total);

/// <summary>What became of one file: stored as a list or a document, or refused and why.</summary>
/// <param name="Failure">Why the file was not imported (names the file and line, never a cell's content); null when it was.</param>
public sealed record FileImportOutcome(string File, ListImportResult? List, DocumentImportResult? Document, string? Failure, ErrorKind? FailureKind)
{
    public bool Imported => Failure is null;
}

/// <summary>
/// Imports person and incident lists (CSV) and documents (txt, md, html, pdf, docx) into a
/// workspace: each file whole or not at all, a bad file reported while the others still go in.
/// Lists become encrypted persons and acts; documents become sources with their extracted claims,
/// the original kept as encrypted evidence.
/// </summary>
public sealed class ImportService(Workspace workspace)
{
    /// <summary>Files as given, and the lists and documents inside given folders, in a stable order.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths) =>
        [.. paths.SelectMany<string, string>(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(IsImportable)
                .Order(StringComparer.Ordinal)
            : [path])];

    /// <summary>Whether a file name is a list or a document Tumen reads.</summary>
    public static bool IsImportable(string fileName) => IsList(fileName) || DocumentReader.CanRead(fileName);

    /// <summary>Imports every path (folders searched); a file that fails is reported and the rest go on.</summary>
    public async Task<IReadOnlyList<FileImportOutcome>> ImportPathsAsync(
        IEnumerable<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<FileImportOutcome>();
        foreach (var path in Expand(paths))
        {
            outcomes.Add(await ImportFileAsync(path, force, progress, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>
    /// Imports one file from disk. Its type and size are checked before it is read (links resolved,
    /// pipes and devices refused), and the read is bounded, so one odd file never stops the others.
    /// </summary>
    public Task<FileImportOutcome> ImportFileAsync(string path, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        return GuardAsync(name, async () =>
        {
            if (!File.Exists(path))
            {
                throw new TumenException($"{DisplayPath.Of(path)}: no such file.", ErrorKind.NotFound);
            }

            if (!IsImportable(name))
            {
                throw new TumenException($"{DisplayPath.Of(path)}: not a list (.csv) or a document ({string.Join(", ", DocumentReader.Extensions)}).", ErrorKind.BadInput);
            }

            if (IsList(name))
            {
                return await StoreListAsync(name, PersonListReader.Read(path), force, progress, cancellationToken).ConfigureAwait(false);
            }

            var read = await new DocumentReader().TryReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (!read.IsRead)
            {
                throw new TumenException(read.Failure!, ErrorKind.BadInput);
            }

            return await StoreDocumentAsync(name, read.Document!, read.Original!, progress, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>Imports one file that arrived as bytes (an upload); <paramref name="fileName"/> decides how it is read.</summary>
    public Task<FileImportOutcome> ImportBytesAsync(string fileName, byte[] bytes, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName);
        return GuardAsync(name, () =>
        {
            if (!IsImportable(name))
            {
                throw new TumenException($"{DisplayPath.Of(name)}: not a list (.csv) or a document ({string.Join(", ", DocumentReader.Extensions)}).", ErrorKind.BadInput);
            }

            return StoreAsync(name, bytes, force, progress, cancellationToken);
        });
    }

    private Task<FileImportOutcome> StoreAsync(string name, byte[] bytes, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        IsList(name)
            ? StoreListAsync(name, PersonListReader.Parse(name, bytes, Vocabulary.Default), force, progress, cancellationToken)
            : StoreDocumentAsync(name, new DocumentReader().Read(name, bytes), bytes, progress, cancellationToken);

    private async Task<FileImportOutcome> StoreListAsync(string name, PersonList list, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var rows = progress is null ? null : new RowProgress(done => progress.Report(new ImportProgress(name, done, list.Records.Count)));
        var stored = await ListImporter.ImportAsync(workspace, DisplayPath.Of(name), list, force, rows, cancellationToken).ConfigureAwait(false);
        return new FileImportOutcome(name, stored, null, null, null);
    }

    private async Task<FileImportOutcome> StoreDocumentAsync(string name, SourceDocument document, byte[] original, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var findings = Extractor.Default.Extract(document);
        var stored = await DocumentImporter.ImportAsync(workspace, original, findings, cancellationToken).ConfigureAwait(false);
        progress?.Report(new ImportProgress(name, 1, 1));
        return new FileImportOutcome(name, null, stored, null, null);
    }

    /// <summary>Bad files become outcomes; a wrong key, damage or a cancellation stops the whole import.</summary>
    private static async Task<FileImportOutcome> GuardAsync(string name, Func<Task<FileImportOutcome>> import)
    {
        try
        {
            return await import().ConfigureAwait(false);
        }
        catch (TumenException ex) when (ex.ExitCode == ExitCode.BadInput)
        {
            return new FileImportOutcome(name, null, null, ex.Message, ex.Kind);
        }
    }

    private static bool IsList(string fileName) => string.Equals(Path.GetExtension(fileName), ".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Passes each count on at once, on the importing thread (<see cref="Progress{T}"/> would post it later).</summary>
    private sealed class RowProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
