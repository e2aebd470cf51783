using Tumen.Linkage.Names;

namespace Tumen.Linkage.Tests.Names;

public class HangulTests
{
    [Fact]
    public void Decompose_Compose_RoundTrips()
    {
        var (i, m, f) = Hangul.Decompose('금');
        (i, m, f).ShouldBe((0, 18, 16));
        Hangul.Compose(i, m, f).ShouldBe('금');
    }

    [Theory]
    [InlineData('리', '이')]
    [InlineData('림', '임')]
    [InlineData('류', '유')]
    [InlineData('량', '양')]
    [InlineData('라', '나')]
    [InlineData('로', '노')]
    [InlineData('녀', '여')]
    [InlineData('김', '김')]
    public void InitialSoundLaw_South(char north, char south) => Hangul.ApplyInitialSoundLaw(north).ShouldBe(south);
}

public class RomanizerTests
{
    [Theory]
    [InlineData("이금순", RomanizationSystem.Revised, "-", "I Geum-sun")]
    [InlineData("이금순", RomanizationSystem.McCuneReischauer, "-", "I Kŭm-sun")]
    [InlineData("리금순", RomanizationSystem.NorthKorean, " ", "Ri Kum Sun")]
    [InlineData("김정은", RomanizationSystem.NorthKorean, " ", "Kim Jong Un")]
    [InlineData("최경희", RomanizationSystem.McCuneReischauer, "", "Ch'oe Kyŏnghŭi")]
    [InlineData("최경희", RomanizationSystem.McCuneReischauerPlain, "", "Choe Kyonghui")]
    [InlineData("박영심", RomanizationSystem.Revised, "", "Bak Yeongsim")]
    [InlineData("신철", RomanizationSystem.McCuneReischauer, "", "Shin Ch'ŏl")]
    public void RomanizeName_FollowsSystem(string hangul, RomanizationSystem system, string separator, string expected) =>
        Romanizer.RomanizeName(hangul, 1, system, separator).ShouldBe(expected);

    [Fact]
    public void McCuneReischauer_VoicesInsideWord() =>
        Romanizer.RomanizeWord("순복", RomanizationSystem.McCuneReischauer).ShouldBe("Sunbok");
}

public class PhoneticKeyTests
{
    [Theory]
    [InlineData("Keum-soon", "Kŭm-sun")]
    [InlineData("Kum Sun", "Geumsun")]
    [InlineData("Jung-sook", "Chŏngsuk")]
    [InlineData("Young-hee", "Yong Hui")]
    [InlineData("Kyung-ok", "Gyeongok")]
    [InlineData("Kum Ryon", "Geumryeon")]
    [InlineData("Ahn", "An")]
    [InlineData("Park", "Pak")]
    [InlineData("Lee", "Yi")]
    [InlineData("Rhee", "Ri")]
    [InlineData("Ryu", "Yoo")]
    [InlineData("Ch'ŏl", "Cheol")]
    public void Romanisations_ShareKey(string a, string b) => PhoneticKey.FromLatin(a).ShouldBe(PhoneticKey.FromLatin(b));

    [Fact]
    public void Hangul_AndItsRomanisation_ShareKey() =>
        PhoneticKey.FromHangul("금순").ShouldBe(PhoneticKey.FromLatin("Keum-soon"));

    [Fact]
    public void DifferentNames_DifferentKeys() =>
        PhoneticKey.FromLatin("Jeongsuk").ShouldNotBe(PhoneticKey.FromLatin("Jeongsun"));
}

public class HanCharactersTests
{
    [Fact]
    public void SimplifiedAndTraditional_HaveSameReading()
    {
        var han = HanCharacters.Default;
        han.Readings('順').ShouldBe(han.Readings('顺'));
        han.ToTraditional('顺').ShouldBe('順');
        han.ToSimplified('鄭').ShouldBe('郑');
        han.Pinyin('朴').ShouldBe("piao");
        han.Readings('朴').ShouldContain("박");
    }

    [Fact]
    public void SegmentPinyin_SplitsGivenName() =>
        HanCharacters.Default.SegmentPinyin("jinshun").ShouldBe(["jin", "shun"]);

    [Fact]
    public void PinyinToHangul_IsOneToMany() =>
        HanCharacters.Default.HangulForPinyin("jin").ShouldContain("금");
}

public class SurnamesTests
{
    [Theory]
    [InlineData("이")]
    [InlineData("리")]
    [InlineData("李")]
    [InlineData("Lee")]
    [InlineData("Yi")]
    [InlineData("Rhee")]
    [InlineData("Ri")]
    [InlineData("Li")]
    [InlineData("LEE")]
    public void AllFormsOfLee_OneClass(string spelling)
    {
        var lee = Surnames.Default.Lookup("이");
        lee.Count.ShouldBe(1);
        Surnames.Default.Lookup(spelling).ShouldContain(lee[0]);
    }

    [Theory]
    [InlineData("Park")]
    [InlineData("Pak")]
    [InlineData("Bak")]
    [InlineData("Piao")]
    [InlineData("朴")]
    [InlineData("박")]
    public void AllFormsOfPark_OneClass(string spelling) =>
        Surnames.Default.Lookup(spelling).ShouldContain(Surnames.Default.Lookup("박")[0]);

    [Fact]
    public void PinyinCollision_GivesSeveralClasses() =>
        Surnames.Default.Lookup("Xu").Count.ShouldBe(2);

    [Fact]
    public void DifferentSurnames_DifferentClasses() =>
        Surnames.Default.Lookup("Kim").ShouldNotContain(Surnames.Default.Lookup("Park")[0]);
}

public class NameComparerTests
{
    public static TheoryData<string> LeeKeumSoonForms() =>
        ["이금순", "Lee Keum-soon", "Yi Kŭm-sun", "Ri Kum Sun", "李今顺", "Li Jinshun", "리금순", "Keum-soon LEE", "李今順", "I Geumsun"];

    [Theory]
    [MemberData(nameof(LeeKeumSoonForms))]
    public void SameWoman_AllScripts_SameName(string other)
    {
        var result = NameComparer.Compare(KoreanName.Parse("이금순"), KoreanName.Parse(other));
        result.SameSurname.ShouldBeTrue(result.Explanation);
        result.Agreement.ShouldBeOneOf(NameAgreement.Same, NameAgreement.SameViaPinyin);
    }

    [Fact]
    public void PinyinMatch_IsMarkedWeaker() =>
        NameComparer.Compare(KoreanName.Parse("이금순"), KoreanName.Parse("Li Jinshun")).Agreement.ShouldBe(NameAgreement.SameViaPinyin);

    [Fact]
    public void OneSyllableApart_IsCloseNotSame()
    {
        var result = NameComparer.Compare(KoreanName.Parse("김정숙"), KoreanName.Parse("김정순"));
        result.Agreement.ShouldBe(NameAgreement.Close);
    }

    [Fact]
    public void DifferentWomen_Different() =>
        NameComparer.Compare(KoreanName.Parse("박영희"), KoreanName.Parse("Choi Myong Ok")).Agreement.ShouldBe(NameAgreement.Different);

    [Fact]
    public void SameGivenName_DifferentSurname_GivenOnly() =>
        NameComparer.Compare(KoreanName.Parse("Kim Young-hee"), KoreanName.Parse("Park Yong Hui")).Agreement.ShouldBe(NameAgreement.GivenOnly);

    [Fact]
    public void FamilyNameLast_IsRecognised() =>
        NameComparer.Compare(KoreanName.Parse("Young-hee Park"), KoreanName.Parse("박영희")).Agreement.ShouldBe(NameAgreement.Same);

    [Fact]
    public void Explanation_SaysWhy() =>
        NameComparer.Compare(KoreanName.Parse("박영희"), KoreanName.Parse("Pak Yong Hui")).Explanation.ShouldContain("family name same");
}

public class NameTypoAndPinyinTests
{
    [Theory]
    [InlineData("Piao Zhenzhi", "朴珍芝")]
    [InlineData("Bai Zhenji", "백진희")]
    [InlineData("JIN Herun", "김화윤")]
    public void PinyinGivenName_MatchesSyllableBySyllable(string pinyin, string korean) =>
        NameComparer.Compare(KoreanName.Parse(pinyin), KoreanName.Parse(korean)).Agreement.ShouldBe(NameAgreement.SameViaPinyin);

    [Theory]
    [InlineData("Song Zhixian", "Song Ji-hyeon")]
    [InlineData("Jin Jiyan", "Gyeyeon Gim")]
    public void PinyinGivenName_MatchesRomanisationThroughAnyKoreanReading(string pinyin, string romanised) =>
        NameComparer.Compare(KoreanName.Parse(pinyin), KoreanName.Parse(romanised)).Agreement.ShouldBe(NameAgreement.SameViaPinyin);

    [Theory]
    [InlineData("서철룡", "서처룡")]
    [InlineData("김호영", "金紅榮")]
    public void OneJamoApart_IsClose(string a, string b) =>
        NameComparer.Compare(KoreanName.Parse(a), KoreanName.Parse(b)).Agreement.ShouldBe(NameAgreement.Close);

    [Fact]
    public void TwoSyllablesApart_IsNotClose() =>
        NameComparer.Compare(KoreanName.Parse("서철룡"), KoreanName.Parse("서처영")).Agreement.ShouldNotBe(NameAgreement.Close);

    [Theory]
    [InlineData("Pak Yon Kum", "박연금")]
    [InlineData("Bak Yeongeum", "박연금")]
    public void NBeforeG_ReadsAsNg(string latin, string hangul) =>
        NameComparer.Compare(KoreanName.Parse(latin), KoreanName.Parse(hangul)).Agreement.ShouldBe(NameAgreement.Same);
}
