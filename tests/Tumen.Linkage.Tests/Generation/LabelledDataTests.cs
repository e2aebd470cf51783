namespace Tumen.Linkage.Tests.Generation;

public class LabelledDataTests
{
    [Fact]
    public void GermanList_TruthIsLeftOutOfTheInput_AndAlignedWithTheRecords()
    {
        var data = LabelledData.GermanList(1000, seed: 3);
        data.Table.HasColumn("ent_id").ShouldBeFalse();
        data.Settings.Comparisons.ShouldNotContain(c => c.Column == "ent_id");
        data.Table.Ids.ShouldBe(Enumerable.Range(1, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        data.Truth.Distinct(StringComparer.Ordinal).Count().ShouldBe(900);
    }

    [Fact]
    public void FieldRecords_TruthIsLeftOutOfTheInput()
    {
        var data = LabelledData.FieldRecords(500, seed: 7, LabelledData.FieldSettings);
        data.Table.HasColumn("person_id").ShouldBeFalse();
        data.Settings.IdColumn.ShouldBe("id");
        data.Truth.Count.ShouldBe(500);
    }

    [Fact]
    public void RLdata500_WithSettings_F1AtLeast098()
    {
        var data = LabelledData.RLdata500(LabelledData.GermanSettings);
        data.Truth.Distinct(StringComparer.Ordinal).Count().ShouldBe(450);
        data.Link(TestContext.Current.CancellationToken).F1.ShouldBeGreaterThanOrEqualTo(0.98);
    }
}
