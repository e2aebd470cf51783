using System.Globalization;
using System.Security;
using System.Text;

namespace Tumen.Estimation.Output;

/// <summary>A labelled estimation report, one per stratum (or one for the whole data).</summary>
/// <param name="Label">The stratum's name, e.g. "2019" or "Jilin".</param>
/// <param name="Report">The stratum's estimates.</param>
public sealed record StratumReport(string Label, EstimationReport Report);

/// <summary>
/// Draws estimates with their intervals as an SVG dot-and-whisker chart: one row per stratum and
/// method, a dot at the estimate, a bar across the interval and a grey tick at the number observed.
/// </summary>
public static class EstimateChart
{
    private const int Width = 760;
    private const int LabelWidth = 220;
    private const int RowHeight = 26;
    private const int Top = 40;
    private const int Bottom = 50;
    private const int Right = 30;

    /// <summary>The SVG document for <paramref name="strata"/>.</summary>
    public static string Render(IReadOnlyList<StratumReport> strata, string title = "Estimated population with intervals")
    {
        ArgumentNullException.ThrowIfNull(strata);
        var rows = strata.SelectMany(s => s.Report.Results.Select(r => (s.Label, s.Report.Observed, Result: r))).ToList();
        var maximum = rows.Select(r => Math.Max(r.Result.Upper ?? 0, Math.Max(r.Result.Estimate ?? 0, r.Observed))).DefaultIfEmpty(1).Max();
        var step = NiceStep(maximum / 5);
        var axisMax = Math.Ceiling(maximum * 1.02 / step) * step;
        var plotWidth = Width - LabelWidth - Right;
        double X(double value) => LabelWidth + (value / axisMax * plotWidth);
        var height = Top + (rows.Count * RowHeight) + Bottom;

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n"));
        var axisY = Top + (rows.Count * RowHeight) + 8;
        for (var tick = 0.0; tick <= axisMax + 1e-9; tick += step)
        {
            var x = X(tick);
            svg.Append(Invariant($"<line x1=\"{x:F1}\" y1=\"{Top - 6}\" x2=\"{x:F1}\" y2=\"{axisY}\" stroke=\"#e4e4e4\"/>\n"));
            svg.Append(Invariant($"<text x=\"{x:F1}\" y=\"{axisY + 16}\" text-anchor=\"middle\">{tick.ToString("N0", CultureInfo.InvariantCulture)}</text>\n"));
        }

        svg.Append(Invariant($"<text x=\"{LabelWidth + (plotWidth / 2)}\" y=\"{axisY + 36}\" text-anchor=\"middle\">people (dot: estimate; bar: interval; grey tick: observed)</text>\n"));
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, observed, result) = rows[i];
            var y = Top + (i * RowHeight) + (RowHeight / 2);
            var name = string.IsNullOrEmpty(label) ? result.Method : $"{label} · {result.Method}";
            svg.Append(Invariant($"<text x=\"{LabelWidth - 10}\" y=\"{y + 4}\" text-anchor=\"end\">{Escape(name)}</text>\n"));
            svg.Append(Invariant($"<line x1=\"{X(observed):F1}\" y1=\"{y - 8}\" x2=\"{X(observed):F1}\" y2=\"{y + 8}\" stroke=\"#999\" stroke-width=\"2\"/>\n"));
            if (result.Estimate is not { } estimate)
            {
                svg.Append(Invariant($"<text x=\"{LabelWidth + 8}\" y=\"{y + 4}\" fill=\"#a00\">no estimate exists</text>\n"));
                continue;
            }

            if (result.Lower is { } lower && result.Upper is { } upper)
            {
                svg.Append(Invariant($"<line x1=\"{X(lower):F1}\" y1=\"{y}\" x2=\"{X(upper):F1}\" y2=\"{y}\" stroke=\"#1f5f8b\" stroke-width=\"3\"/>\n"));
            }

            svg.Append(Invariant($"<circle cx=\"{X(estimate):F1}\" cy=\"{y}\" r=\"5\" fill=\"#1f5f8b\"><title>{Escape(Describe(result))}</title></circle>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Describe(EstimationResult result)
    {
        var text = Invariant($"{result.Method} {result.Model}: {result.Estimate:N0}");
        return result.Lower is { } lower && result.Upper is { } upper
            ? text + Invariant($" ({result.Level:P0} interval {lower:N0} to {upper:N0})")
            : text;
    }

    private static double NiceStep(double raw)
    {
        if (raw <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
