using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tumen.Application.Statistics;
using Tumen.Core.Places;
using Tumen.Core.Vocabularies;
using Tumen.Web.Features.Security;

namespace Tumen.Web.Features.Dashboard;

/// <summary>Counts by violation type, year and province, and the border map: aggregates only.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(DashboardStatistics statistics, Gazetteer gazetteer) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;

    public Gazetteer Gazetteer => gazetteer;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Figures = await statistics.ComputeAsync(cancellationToken);

    public string ViolationLabel(string id) =>
        Vocabulary.Default.Find(Vocabulary.ViolationType, id)?.Label(Language) ?? id;

    public string PlaceLabel(string id) =>
        gazetteer.Find(id) is { } place ? PlaceName(place) : id;

    public string PlaceName(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return Language switch
        {
            "ko" => place.NameKorean,
            "zh" => place.NameChinese,
            _ => place.NameEnglish,
        };
    }

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
