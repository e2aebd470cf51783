using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tumen.Core.Places;
using Tumen.Storage.Users;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Statistics;

/// <summary>One bar of a chart: a key (a vocabulary id, a year or a place id) and its count.</summary>
public sealed record CountBy(string Key, int Count);

/// <summary>A place on the map with the number of recorded acts in it (its coordinates as the gazetteer lets a map show them).</summary>
public sealed record MapCount(string PlaceId, double Latitude, double Longitude, double RadiusKm, int Count);

/// <summary>
/// What the dashboard shows. Only counts and gazetteer places: nothing here identifies a person,
/// so every role that may see aggregates may see all of it.
/// </summary>
public sealed record DashboardFigures(
    int Persons,
    int Acts,
    int Sources,
    IReadOnlyList<CountBy> ByViolation,
    IReadOnlyList<CountBy> ByYear,
    IReadOnlyList<CountBy> ByProvince,
    IReadOnlyList<MapCount> Map);

/// <summary>
/// Counts of recorded acts by violation type, year and province, and by place for the map. One
/// grouped query over the acts table (its type, year and place columns are in the clear for
/// exactly this), folded up the gazetteer in memory.
/// </summary>
public sealed class DashboardStatistics(Workspace workspace, Gazetteer gazetteer)
{
    /// <summary>The key used for acts without a known year or province.</summary>
    public const string Unknown = "unknown";

    public async Task<DashboardFigures> ComputeAsync(CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContextFor(Users.UserAccounts.ServerActor);
        var groups = await db.Acts.AsNoTracking()
            .GroupBy(a => new { a.ViolationType, a.DateYear, a.PlaceId })
            .Select(g => new { g.Key.ViolationType, g.Key.DateYear, g.Key.PlaceId, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var persons = await db.Persons.CountAsync(cancellationToken).ConfigureAwait(false);
        var sources = await db.Sources.CountAsync(cancellationToken).ConfigureAwait(false);

        var byViolation = Tally(groups.Select(g => (g.ViolationType, g.Count)));
        var byYear = Tally(groups.Select(g => (YearOf(g.DateYear), g.Count)))
            .OrderBy(c => string.Equals(c.Key, Unknown, StringComparison.Ordinal) ? 1 : 0).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var byProvince = Tally(groups.Select(g => (ProvinceOf(g.PlaceId), g.Count)));
        var map = groups.Where(g => g.PlaceId is not null)
            .GroupBy(g => g.PlaceId!, StringComparer.Ordinal)
            .Select(g => (Place: gazetteer.Find(g.Key), Count: g.Sum(x => x.Count)))
            .Where(p => p.Place is not null)
            .Select(p =>
            {
                var display = p.Place!.Display();
                return new MapCount(p.Place.Id, display.Latitude, display.Longitude, display.RadiusKm, p.Count);
            })
            .OrderByDescending(m => m.Count).ThenBy(m => m.PlaceId, StringComparer.Ordinal)
            .ToList();
        return new DashboardFigures(persons, groups.Sum(g => g.Count), sources, byViolation, byYear, byProvince, map);
    }

    /// <summary>The year an act's EDTF date starts in, or <see cref="Unknown"/>.</summary>
    public static string YearOf(string? edtf)
    {
        var text = edtf?.TrimStart('~', '?', '[', '{') ?? "";
        return text.Length >= 4 && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year > 1900
            ? text[..4]
            : Unknown;
    }

    private string ProvinceOf(string? placeId) =>
        placeId is null ? Unknown
        : gazetteer.Ancestry(placeId).FirstOrDefault(p => p.Kind is "province")?.Id
          ?? gazetteer.Ancestry(placeId).FirstOrDefault(p => p.Kind is "country")?.Id
          ?? Unknown;

    private static List<CountBy> Tally(IEnumerable<(string Key, int Count)> items) =>
        [.. items.GroupBy(i => i.Key, StringComparer.Ordinal)
            .Select(g => new CountBy(g.Key, g.Sum(i => i.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)];
}
