using Tumen.Core.Dates;

namespace Tumen.Core.Tests;

public class UncertainDateTests
{
    [Theory]
    [InlineData("2019-03-14", DatePrecision.Day, "2019-03-14", "2019-03-14", "2019-03-14")]
    [InlineData("2019-3", DatePrecision.Month, "2019-03-01", "2019-03-31", "2019-03")]
    [InlineData("2019", DatePrecision.Year, "2019-01-01", "2019-12-31", "2019")]
    [InlineData("14/03/2019", DatePrecision.Day, "2019-03-14", "2019-03-14", "2019-03-14")]
    [InlineData("1994-1998", DatePrecision.Range, "1994-01-01", "1998-12-31", "1994/1998")]
    [InlineData("2019-02/2019-05", DatePrecision.Range, "2019-02-01", "2019-05-31", "2019-02/2019-05")]
    [InlineData("2008년 3월", DatePrecision.Month, "2008-03-01", "2008-03-31", "2008-03")]
    [InlineData("2023年10月9日", DatePrecision.Day, "2023-10-09", "2023-10-09", "2023-10-09")]
    [InlineData("March 2020", DatePrecision.Month, "2020-03-01", "2020-03-31", "2020-03")]
    public void Parse_CommonForms_GivesBounds(string text, DatePrecision precision, string earliest, string latest, string canonical)
    {
        var d = UncertainDate.Parse(text);
        d.Precision.ShouldBe(precision);
        d.Earliest.ShouldBe(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture));
        d.Latest.ShouldBe(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture));
        d.Text.ShouldBe(canonical);
    }

    [Fact]
    public void Parse_Approximate_KeepsFlag()
    {
        var d = UncertainDate.Parse("c. 2005");
        d.Approximate.ShouldBeTrue();
        d.Text.ShouldBe("2005~");
        UncertainDate.Parse(d.Text).ShouldBe(d);
    }

    [Fact]
    public void Parse_BeforeAndAfter_AreOpenEnded()
    {
        var before = UncertainDate.Parse("before 2010");
        before.Precision.ShouldBe(DatePrecision.Before);
        before.Earliest.ShouldBeNull();
        before.Text.ShouldBe("../2010");
        var after = UncertainDate.Parse("2020/..");
        after.Latest.ShouldBeNull();
        after.Earliest.ShouldBe(new DateOnly(2020, 1, 1));
    }

    [Theory]
    [InlineData("2019-02-30")]
    [InlineData("2019-13")]
    [InlineData("yesterday")]
    [InlineData("2021/2019")]
    public void TryParse_Invalid_Fails(string text) => UncertainDate.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Overlaps_YearAndDayInside_True() =>
        UncertainDate.Parse("2019").Overlaps(UncertainDate.Parse("2019-06-01")).ShouldBeTrue();

    [Fact]
    public void Overlaps_DisjointYears_False() =>
        UncertainDate.Parse("2018").Overlaps(UncertainDate.Parse("2019-06-01")).ShouldBeFalse();

    [Fact]
    public void Parse_CanonicalTextRoundTrips()
    {
        foreach (var text in new[] { "2019-03-14", "2019-03", "2019", "2019~", "1994/1998", "../2010", "2020/.." })
        {
            UncertainDate.Parse(text).Text.ShouldBe(text);
        }
    }
}
