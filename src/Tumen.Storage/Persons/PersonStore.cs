using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Core.Dates;
using Tumen.Core.Model;
using Tumen.Core.Places;
using Tumen.Storage.Protection;
using Tumen.Storage.Rows;
using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Persons;

/// <summary>
/// Adds, finds and reveals persons. Identifying fields go in and come out only through here, so
/// encryption, blind indexing and the audit of reads happen in one place.
/// </summary>
public sealed class PersonStore
{
    public const string PersonsTable = "persons";
    public const string ActsTable = "acts";
    public const string SourcesTable = "sources";
    private const string NameField = "name";
    private const string TextField = "text";
    private const string LabelField = "source_label";
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly TumenDbContext _db;
    private readonly WorkspaceSession _session;
    private readonly Gazetteer _gazetteer;
    private readonly Dictionary<string, Guid> _sourceIds = new(StringComparer.Ordinal);
    private HashSet<string>? _codes;

    public PersonStore(TumenDbContext db, Gazetteer? gazetteer = null)
    {
        _db = db;
        _session = db.Session ?? throw new InvalidOperationException("The workspace must be unlocked to read or write persons.");
        _gazetteer = gazetteer ?? Gazetteer.Default;
    }

    /// <summary>Stages a person (and the act and source the record reports); the caller saves.</summary>
    public async Task<PersonRow> AddAsync(PersonRecord record, CancellationToken cancellationToken)
    {
        var now = _session.Now();
        var id = Guid.NewGuid();
        var origin = _gazetteer.Lookup(record.Origin);
        var sourceId = string.IsNullOrWhiteSpace(record.Source) ? (Guid?)null : await SourceIdAsync(record.Source, cancellationToken).ConfigureAwait(false);
        var secrets = new PersonSecrets(
            record.Names,
            record.BirthDate,
            NullIfBlank(record.Origin),
            [],
            NullIfBlank(record.Testimony),
            NullIfBlank(record.ExternalId),
            record.Attributes);
        var row = new PersonRow
        {
            Id = id,
            Code = await NewCodeAsync(cancellationToken).ConfigureAwait(false),
            Roles = "victim",
            Sex = record.Sex,
            OriginPlaceId = origin?.Id,
            SourceId = sourceId,
            CreatedAt = now,
            UpdatedAt = now,
            Secrets = _session.Protect(secrets, PersonsTable, id),
        };
        _db.Persons.Add(row);
        foreach (var name in record.Names)
        {
            AddTokens(NameField, name.Value, id);
        }

        if (!string.IsNullOrWhiteSpace(record.Testimony))
        {
            AddTokens(TextField, record.Testimony, id);
        }

        if (!string.IsNullOrWhiteSpace(record.Violation))
        {
            AddAct(record, id, sourceId);
        }

        return row;
    }

    /// <summary>A person by display code, or null.</summary>
    public Task<PersonRow?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = code.Trim().ToUpperInvariant();
        return _db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Code == normalised, cancellationToken);
    }

    /// <summary>Persons whose names contain every token of <paramref name="query"/>, found through the blind index.</summary>
    public async Task<IReadOnlyList<PersonRow>> SearchByNameAsync(string query, CancellationToken cancellationToken)
    {
        var hashes = BlindIndex.Hashes(_session.Keys.BlindIndexKey, NameField, query).ToList();
        if (hashes.Count == 0)
        {
            return [];
        }

        HashSet<string>? ids = null;
        foreach (var hash in hashes)
        {
            var matches = await _db.SearchTokens.AsNoTracking()
                .Where(t => t.Token == hash && t.Entity == PersonsTable)
                .Select(t => t.RecordId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            ids = ids is null ? [.. matches] : [.. ids.Intersect(matches, StringComparer.Ordinal)];
        }

        var found = ids!.Select(Guid.Parse).ToList();
        return await _db.Persons.AsNoTracking().Where(p => found.Contains(p.Id)).OrderBy(p => p.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Decrypts a person's identifying fields and records the read in the audit chain (written on
    /// the next save).
    /// </summary>
    public async Task<PersonRecord> RevealAsync(PersonRow row, CancellationToken cancellationToken)
    {
        var act = await _db.Acts.AsNoTracking().Where(a => a.VictimId == row.Id).OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var labels = row.SourceId is { } sourceId
            ? await SourceLabelsAsync(_db.Sources.Where(s => s.Id == sourceId), cancellationToken).ConfigureAwait(false)
            : [];
        return Reveal(row, act, labels);
    }

    /// <summary>Every person, decrypted, in code order; each read is recorded for the audit chain (the caller saves).</summary>
    public async IAsyncEnumerable<PersonRecord> RevealAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var labels = await SourceLabelsAsync(_db.Sources, cancellationToken).ConfigureAwait(false);
        var acts = new Dictionary<Guid, ActRow>();
        await foreach (var act in _db.Acts.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            acts.TryAdd(act.VictimId, act);
        }

        var rows = await _db.Persons.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            yield return Reveal(row, acts.GetValueOrDefault(row.Id), labels);
        }
    }

    /// <summary>The label of every source (decrypted; labels name lists and documents, not persons).</summary>
    public Task<Dictionary<Guid, string?>> SourceLabelsAsync(CancellationToken cancellationToken) => SourceLabelsAsync(_db.Sources, cancellationToken);

    private PersonRecord Reveal(PersonRow row, ActRow? act, IReadOnlyDictionary<Guid, string?> sourceLabels)
    {
        var secrets = _session.Unprotect<PersonSecrets>(row.Secrets, PersonsTable, row.Id);
        _db.RecordAccess("read", PersonsTable, row.RowId);
        var actSecrets = act is null ? null : _session.Unprotect<ActSecrets>(act.Secrets, ActsTable, act.Id);
        return new PersonRecord
        {
            Id = row.Id,
            Code = row.Code,
            ExternalId = secrets.ExternalId,
            Source = row.SourceId is { } sourceId ? sourceLabels.GetValueOrDefault(sourceId) : null,
            Names = secrets.Names,
            Sex = row.Sex,
            BirthDate = secrets.BirthDate,
            Origin = secrets.OriginDetail ?? PlaceName(row.OriginPlaceId),
            Violation = act?.ViolationType,
            Date = actSecrets?.Date,
            Place = actSecrets?.ExactLocation ?? PlaceName(act?.PlaceId),
            Testimony = secrets.Narrative,
            Attributes = secrets.Attributes,
        };
    }

    private async Task<Dictionary<Guid, string?>> SourceLabelsAsync(IQueryable<SourceRow> sources, CancellationToken cancellationToken)
    {
        var rows = await sources.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(s => s.Id, s => _session.Unprotect<SourceSecrets>(s.Secrets, SourcesTable, s.Id).Label);
    }

    private void AddAct(PersonRecord record, Guid victimId, Guid? sourceId)
    {
        var id = Guid.NewGuid();
        var place = _gazetteer.Lookup(record.Place);
        var year = UncertainDate.TryParse(record.Date, out var date) && date.Earliest is { } earliest && date.Latest?.Year == earliest.Year
            ? earliest.Year.ToString(CultureInfo.InvariantCulture)
            : "";
        _db.Acts.Add(new ActRow
        {
            Id = id,
            VictimId = victimId,
            ViolationType = record.Violation!,
            DateYear = year,
            PlaceId = place?.Id,
            SourceId = sourceId,
            Secrets = _session.Protect(new ActSecrets(record.Date ?? "", NullIfBlank(record.Place), null), ActsTable, id),
        });
    }

    private async Task<Guid> SourceIdAsync(string label, CancellationToken cancellationToken)
    {
        var normalised = label.Trim();
        if (_sourceIds.TryGetValue(normalised, out var known))
        {
            return known;
        }

        var labelHash = BlindIndex.Hash(_session.Keys.BlindIndexKey, LabelField, normalised);
        var existing = await _db.Sources.AsNoTracking().Where(s => s.LabelHash == labelHash).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var id = existing ?? Guid.NewGuid();
        if (existing is null)
        {
            _db.Sources.Add(new SourceRow
            {
                Id = id,
                Kind = "list",
                LabelHash = labelHash,
                Secrets = _session.Protect(new SourceSecrets(null, null, normalised), SourcesTable, id),
            });
        }

        _sourceIds[normalised] = id;
        return id;
    }

    private void AddTokens(string field, string text, Guid recordId)
    {
        _db.QueueSearchTokens(PersonsTable, recordId, BlindIndex.Hashes(_session.Keys.BlindIndexKey, field, text));
    }

    private async Task<string> NewCodeAsync(CancellationToken cancellationToken)
    {
        _codes ??= [.. await _db.Persons.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken).ConfigureAwait(false)];
        Span<char> chars = stackalloc char[8];
        while (true)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
            }

            var code = string.Create(CultureInfo.InvariantCulture, $"P-{chars[..4]}-{chars[4..]}");
            if (_codes.Add(code))
            {
                return code;
            }
        }
    }

    private string? PlaceName(string? placeId) => placeId is null ? null : _gazetteer.Find(placeId)?.NameEnglish ?? placeId;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
