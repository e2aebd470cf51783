using System.Text;
using System.Text.RegularExpressions;
using Tumen.Linkage.Generation.FieldRecords;

namespace Tumen.Linkage.Tests.Generation;

public class FieldRecordGeneratorTests
{
    private static readonly IReadOnlyList<FieldRecord> _records = new FieldRecordGenerator(7).Generate(20_000);

    private static IEnumerable<FieldRecord> Of(SourceKind kind) => _records.Where(r => r.Kind == kind);

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    [Fact]
    public void Generate_SameSeed_SameRecords()
    {
        var again = new FieldRecordGenerator(7).Generate(20_000);
        again.SequenceEqual(_records).ShouldBeTrue();
        new FieldRecordGenerator(8).Generate(1000).SequenceEqual(_records.Take(1000)).ShouldBeFalse();
    }

    [Fact]
    public void Generate_EachWomanInOneToFiveDistinctLists()
    {
        _records.Count.ShouldBe(20_000);
        _records.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count().ShouldBe(20_000);
        var women = _records.GroupBy(r => r.PersonId, StringComparer.Ordinal).ToArray();
        women.Max(w => w.Count()).ShouldBeLessThanOrEqualTo(5);
        women.ShouldAllBe(w => w.Select(r => r.Source).Distinct(StringComparer.Ordinal).Count() == w.Count());
        women.Count(w => w.Count() >= 4).ShouldBeGreaterThan(100);
        women.Length.ShouldBeInRange(13_000, 15_000);
        women.Count(w => w.Select(r => r.Kind).Distinct().Count() >= 3).ShouldBeGreaterThan(300);
    }

    [Fact]
    public void Generate_EveryKindOfSourceAppears_AndEveryRecordHasAName()
    {
        Enum.GetValues<SourceKind>().ShouldAllBe(k => _records.Count(r => r.Kind == k) > 1000);
        _records.ShouldAllBe(r => r.Name.Length + r.NameKorean.Length + r.NameChinese.Length > 0);
        _records.ShouldAllBe(r => r.Sex == "" || r.Sex == "女" || r.Sex == "녀" || r.Sex == "여" || r.Sex == "F" || r.Sex == "female");
    }

    [Fact]
    public void ChinesePolice_SomeNamesHoldHanAndPinyinInOneField()
    {
        var police = Of(SourceKind.ChinesePolice).ToArray();
        var bracketed = new Regex(@"^\p{IsCJKUnifiedIdeographs}{2,4} \([A-Z]+( [A-Z]+)+\)$");
        police.Count(r => bracketed.IsMatch(r.NameChinese)).ShouldBeGreaterThan(police.Length / 5);
        police.Count(r => bracketed.IsMatch(r.Name)).ShouldBeGreaterThan(police.Length / 20);
        var spaced = new Regex(@"^\p{IsCJKUnifiedIdeographs}{2,4} [A-Z][a-z]+( [A-Z][a-z]+)+$");
        police.Count(r => spaced.IsMatch(r.NameChinese)).ShouldBeGreaterThan(police.Length / 20);
        police.ShouldContain(r => r.NameChinese.StartsWith('李') && r.NameChinese.Contains("(LI ", StringComparison.Ordinal));
        police.ShouldContain(r => r.NameChinese.StartsWith('朴') && r.NameChinese.Contains("PIAO", StringComparison.Ordinal));
    }

    [Fact]
    public void ChinesePolice_WriteSimplifiedCharacters_PlacesAndDatesInChinese()
    {
        var police = Of(SourceKind.ChinesePolice).ToArray();
        var han = string.Concat(police.Select(r => r.NameChinese + r.Name));
        han.ShouldContain('顺');
        han.ShouldNotContain('順');
        han.ShouldNotContain('鄭');
        police.ShouldContain(r => r.Origin == "朝鲜咸镜北道会宁市");
        police.ShouldContain(r => r.Origin == "会宁");
        police.ShouldContain(r => Regex.IsMatch(r.BirthDate, @"^\d{4}年\d{1,2}月$"));
        police.ShouldContain(r => Regex.IsMatch(r.BirthDate, @"^\d{4}年\d{1,2}月\d{1,2}日$"));
    }

    [Fact]
    public void NorthKoreanDocuments_WriteTheNorthsSpelling()
    {
        var documents = Of(SourceKind.NorthKoreanDocument).ToArray();
        documents.ShouldContain(r => r.NameKorean.StartsWith('리'));
        documents.ShouldNotContain(r => r.NameKorean.StartsWith('이'));
        documents.ShouldContain(r => r.Name.StartsWith("Ri ", StringComparison.Ordinal));
        documents.ShouldContain(r => r.Name.StartsWith("RI ", StringComparison.Ordinal));
        documents.ShouldNotContain(r => r.Name.StartsWith("Lee", StringComparison.OrdinalIgnoreCase));
        documents.ShouldContain(r => r.Origin == "함북 회령");
        documents.ShouldContain(r => r.Origin == "회령시");
        documents.ShouldContain(r => r.Origin.StartsWith("량강", StringComparison.Ordinal));
    }

    [Fact]
    public void NorthKoreanDocuments_SomeHangulHasSlips()
    {
        // A woman's North Korean Hangul differs from another North Korean record of hers only through a slip.
        var slipped = _records.Where(r => r.Kind == SourceKind.NorthKoreanDocument && r.NameKorean.Length > 0)
            .GroupBy(r => r.PersonId, StringComparer.Ordinal)
            .Count(g => g.Select(r => r.NameKorean.Replace(" ", "", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Count() > 1);
        slipped.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void SouthKoreanNgo_VaryOrderJoiningAndSpelling()
    {
        var ngo = Of(SourceKind.SouthKoreanNgo).ToArray();
        ngo.ShouldContain(r => Regex.IsMatch(r.Name, @"^(Lee|LEE) [A-Z][a-z]+-[a-z]+$"));
        ngo.ShouldContain(r => Regex.IsMatch(r.Name, @"^[A-Z][a-z]+ (Lee|Yi|Rhee)$"));
        ngo.ShouldContain(r => r.Name.Contains("Keum", StringComparison.Ordinal));
        ngo.ShouldContain(r => r.Name.Contains("Geum", StringComparison.Ordinal));
        ngo.ShouldContain(r => r.Name.Contains("soon", StringComparison.OrdinalIgnoreCase));
        ngo.ShouldContain(r => r.NameKorean.StartsWith('이'));
        ngo.ShouldNotContain(r => r.NameKorean.StartsWith('리'));
        ngo.ShouldContain(r => r.NameChinese.Contains('順') || r.NameChinese.Contains('蘭') || r.NameChinese.Contains('鄭'));
        ngo.Count(r => r.BirthDate.Length == 0).ShouldBeGreaterThan(ngo.Length / 10);
        ngo.Count(r => Regex.IsMatch(r.BirthDate, @"^\d{4}$")).ShouldBeGreaterThan(ngo.Length / 10);
    }

    [Fact]
    public void UnSubmissions_WriteMcCuneReischauerWithAndWithoutBreves_AndApproximateDates()
    {
        var un = Of(SourceKind.UnSubmission).ToArray();
        un.ShouldContain(r => r.Name.Contains('ŭ') || r.Name.Contains('ŏ'));
        un.ShouldContain(r => r.Name.StartsWith("Ch'oe", StringComparison.Ordinal));
        un.ShouldContain(r => r.Name.StartsWith("Choe ", StringComparison.Ordinal));
        un.ShouldContain(r => r.Name.StartsWith("Yi ", StringComparison.Ordinal));
        un.ShouldContain(r => r.Origin == "Hoeryong City, North Hamgyong Province");
        un.ShouldContain(r => r.Origin == "Hoeryŏng, North Hamgyŏng");
        un.ShouldContain(r => Regex.IsMatch(r.BirthDate, @"^~\d{4}$"));
        un.ShouldContain(r => Regex.IsMatch(r.BirthDate, @"^\d{4}/\d{4}$"));
    }

    [Fact]
    public void UnSubmissions_YearRangesHoldTheTrueYear()
    {
        foreach (var woman in _records.GroupBy(r => r.PersonId, StringComparer.Ordinal))
        {
            var exact = woman.FirstOrDefault(r => r.Kind == SourceKind.ChinesePolice && Regex.IsMatch(r.BirthDate, @"^\d{4}年"));
            if (exact is null)
            {
                continue;
            }

            var year = int.Parse(exact.BirthDate[..4], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var range in woman.Where(r => r.Kind == SourceKind.UnSubmission && r.BirthDate.Contains('/', StringComparison.Ordinal)))
            {
                var parts = range.BirthDate.Split('/').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                year.ShouldBeInRange(parts[0], parts[1]);
            }
        }
    }

    [Fact]
    public void ShelterAndPoliceRecords_ChooseCharactersBySound_ForTheSameWoman()
    {
        // Two Chinese-script records of one woman with the same number of characters but different ones: 今顺 / 锦顺.
        var differing = _records.Where(r => r.NameChinese.Length > 0)
            .GroupBy(r => r.PersonId, StringComparer.Ordinal)
            .Select(g => g.Select(r => new string(r.NameChinese.Where(IsHan).ToArray())).Distinct(StringComparer.Ordinal).ToArray())
            .Count(names => names.Length > 1 && names.Select(n => n.Length).Distinct().Count() == 1);
        differing.ShouldBeGreaterThan(100);
        Of(SourceKind.ChinaShelter).ShouldContain(r => r.NameChinese.Contains('順'));
        Of(SourceKind.ChinaShelter).ShouldContain(r => r.NameChinese.Contains('顺'));
    }

    [Fact]
    public void TrueDates_AgreeAcrossSourcesWritingThemExactly()
    {
        var police = new Regex(@"^(\d{4})年(\d{1,2})月(\d{1,2})日$");
        var north = new Regex(@"^(\d{4})년 (\d{1,2})월 (\d{1,2})일$");
        var compared = 0;
        foreach (var woman in _records.GroupBy(r => r.PersonId, StringComparer.Ordinal))
        {
            var dates = woman.Select(r => police.Match(r.BirthDate) is { Success: true } p ? p : north.Match(r.BirthDate))
                .Where(m => m.Success)
                .Select(m => $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}")
                .ToArray();
            dates.Distinct(StringComparer.Ordinal).Count().ShouldBeLessThanOrEqualTo(1);
            compared += dates.Length > 1 ? 1 : 0;
        }

        compared.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Namesakes_ManyDifferentWomenShareTheCommonestNames()
    {
        var byName = _records.Where(r => r.Kind == SourceKind.SouthKoreanNgo && r.NameKorean.Length > 0)
            .GroupBy(r => r.NameKorean.Replace(" ", "", StringComparison.Ordinal), StringComparer.Ordinal)
            .Select(g => g.Select(r => r.PersonId).Distinct(StringComparer.Ordinal).Count())
            .OrderDescending()
            .ToArray();
        byName[0].ShouldBeGreaterThanOrEqualTo(10);
        byName.Count(n => n >= 3).ShouldBeGreaterThan(20);
    }

    [Fact]
    public void WriteCsv_WithoutTruth_ReadsBackAsLinkageReadsIt()
    {
        var records = _records.Take(500).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"tumen-field-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
            {
                FieldRecordGenerator.WriteCsv(writer, records, withTruth: false);
            }

            var header = Tumen.Linkage.Csv.CsvRecords.ReadHeader(path);
            header.ShouldBe(["id", "source", "name", "name_ko", "name_zh", "sex", "birth_date", "origin"]);
            var table = Tumen.Linkage.Csv.CsvRecords.Read([path], "id");
            table.Ids.ShouldBe(records.Select(r => r.Id));
            table.Column("origin").Select(o => o ?? "").ShouldBe(records.Select(r => r.Origin));
            table.Column("name_zh").Select(o => o ?? "").ShouldBe(records.Select(r => r.NameChinese));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
