using Tumen.Estimation.Input;

namespace Tumen.Estimation.Tests.Input;

public class UnrecapturedListsTests
{
    [Fact]
    public void Find_Artificial3_NamesTheListNobodyElseIsOn()
    {
        var histories = TestData.Load("Artificial_3");
        UnrecapturedLists.Find(histories).ShouldBe([2]);
        UnrecapturedLists.NoEstimateReason(histories).ShouldNotBeNull()
            .ShouldStartWith("No estimate exists: nobody on list 'C' appears on any other list, so the data cannot tell how many people it missed");
    }

    [Theory]
    [InlineData("UKdat")]
    [InlineData("UKdat_5")]
    [InlineData("Western")]
    [InlineData("NewOrl")]
    [InlineData("Kosovo")]
    public void Find_PublishedTables_EveryListHasARecapture(string name)
    {
        var histories = TestData.Load(name);
        UnrecapturedLists.Find(histories).ShouldBeEmpty();
        UnrecapturedLists.NoEstimateReason(histories).ShouldBeNull();
    }

    [Fact]
    public void Find_PairThatOverlapsOnlyWithItself_IsNotRefused()
    {
        // c and d share people with each other but not with a or b (like B and F in New Orleans).
        var histories = TestData.FromCsv("a,b,c,d,n\n1,0,0,0,10\n0,1,0,0,10\n1,1,0,0,2\n0,0,1,0,10\n0,0,0,1,10\n0,0,1,1,4\n");
        UnrecapturedLists.Find(histories).ShouldBeEmpty();
    }

    [Fact]
    public void NoEstimateReason_TwoListsWithNobodyInCommon_NamesBoth()
    {
        var histories = TestData.FromCsv("a,b,n\n1,0,10\n0,1,12\n");
        UnrecapturedLists.Find(histories).ShouldBe([0, 1]);
        UnrecapturedLists.NoEstimateReason(histories).ShouldNotBeNull().ShouldContain("nobody on lists 'a' and 'b' appears on any other list");
    }
}
