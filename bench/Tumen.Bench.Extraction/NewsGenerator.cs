using System.Globalization;
using System.Text;

namespace Tumen.Bench.Extraction;

/// <summary>
/// Generates news-length (about 5 KB) synthetic reports with the kinds of facts the extractors look for:
/// figures in many forms, places, organisations, violations, dates and quotations. One story in ten
/// is rewritten by a second "outlet" (an echo), so the analysis has real work to do.
/// </summary>
internal sealed class NewsGenerator
{
    private static readonly string[] Places = ["Yanbian", "Jilin Province", "Liaoning", "Heilongjiang", "Dandong", "Shenyang", "Hunchun", "Tumen", "Yanji", "Harbin", "Changbai"];
    private static readonly string[] Orgs = ["Human Rights Watch", "Amnesty International", "NKDB", "Korea Future", "TJWG", "the UN Special Rapporteur", "Global Rights Compliance"];
    private static readonly string[] Outlets = ["The Telegraph", "iNews", "MailOnline", "UCA News", "Yonhap"];
    private static readonly string[] Nouns = ["women", "girls", "defectors", "refugees", "North Korean women", "children", "survivors"];
    private static readonly string[] Abuses = ["forced marriage", "sexual slavery", "forced labour", "trafficking", "forced repatriation", "detention", "torture", "rape"];
    private static readonly string[] Months = ["January", "March", "April", "June", "August", "October", "December"];

    private readonly Random _random;
    private readonly string[] _vocabulary;

    public NewsGenerator(int seed)
    {
        _random = new Random(seed);
        string[] syllables = ["ka", "ren", "to", "mi", "sol", "ba", "de", "lin", "vor", "es", "ta", "gu", "rin", "pa", "nel", "os", "ju", "ver", "an", "shi"];
        _vocabulary = [.. Enumerable.Range(0, 4_000).Select(_ => string.Concat(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => syllables[_random.Next(syllables.Length)])))];
    }

    private string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => _vocabulary[_random.Next(_vocabulary.Length)]));

    public List<string> Generate(int count)
    {
        var texts = new List<string>(count);
        while (texts.Count < count)
        {
            var story = Story();
            texts.Add(story);
            if (texts.Count < count && _random.Next(10) == 0)
            {
                texts.Add(Echo(story));
            }
        }

        return texts;
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string Story()
    {
        var sb = new StringBuilder();
        var year = _random.Next(2005, 2025);
        sb.Append(CultureInfo.InvariantCulture, $"Report {_random.Next(1_000_000)}: {Pick(Abuses)} along the border\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Published: {Pick(Months)} {_random.Next(1, 28)}, {year}\n\n");
        while (sb.Length < 5_000)
        {
            var place = Pick(Places);
            var org = Pick(Orgs);
            var n = _random.Next(2, 90_000) * 10;
            var p = _random.Next(2, 9) * 10;
            sb.Append(_random.Next(14) switch
            {
                0 => $"According to {org}, more than {n:N0} {Pick(Nouns)} in {place} have faced {Pick(Abuses)} since {year - _random.Next(1, 10)}. ",
                1 => $"Between {p} and {p + 10} percent of the {Pick(Nouns)} interviewed in {place} were sold into {Pick(Abuses)}, {org} said. ",
                2 => $"The trade earns brokers ${_random.Next(5, 300)}m a year, and girls as young as {_random.Next(11, 16)} are sold for as little as a few hundred dollars. ",
                3 => $"“I was taken to {place} and {Words(12)},” a woman told researchers from {org}. ",
                4 => $"During the pandemic the border near {place} was closed, and tens of thousands of {Pick(Nouns)} could not leave. ",
                5 => $"An estimated {n:N0}-{n * 2:N0} {Pick(Nouns)} are hiding in China, {org} estimates. ",
                6 => $"Women caught in {place} face {Pick(Abuses)} and {Pick(Abuses)} after they are returned across the river. ",
                7 => $"The famine of 1994-1998 killed between 240,000 and 3.5 million people, and the flight north has never stopped. ",
                8 => $"Officials in {place} declined to comment on the report on {_random.Next(1, 28)} {Pick(Months)} {year}. ",
                _ => $"The {Words(3)} in {place} {Words(10)}, and {Words(8)}. ",
            });
            if (_random.Next(4) == 0)
            {
                sb.Append("\n\n");
            }
        }

        return sb.ToString();
    }

    private string Echo(string story)
    {
        // An outlet retells the story: cuts some sentences and names itself as the carrier.
        var sentences = story.Split(". ");
        var kept = sentences.Where(_ => _random.Next(5) != 0);
        return $"{Pick(Outlets)} reported that " + string.Join(". ", kept);
    }
}
