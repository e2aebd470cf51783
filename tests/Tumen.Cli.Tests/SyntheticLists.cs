using System.Globalization;
using System.Text;

namespace Tumen.Cli.Tests;

/// <summary>
/// Synthetic person lists whose identifying cells carry canaries: unique strings in Latin, Hangul and
/// Han script that must never appear in plaintext anywhere Tumen writes. Each canary starts with a
/// rare marker so a file can be scanned for the marker alone.
/// </summary>
public static class SyntheticLists
{
    public const string LatinMarker = "QZXJ";
    public const string HangulMarker = "뷁똠";
    public const string HanMarker = "龘靐";

    public sealed record Person(string Id, string LatinName, string HangulName, string HanName, string BirthDate, string Testimony)
    {
        public IEnumerable<string> Canaries => [LatinName, HangulName, HanName, BirthDate, Testimony];
    }

    public static List<Person> People(int count, int seed)
    {
        var random = new Random(seed);
        var people = new List<Person>(count);
        for (var i = 0; i < count; i++)
        {
            var tag = string.Create(CultureInfo.InvariantCulture, $"{seed:X4}{i:X5}");
            var latin = LatinMarker + tag + Letters(random, 'a', 'z', 4);
            var hangul = HangulMarker + Letters(random, '\uAC00', '\uD7A3', 4) + tag;
            var han = HanMarker + Letters(random, '\u4E00', '\u9FA5', 4) + tag;
            var birth = string.Create(CultureInfo.InvariantCulture, $"{1960 + random.Next(40)}-{1 + random.Next(12):00} {LatinMarker}B{tag}");
            var testimony = $"{LatinMarker}T{tag} 나는 {HangulMarker}{tag} 에 팔려 갔다, \"{HanMarker}{tag}\", line two";
            people.Add(new Person("rec-" + tag, latin, hangul, han, birth, testimony));
        }

        return people;
    }

    public static string Csv(IEnumerable<Person> people)
    {
        var text = new StringBuilder("id,source,name,name_ko,name_zh,sex,birth_date,origin,violation,date,place,testimony\n");
        foreach (var p in people)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Id},Synthetic NGO list,{p.LatinName},{p.HangulName},{p.HanName},F,{p.BirthDate},Musan,trafficking,2004,Yanbian,\"{p.Testimony.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n");
        }

        return text.ToString();
    }

    private static string Letters(Random random, char from, char to, int count) =>
        new([.. Enumerable.Range(0, count).Select(_ => (char)random.Next(from, to + 1))]);
}
