namespace Tumen.Estimation.Input;

/// <summary>
/// Lists with no recapture: nobody on them appears on any other list. When there is one, no
/// estimate exists, whatever the method.
/// </summary>
/// <remarks>
/// <para>
/// How many people a list missed is read from its recaptures: the share of the people other lists
/// recorded that it recorded too. A list that recaptured nobody has a recapture rate of zero, and
/// compared with all the other lists merged into one its two-list (Lincoln–Petersen) estimate is
/// infinite. A model avoids infinity only by assuming how that list relates to the others, and the
/// data cannot test the assumption. On Artificial_3 (list C shares nobody with A or B) models that
/// fit the data give 296 ([13,23]: C's interactions at −∞), 396 ([13]) or 429 ([23]), all
/// accepted by the per-model existence check of Chan, Silverman and Vincent (2021), about 400
/// (latent classes, model averaging), 539 (independence) or an unbounded total (C depends on A
/// and B). This rule extends that per-model check to the data as a whole.
/// </para>
/// <para>
/// Groups of lists that overlap among themselves but not with the rest (B and F against the other
/// six lists of New Orleans) are not refused: each of their lists has recaptures, so how many people
/// each missed can be estimated from the data.
/// </para>
/// </remarks>
public static class UnrecapturedLists
{
    /// <summary>The indices of the lists whose people are on no other list, in list order.</summary>
    public static IReadOnlyList<int> Find(CaptureHistories histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        return [.. Enumerable.Range(0, histories.ListCount)
            .Where(i => !histories.Patterns.Any(p => (p.Mask & (1 << i)) != 0 && p.Mask != 1 << i))];
    }

    /// <summary>The plain-language reason why no estimate exists, or null when every list has a recapture.</summary>
    public static string? NoEstimateReason(CaptureHistories histories)
    {
        var lists = Find(histories);
        if (lists.Count == 0)
        {
            return null;
        }

        var names = string.Join(" and ", lists.Select(i => $"'{histories.Lists[i]}'"));
        var (subject, pronoun, objectPronoun) = lists.Count == 1 ? ($"list {names}", "it", "it") : ($"lists {names}", "they", "them");
        return $"No estimate exists: nobody on {subject} appears on any other list, so the data cannot tell how many people {pronoun} missed (compared with the other lists, the two-list estimate is infinite). Any number would come from an assumption, not from the data. Link more records between {names} and the other lists, or estimate without {objectPronoun}.";
    }
}
