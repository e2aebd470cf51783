using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Core.Dates;
using Tumen.Core.Places;
using Tumen.Estimation.Input;
using Tumen.Storage;
using Tumen.Storage.Links;
using Tumen.Storage.Persons;

namespace Tumen.Application.Estimation;

/// <summary>
/// The capture histories of a workspace: one entry per linked person (a cluster of records), saying
/// which source lists hold a record of that person — the input of <c>tumen estimate</c> without
/// <c>--input</c>. Reads only ids, source labels and coarse stratum values, never a name; strata by
/// age decrypt birth dates (each read audited) and keep only the age group. Lists are named by a
/// pseudonymous source id unless their labels (encrypted at rest) are asked for.
/// </summary>
internal static class WorkspaceCaptures
{
    /// <summary>The ways a workspace estimate can be split into strata.</summary>
    public static IReadOnlyList<string> StratumKinds { get; } = ["sex", "province", "year", "age"];

    public const string Unknown = "unknown";

    public static async Task<(StratifiedHistories Data, IReadOnlyList<string> Warnings)> LoadAsync(TumenDbContext db, string? by, bool labels, CancellationToken ct)
    {
        if (by is not null && !StratumKinds.Contains(by, StringComparer.Ordinal))
        {
            throw new TumenException($"unknown --by '{by}'; use {string.Join(", ", StratumKinds)}.", ExitCode.BadInput);
        }

        var clusters = await new LinkStore(db).ClustersAsync(ct).ConfigureAwait(false);
        if (clusters.Count == 0)
        {
            throw new TumenException("the workspace has no linked persons: run 'tumen link' first (or give --input FILE.csv).", ExitCode.BadInput);
        }

        var persons = await db.Persons.AsNoTracking().Select(p => new { p.Id, p.SourceId, p.Sex, p.OriginPlaceId }).ToListAsync(ct).ConfigureAwait(false);
        var unlinked = persons.Count(p => !clusters.ContainsKey(p.Id));
        if (unlinked > 0)
        {
            throw new TumenException(
                string.Create(CultureInfo.InvariantCulture, $"{unlinked} person(s) were added since the last 'tumen link'; run it again so they are counted once."),
                ExitCode.BadInput);
        }

        var names = labels ? await new PersonStore(db).SourceLabelsAsync(ct).ConfigureAwait(false) : [];
        if (labels)
        {
            db.RecordAccess("read", PersonStore.SourcesTable, "labels");
        }

        var years = by is "year" or "age"
            ? (await db.Acts.AsNoTracking().Where(a => a.DateYear != "").Select(a => new { a.VictimId, a.DateYear }).ToListAsync(ct).ConfigureAwait(false))
                .GroupBy(a => a.VictimId).ToDictionary(g => g.Key, g => g.First().DateYear)
            : [];
        var ages = by == "age" ? await AgeGroupsAsync(db, years, ct).ConfigureAwait(false) : [];
        var warnings = new List<string>();
        var withoutSource = persons.Count(p => p.SourceId is null);
        if (withoutSource > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{withoutSource} record(s) name no source list and are left out of the capture histories."));
        }

        var people = persons
            .Where(p => p.SourceId is not null)
            .GroupBy(p => clusters[p.Id])
            .Select(g => (
                Lists: g.Select(p => ListName(p.SourceId!.Value, names)).Distinct(StringComparer.Ordinal).ToList(),
                Stratum: by switch
                {
                    "sex" => Commonest(g.Select(p => p.Sex)),
                    "province" => Commonest(g.Select(p => Province(p.OriginPlaceId))),
                    "year" => Commonest(g.Select(p => years.GetValueOrDefault(p.Id))),
                    "age" => Commonest(g.Select(p => ages.GetValueOrDefault(p.Id))),
                    _ => Unknown,
                }))
            .ToList();
        var lists = people.SelectMany(p => p.Lists).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (lists.Count < 2)
        {
            throw new TumenException(
                string.Create(CultureInfo.InvariantCulture,
                    $"estimation needs persons from at least two source lists; the linked persons come from {lists.Count} ({withoutSource} record(s) name none). Import each list with a 'source' column."),
                ExitCode.BadInput);
        }

        var total = CaptureHistories.FromPersons(lists, people.Select(p => p.Lists));
        IReadOnlyList<Stratum> strata = by is null
            ? []
            : [.. people.GroupBy(p => p.Stratum, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Stratum(g.Key, lists, Patterns(lists, g.Select(p => p.Lists))))];
        return (new StratifiedHistories(total, strata), warnings);
    }

    /// <summary>Counts per capture pattern, unchecked: a stratum that cannot be estimated says so when estimated, without stopping the others.</summary>
    private static IReadOnlyList<PatternCount> Patterns(List<string> lists, IEnumerable<List<string>> people) =>
        [.. people
            .Select(onLists => onLists.Aggregate(0, (mask, list) => mask | (1 << lists.IndexOf(list))))
            .GroupBy(mask => mask)
            .OrderBy(g => g.Key)
            .Select(g => new PatternCount(g.Key, g.Count()))];

    /// <summary>Age group at the time of the violation (its year less the birth year), where both are known.</summary>
    private static async Task<Dictionary<Guid, string>> AgeGroupsAsync(TumenDbContext db, IReadOnlyDictionary<Guid, string> violationYears, CancellationToken ct)
    {
        var groups = new Dictionary<Guid, string>();
        await foreach (var person in new PersonStore(db).RevealAllAsync(ct).ConfigureAwait(false))
        {
            var id = person.Id!.Value;
            if (violationYears.GetValueOrDefault(id) is { } yearText
                && int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && UncertainDate.TryParse(person.BirthDate, out var born)
                && born.Earliest?.Year is { } bornYear && born.Latest?.Year == bornYear)
            {
                groups[id] = AgeGroup(year - bornYear);
            }
        }

        return groups;
    }

    private static string AgeGroup(int age) => age switch
    {
        < 0 => Unknown,
        < 18 => "under 18",
        < 30 => "18-29",
        < 45 => "30-44",
        _ => "45 and over",
    };

    private static string ListName(Guid sourceId, IReadOnlyDictionary<Guid, string?> labels) =>
        labels.GetValueOrDefault(sourceId) is { Length: > 0 } label ? label : "source " + sourceId.ToString("D")[..8];

    private static string? Province(string? placeId) =>
        placeId is null ? null : Gazetteer.Default.Ancestry(placeId).FirstOrDefault(p => p.Kind == "province")?.NameEnglish;

    /// <summary>The value most of a person's records give (records disagree when a list got it wrong).</summary>
    private static string Commonest(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrEmpty(v) && v != Unknown)
            .GroupBy(v => v!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? Unknown;
}
