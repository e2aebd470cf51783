using System.Text;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Core.Model;
using Tumen.Core.Places;
using Tumen.Core.Vocabularies;
using Tumen.Storage;
using Tumen.Storage.Persons;
using Tumen.Storage.Rows;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Persons;

/// <summary>
/// Adds, lists, finds and reveals persons. Lists show pseudonymous codes only; a reveal decrypts
/// names and testimony and is written to the audit chain, with the actor of the workspace view,
/// before any plaintext is returned.
/// </summary>
public sealed class PersonService(Workspace workspace)
{
    /// <summary>Above this many persons a listing loads the cluster table whole rather than per person.</summary>
    private const int WholeTableAbove = 2_000;

    /// <summary>Checks and stores a new person; returns her pseudonymous code.</summary>
    public async Task<string> AddAsync(NewPerson person, CancellationToken cancellationToken)
    {
        var names = person.Names.Select(n => n.Trim().Normalize(NormalizationForm.FormC)).Where(n => n.Length > 0).ToList();
        if (names.Count == 0)
        {
            throw new TumenException("a person needs at least one name (in any script).", ErrorKind.BadInput);
        }

        var vocabulary = Vocabulary.Default;
        var record = new PersonRecord
        {
            Names = [.. names.Select(n => PersonName.Of(n))],
            Sex = string.IsNullOrWhiteSpace(person.Sex) ? "unknown"
                : vocabulary.ResolveSex(person.Sex) ?? throw new TumenException("sex must be female, male, other or unknown (or F, M).", ErrorKind.BadInput),
            BirthDate = Clean(person.BirthDate) ?? "",
            Origin = Clean(person.Origin),
            Violation = string.IsNullOrWhiteSpace(person.Violation) ? null
                : vocabulary.Resolve(Vocabulary.ViolationType, person.Violation)
                    ?? throw new TumenException("not a known violation type; 'tumen vocab violation_type' lists them.", ErrorKind.BadInput),
            Date = Clean(person.Date),
            Place = Clean(person.Place),
            Testimony = Clean(person.Testimony),
            Source = Clean(person.Source),
        };
        await using var db = workspace.CreateContext();
        var row = await new PersonStore(db).AddAsync(record, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row.Code;
    }

    /// <summary>A page of persons by code, without decrypting anything.</summary>
    public async Task<PersonPage> ListAsync(PersonQuery query, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContext();
        var (rows, total) = await FindAsync(db, query, cancellationToken).ConfigureAwait(false);
        var clusters = await ClusterCodesAsync(db, rows, cancellationToken).ConfigureAwait(false);
        return new PersonPage([.. rows.Select(r => Item(r, clusters))], total);
    }

    /// <summary>One person by code, without decrypting anything.</summary>
    public async Task<PersonListItem> ShowAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContext();
        var row = await RowAsync(db, code, cancellationToken).ConfigureAwait(false);
        var clusters = await ClusterCodesAsync(db, [row], cancellationToken).ConfigureAwait(false);
        return Item(row, clusters);
    }

    /// <summary>The persons of a query, decrypted; every read is in the audit chain before this returns.</summary>
    public async Task<IReadOnlyList<RevealedPerson>> RevealAsync(PersonQuery query, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContext();
        var (rows, _) = await FindAsync(db, query, cancellationToken).ConfigureAwait(false);
        return await RevealRowsAsync(db, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One person, decrypted; the read is in the audit chain before this returns.</summary>
    public async Task<RevealedPerson> RevealAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContext();
        var row = await RowAsync(db, code, cancellationToken).ConfigureAwait(false);
        return (await RevealRowsAsync(db, [row], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>The codes of the other persons the last link run put in the same cluster as <paramref name="code"/>.</summary>
    public async Task<IReadOnlyList<string>> SamePersonAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContext();
        var row = await RowAsync(db, code, cancellationToken).ConfigureAwait(false);
        var cluster = await db.PersonLinks.AsNoTracking().Where(l => l.PersonId == row.Id).Select(l => (Guid?)l.ClusterId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (cluster is null)
        {
            return [];
        }

        return await db.PersonLinks.AsNoTracking().Where(l => l.ClusterId == cluster && l.PersonId != row.Id)
            .Join(db.Persons, l => l.PersonId, p => p.Id, (_, p) => p.Code)
            .OrderBy(c => c)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<PersonRow> RowAsync(TumenDbContext db, string code, CancellationToken cancellationToken) =>
        await new PersonStore(db).FindByCodeAsync(code, cancellationToken).ConfigureAwait(false)
            ?? throw new TumenException($"no person with code {Printable(code)}.", ErrorKind.NotFound);

    private static async Task<IReadOnlyList<RevealedPerson>> RevealRowsAsync(TumenDbContext db, IReadOnlyList<PersonRow> rows, CancellationToken cancellationToken)
    {
        var store = new PersonStore(db);
        var records = new List<PersonRecord>(rows.Count);
        foreach (var row in rows)
        {
            records.Add(await store.RevealAsync(row, cancellationToken).ConfigureAwait(false));
        }

        // The reads are recorded before any plaintext leaves this service.
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var clusters = await ClusterCodesAsync(db, rows, cancellationToken).ConfigureAwait(false);
        return [.. records.Select(r => RevealedPerson.From(r, clusters.GetValueOrDefault(r.Id!.Value)))];
    }

    private static async Task<(IReadOnlyList<PersonRow> Rows, int Total)> FindAsync(TumenDbContext db, PersonQuery query, CancellationToken cancellationToken)
    {
        if (query.Skip < 0 || query.Take < 0)
        {
            throw new TumenException("a page starts at 0 and holds 0 or more persons.", ErrorKind.BadInput);
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var found = await new PersonStore(db).SearchByNameAsync(query.Name, cancellationToken).ConfigureAwait(false);
            return ([.. found.Skip(query.Skip).Take(query.Take)], found.Count);
        }

        var total = await db.Persons.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Persons.AsNoTracking().OrderBy(p => p.Code).Skip(query.Skip).Take(query.Take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (rows, total);
    }

    /// <summary>Person id → the code of her cluster's first person (her own when she is alone), for the linked persons given.</summary>
    private static async Task<Dictionary<Guid, string>> ClusterCodesAsync(TumenDbContext db, IReadOnlyList<PersonRow> rows, CancellationToken cancellationToken)
    {
        Dictionary<Guid, Guid> clusterOf;
        if (rows.Count > WholeTableAbove)
        {
            clusterOf = await db.PersonLinks.AsNoTracking().ToDictionaryAsync(l => l.PersonId, l => l.ClusterId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var ids = rows.Select(r => r.Id).ToList();
            clusterOf = await db.PersonLinks.AsNoTracking().Where(l => ids.Contains(l.PersonId))
                .ToDictionaryAsync(l => l.PersonId, l => l.ClusterId, cancellationToken).ConfigureAwait(false);
        }

        var clusterIds = rows.Select(r => clusterOf.GetValueOrDefault(r.Id)).Where(c => c != Guid.Empty).Distinct().ToList();
        var codes = await db.Persons.AsNoTracking().Where(p => clusterIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Code, cancellationToken).ConfigureAwait(false);
        return rows
            .Where(r => clusterOf.TryGetValue(r.Id, out var cluster) && codes.ContainsKey(cluster))
            .ToDictionary(r => r.Id, r => codes[clusterOf[r.Id]]);
    }

    private static PersonListItem Item(PersonRow row, IReadOnlyDictionary<Guid, string> clusters) => new(
        row.Code,
        clusters.GetValueOrDefault(row.Id),
        row.Sex,
        row.OriginPlaceId is { } origin ? Gazetteer.Default.Find(origin)?.NameEnglish : null);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>A code as typed, safe to echo: codes are short and never hold a name, but a mistyped one might.</summary>
    private static string Printable(string code) => code.Length <= 16 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? code : "(as given)";
}
