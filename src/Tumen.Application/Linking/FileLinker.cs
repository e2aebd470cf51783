using Tumen.Core;
using Tumen.Linkage.Csv;
using Tumen.Linkage.Engine;
using Tumen.Linkage.Names;

namespace Tumen.Application.Linking;

/// <summary>
/// Links the records of CSV files, no workspace needed: reads them, takes the settings from a file
/// or infers them from the columns, and runs the engine. Writing clusters and pairs is the caller's choice.
/// </summary>
public static class FileLinker
{
    public static LinkResult Link(IReadOnlyList<string> inputs, string? settingsPath, IProgress<LinkProgress>? progress, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0)
        {
            throw new TumenException("Give at least one --input file.", ErrorKind.BadInput);
        }

        var columns = new List<string>();
        foreach (var header in inputs.Select(CsvRecords.ReadHeader))
        {
            columns.AddRange(header.Where(h => !columns.Contains(h, StringComparer.Ordinal)));
        }

        LinkSettings settings;
        if (settingsPath is null)
        {
            settings = LinkSettings.Infer(columns);
        }
        else
        {
            if (!File.Exists(settingsPath))
            {
                throw new TumenException($"Settings file not found: {settingsPath}", ErrorKind.BadInput);
            }

            settings = LinkSettings.Parse(File.ReadAllText(settingsPath), columns);
        }

        if (settings.LinkType == LinkType.LinkOnly && inputs.Count < 2)
        {
            throw new TumenException("link_type link_only needs at least two --input files.", ErrorKind.BadInput);
        }

        var records = CsvRecords.Read(inputs, settings.IdColumn);
        if (settingsPath is null)
        {
            (records, settings) = CombinedName.Apply(records, settings);
        }

        return new LinkEngine().Link(records, settings, progress, cancellationToken);
    }
}
