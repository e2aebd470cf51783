using System.Text;
using Tumen.Linkage.Generation.GermanLists;

namespace Tumen.Linkage.Tests.Generation;

public class GermanListGeneratorTests
{
    private static readonly IReadOnlyList<GermanRecord> _records = new GermanListGenerator(3).Generate(10_000);

    [Fact]
    public void Generate_SameSeed_SameRecords()
    {
        new GermanListGenerator(3).Generate(10_000).SequenceEqual(_records).ShouldBeTrue();
        new GermanListGenerator(4).Generate(1000).SequenceEqual(_records.Take(1000)).ShouldBeFalse();
    }

    [Fact]
    public void Generate_TenPercentDuplicates_EachOfADifferentPerson()
    {
        _records.Select(r => r.RecordId).ShouldBe(Enumerable.Range(1, 10_000));
        var people = _records.GroupBy(r => r.EntityId).ToArray();
        people.Length.ShouldBe(9_000);
        people.Count(p => p.Count() == 2).ShouldBe(1_000);
        people.Max(p => p.Count()).ShouldBe(2);
    }

    [Fact]
    public void Duplicates_DifferFromTheirOriginal_ByATypoOrADatePart()
    {
        foreach (var pair in _records.GroupBy(r => r.EntityId).Where(g => g.Count() == 2))
        {
            var (a, b) = (pair.First(), pair.Last());
            var differences = new[]
            {
                a.FirstName1 != b.FirstName1, a.FirstName2 != b.FirstName2, a.LastName1 != b.LastName1, a.LastName2 != b.LastName2,
                a.BirthYear != b.BirthYear, a.BirthMonth != b.BirthMonth, a.BirthDay != b.BirthDay,
            }.Count(d => d);
            differences.ShouldBeInRange(0, 2);
            Distance(a.FirstName1, b.FirstName1).ShouldBeLessThanOrEqualTo(4);
            Distance(a.LastName1, b.LastName1).ShouldBeLessThanOrEqualTo(4);
            b.BirthMonth.ShouldBeInRange(1, 12);
            b.BirthDay.ShouldBeInRange(1, 31);
        }

        // Two errors can cancel out (a typo undone), but nearly every duplicate differs.
        _records.GroupBy(r => r.EntityId).Where(g => g.Count() == 2).Count(g => g.First() with { RecordId = 0 } != g.Last() with { RecordId = 0 }).ShouldBeGreaterThan(990);
    }

    [Fact]
    public void Names_DrawnByFrequency_GiveManyNamesakes()
    {
        var originals = _records.GroupBy(r => r.EntityId).Select(g => g.First()).ToArray();
        var lastNames = originals.GroupBy(r => r.LastName1, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ToArray();
        lastNames[0].Key.ShouldBe("MUELLER");
        lastNames[0].Count().ShouldBeGreaterThan(200);
        originals.Select(r => (r.FirstName1, r.LastName1)).Distinct().Count().ShouldBeLessThan(originals.Length * 85 / 100);
        originals.GroupBy(r => (r.FirstName1, r.LastName1)).Count(g => g.Count() >= 3).ShouldBeGreaterThan(100);
        originals.Count(r => r.FirstName2 is not null).ShouldBeInRange(300, 900);
        originals.Count(r => r.LastName2 is not null).ShouldBeInRange(60, 300);
        originals.ShouldAllBe(r => r.FirstName1.All(c => c >= 'A' && c <= 'Z'));
    }

    [Fact]
    public void WriteCsv_HasRLdata500sColumns_WithNaForAbsentParts()
    {
        using var writer = new StringWriter();
        GermanListGenerator.WriteCsv(writer, _records.Take(200));
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("fname_c1,fname_c2,lname_c1,lname_c2,by,bm,bd,rec_id,ent_id");
        lines.Skip(1).ShouldAllBe(l => l.Split(',').Length == 9);
        lines.Count(l => l.Split(',')[1] == "NA").ShouldBeGreaterThan(150);

        using var withoutTruth = new StringWriter();
        GermanListGenerator.WriteCsv(withoutTruth, _records.Take(1), withTruth: false);
        withoutTruth.ToString().ShouldStartWith("fname_c1,fname_c2,lname_c1,lname_c2,by,bm,bd,rec_id\n");
    }

    [Fact]
    public void Generate_100000Records_NinetyThousandPeople()
    {
        var records = new GermanListGenerator(3).Generate(100_000);
        records.Select(r => r.EntityId).Distinct().Count().ShouldBe(90_000);
    }

    private static int Distance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            d[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var previous = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return d[b.Length];
    }
}
