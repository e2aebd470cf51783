using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Tumen.Application.Statistics;
using Tumen.Core.Places;

namespace Tumen.Web.Features.Dashboard;

/// <summary>
/// Charts and the border map as SVG markup drawn on the server: no script, no inline style (the CSP
/// forbids it), labels encoded, numbers formatted in the reader's culture.
/// </summary>
public static class SvgCharts
{
    private const int Width = 420;
    private const int RowHeight = 20;
    private const int LabelWidth = 170;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>A horizontal bar chart of <paramref name="counts"/>, labelled by <paramref name="label"/>.</summary>
    public static IHtmlContent Bars(IReadOnlyList<CountBy> counts, Func<string, string> label, string title, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(label);
        var height = Math.Max(1, counts.Count) * RowHeight + 10;
        var max = Math.Max(1, counts.Count == 0 ? 1 : counts.Max(c => c.Count));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title>").Append(Encode(title)).Append("</title>");
        for (var i = 0; i < counts.Count; i++)
        {
            var y = 5 + i * RowHeight;
            var barWidth = (Width - LabelWidth - 60) * counts[i].Count / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\">")
                .Append(Encode(label(counts[i].Key))).Append("</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{barWidth:0.#}\" height=\"{RowHeight - 6}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{LabelWidth + barWidth + 4:0.#}\" y=\"{y + 14}\">")
                .Append(Encode(counts[i].Count.ToString("N0", culture))).Append("</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>
    /// The border region (the Tumen and Yalu rivers between North Korea and China), with a circle per
    /// place sized by its count. Coordinates come from the gazetteer, drawn no more precisely than
    /// the gazetteer lets a map show them (cities as areas, never points).
    /// </summary>
    public static IHtmlContent BorderMap(IReadOnlyList<MapCount> places, Gazetteer gazetteer, Func<Place, string> name, string title, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(name);
        const double West = 119.5, East = 134.0, South = 37.5, North = 48.5;
        const int W = 520, H = 460;
        var scaleX = W / (East - West);
        var scaleY = H / (North - South);
        string X(double lon) => ((lon - West) * scaleX).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double lat) => ((North - lat) * scaleY).ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart map\" role=\"img\" viewBox=\"0 0 {W} {H}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title>").Append(Encode(title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"land-cn\" x=\"0\" y=\"0\" width=\"{W}\" height=\"{H}\"/>");
        // The rivers, roughly: Yalu from its mouth to Hyesan, Tumen from there to the sea.
        (double Lat, double Lon)[] border = [(39.85, 124.3), (40.1, 124.4), (40.45, 124.9), (40.9, 125.6), (41.15, 126.2), (41.5, 126.9), (41.7, 127.5), (41.4, 128.1), (42.0, 128.3), (42.1, 128.9), (42.45, 129.3), (42.98, 129.75), (42.55, 130.2), (42.3, 130.6)];
        svg.Append("<polyline class=\"border\" points=\"")
            .AppendJoin(' ', border.Select(p => X(p.Lon) + "," + Y(p.Lat))).Append("\"/>");
        var max = Math.Max(1, places.Count == 0 ? 1 : places.Max(p => p.Count));
        foreach (var p in places.Where(p => p.Longitude is >= West and <= East && p.Latitude is >= South and <= North))
        {
            var r = 3 + 17 * Math.Sqrt(p.Count / (double)max);
            var place = gazetteer.Find(p.PlaceId);
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"place\" cx=\"{X(p.Longitude)}\" cy=\"{Y(p.Latitude)}\" r=\"{r:0.#}\"><title>")
                .Append(Encode((place is null ? p.PlaceId : name(place)) + ": " + p.Count.ToString("N0", culture))).Append("</title></circle>");
        }

        foreach (var town in gazetteer.Places.Where(t => t.Kind is "city" or "border_crossing" && t.Longitude is >= West and <= East && t.Latitude is >= South and <= North))
        {
            var display = town.Display();
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"town\" cx=\"{X(display.Longitude)}\" cy=\"{Y(display.Latitude)}\" r=\"1.8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"map-label\" x=\"{X(display.Longitude)}\" y=\"{Y(display.Latitude)}\" dx=\"3\" dy=\"-3\">")
                .Append(Encode(name(town))).Append("</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static string Encode(string text) => Encoder.Encode(text);
}
