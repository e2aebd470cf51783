using System.Text;
using System.Text.Json;
using Tumen.Core;
using Tumen.Core.Model;
using Tumen.Ingest.Lists;
using Tumen.Storage.Persons;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Exports;

/// <summary>
/// Writes every person, decrypted, as JSON or as a CSV that <see cref="PersonListReader"/> reads
/// back to the same records. Every person read is an audit entry, and so is the export itself.
/// </summary>
public static class PersonExporter
{
    public const string Json = "json";
    public const string Csv = "csv";

    public static async Task<int> ExportAsync(Workspace workspace, string format, TextWriter output, CancellationToken cancellationToken)
    {
        if (format is not (Json or Csv))
        {
            throw new TumenException($"unknown export format '{format}'; use json or csv.", ExitCode.BadInput);
        }

        await using var db = workspace.CreateContext();
        var store = new PersonStore(db);
        var records = new List<PersonRecord>();
        await foreach (var record in store.RevealAllAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
            if (records.Count % 1_000 == 0)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        db.RecordAccess("export", "workspace", format);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (format == Json)
        {
            await output.WriteAsync(JsonSerializer.Serialize(records.Select(ToJson), ExportJson.Options)).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
        }
        else
        {
            var extra = records.SelectMany(r => r.Attributes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            List<string> columns = [.. PersonListColumns.Known, .. extra];
            Tumen.Core.Csv.WriteRow(output, columns);
            foreach (var record in records)
            {
                Tumen.Core.Csv.WriteRow(output, PersonListColumns.Cells(record, columns), guardFormulas: true);
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return records.Count;
    }

    private static object ToJson(PersonRecord r) => new
    {
        code = r.Code,
        id = r.ExternalId,
        source = r.Source,
        names = r.Names.Select(n => new { value = n.Value, script = n.Script.ToString().ToLowerInvariant(), kind = n.Kind }),
        sex = r.Sex,
        birth_date = r.BirthDate,
        origin = r.Origin,
        violation = r.Violation,
        date = r.Date,
        place = r.Place,
        testimony = r.Testimony,
        attributes = r.Attributes,
    };

    private static class ExportJson
    {
        public static readonly JsonSerializerOptions Options = new()
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}
