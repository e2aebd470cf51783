using Tumen.Core.Vocabularies;

namespace Tumen.Core.Tests;

public class VocabularyTests
{
    public static TheoryData<string> RequiredViolations => new(
        "trafficking", "forced_marriage", "sexual_slavery", "rape", "sexual_violence", "forced_abortion",
        "forced_pregnancy", "forced_repatriation", "detention", "torture", "forced_labour",
        "cybersex_exploitation", "killing", "strip_search", "physical_assault");

    [Theory]
    [MemberData(nameof(RequiredViolations))]
    public void Default_ViolationType_HasLabelsInThreeLanguages(string id)
    {
        var term = Vocabulary.Default.Find(Vocabulary.ViolationType, id);
        term.ShouldNotBeNull();
        term.English.ShouldNotBeNullOrWhiteSpace();
        term.Korean.ShouldMatch(@"\p{IsHangulSyllables}");
        term.Chinese.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Theory]
    [InlineData("Forced marriage", "forced_marriage")]
    [InlineData("강제 결혼", "forced_marriage")]
    [InlineData("人口贩卖", "trafficking")]
    [InlineData("forced-repatriation", "forced_repatriation")]
    [InlineData("TORTURE", "torture")]
    public void Resolve_LabelInAnyLanguage_GivesId(string text, string expected) =>
        Vocabulary.Default.Resolve(Vocabulary.ViolationType, text).ShouldBe(expected);

    [Fact]
    public void Resolve_UnknownTerm_GivesNull() =>
        Vocabulary.Default.Resolve(Vocabulary.ViolationType, "parking offence").ShouldBeNull();

    [Fact]
    public void Default_InvolvementRoles_CoverTheFieldsPerpetrators()
    {
        foreach (var role in new[] { "broker", "buyer", "husband", "chinese_police", "state_security", "guard" })
        {
            Vocabulary.Default.Contains(Vocabulary.InvolvementRole, role).ShouldBeTrue(role);
        }
    }

    [Fact]
    public void Parse_DuplicateTerm_Throws() =>
        Should.Throw<FormatException>(() => Vocabulary.Parse("vocabulary,id,en,ko,zh,code\nsex,f,F,여,女,\nsex,f,F,여,女,\n"));
}
