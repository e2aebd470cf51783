namespace Tumen.Core.Places;

/// <summary>How precisely a place's coordinates are known.</summary>
public enum PlacePrecision
{
    /// <summary>Published coordinates of the site itself.</summary>
    Exact,

    /// <summary>The site is known to within a few kilometres.</summary>
    Site,

    /// <summary>Only the town or city is known; the coordinates are its centre.</summary>
    Settlement,

    /// <summary>A province or prefecture centroid.</summary>
    Region,

    /// <summary>A country centroid.</summary>
    Country,
}

/// <summary>A gazetteer entry: names in three scripts, its parent, and how well its location is known.</summary>
public sealed record Place(
    string Id,
    string Kind,
    string NameEnglish,
    string NameKorean,
    string NameChinese,
    string Country,
    string? ParentId,
    double Latitude,
    double Longitude,
    PlacePrecision Precision,
    double PrecisionKm,
    IReadOnlyList<string> Aliases)
{
    /// <summary>
    /// Where a map may draw this place. Only sites known to a kilometre or better are points; anything
    /// known only to city level or coarser is an area whose centre is rounded, so a map never suggests
    /// a precise location that the evidence does not give.
    /// </summary>
    public MapDisplay Display()
    {
        if (Precision == PlacePrecision.Exact || (Precision == PlacePrecision.Site && PrecisionKm <= 1))
        {
            return new MapDisplay(Latitude, Longitude, Math.Max(PrecisionKm, 0.1), IsPoint: true);
        }

        var radius = Math.Max(PrecisionKm, Precision == PlacePrecision.Site ? PrecisionKm : 10);
        var decimals = radius >= 50 ? 0 : 1;
        return new MapDisplay(Math.Round(Latitude, decimals), Math.Round(Longitude, decimals), radius, IsPoint: false);
    }
}

/// <summary>What a map draws for a place: a point, or a circle of <see cref="RadiusKm"/>.</summary>
public sealed record MapDisplay(double Latitude, double Longitude, double RadiusKm, bool IsPoint);
