using Tumen.Linkage.Names;

namespace Tumen.Linkage.Tests.Names;

/// <summary>Each kind of variation real record sources show in names, compared in both directions.</summary>
public class NameVariationTests
{
    private static NameAgreement Agree(string a, string b) => NameComparer.Compare(KoreanName.Parse(a), KoreanName.Parse(b)).Agreement;

    private static void ShouldBeSameBothWays(string a, string b)
    {
        Agree(a, b).ShouldBeOneOf(NameAgreement.Same, NameAgreement.SameViaPinyin);
        Agree(b, a).ShouldBeOneOf(NameAgreement.Same, NameAgreement.SameViaPinyin);
    }

    [Theory]
    [InlineData("李庆玉 (LI QINGYU)", "이경옥")]
    [InlineData("李庆玉 (LI QINGYU)", "李庆玉")]
    [InlineData("李庆玉 (LI QINGYU)", "Li Qingyu")]
    [InlineData("李庆玉 (LI QINGYU)", "Lee Kyung-ok")]
    [InlineData("河雪华 He Xue Hua", "하설화")]
    [InlineData("河雪华 He Xue Hua", "Ha Sol Hwa")]
    [InlineData("김영희 (Kim Young-hee)", "金英姬")]
    [InlineData("김영희 (Kim Young-hee)", "Kim Yong Hui")]
    [InlineData("김영희(Kim Young-hee)", "김영희")]
    [InlineData("박명숙 / 朴明淑", "Pak Myong Suk")]
    public void TwoScriptsInOneField_EveryPartMatches(string mixed, string other) => ShouldBeSameBothWays(mixed, other);

    [Fact]
    public void TwoScriptsInOneField_PartsSplitByScript()
    {
        KoreanName.ScriptParts("李庆玉 (LI QINGYU)").ShouldBe(["李庆玉", "LI QINGYU"]);
        KoreanName.ScriptParts("河雪华 He Xue Hua").ShouldBe(["河雪华", "He Xue Hua"]);
        KoreanName.ScriptParts("Kim Young-hee (김영희)").ShouldBe(["김영희", "Kim Young-hee"]);
        KoreanName.ScriptParts("Lee Keum-soon").ShouldBe(["Lee Keum-soon"]);
    }

    [Fact]
    public void TwoScriptsInOneField_DifferentWomanStaysDifferent()
    {
        Agree("李庆玉 (LI QINGYU)", "박명숙").ShouldBe(NameAgreement.Different);
        Agree("박명숙", "李庆玉 (LI QINGYU)").ShouldBe(NameAgreement.Different);
    }

    [Theory]
    [InlineData("金蘭熙", "金兰熙")]
    [InlineData("林賢姬", "林贤姬")]
    [InlineData("鄭順實", "郑顺实")]
    [InlineData("趙貞愛", "赵贞爱")]
    [InlineData("韓鳳蓮", "韩凤莲")]
    [InlineData("張榮淑", "张荣淑")]
    [InlineData("劉銀華", "刘银华")]
    [InlineData("權寶賢", "权宝贤")]
    [InlineData("盧鍾潤", "卢钟润")]
    [InlineData("陳瑩麗", "陈莹丽")]
    public void TraditionalAndSimplified_Same(string traditional, string simplified)
    {
        Agree(traditional, simplified).ShouldBe(NameAgreement.Same);
        Agree(simplified, traditional).ShouldBe(NameAgreement.Same);
    }

    [Fact]
    public void HanTable_CoversSeveralHundredNameCharacters()
    {
        var han = HanCharacters.Default;
        const string common = "英淑順姬熙喜美玉花善貞京敬慶惠慧銀恩今錦春蓮香福明愛珠秀哲鐵男光國敏浩俊賢珍眞智志海蘭梅月雪華鳳龍勇永榮娟燕仁東相錫吉基壽輝學孝雄允潤鍾昌燦泰宇成聖星世松純勝陽悅雲義長靜柱周鶴紅弘斌芝多書曉媛晶婷情妍淵佳振鈴淳禧嘉剛建傑潔經啓坤寬廣敎求菊君軍奎均根起紀寧達潭桃島童燈洛藍亮練靈露祿樓流輪律隆璃麟立勉命模夢茂舞聞微旻邦培百炳秉甫普峰飛賓師尙祥常舒碩璿誠盛聲笑頌修肅舜崇升時湜臣娥亞兒岸顔鶯櫻若洋揚養彦業與然硏緣演熱炎影迎穎睿午悟沃琬堯瑤耀鎔用友祐佑優羽煜昱運韻源園圓遠願苑原衛威維儒幼遊育胤融隱音宜誼儀意依怡益翼引逸滋將壯璋才材財宰典節政定廷精亭禎鼎淨井濟齊祖朝照兆種從宙州洲準峻駿重仲之至持辰進津集澄贊璨彰暢蒼菜泉川澈徹靑草超聰祝充翠致治澤豐風必賀何寒翰涵恒航解行鄕軒獻革顯弦現峴協炯馨衡瀅鎬豪護鴻禾畵歡環晃煌皇會效厚薰訓徽休曦熹";
        var missing = common.Where(c => han.Readings(c).Count == 0).ToArray();
        missing.ShouldBeEmpty();
        common.Length.ShouldBeGreaterThan(300);
        han.ToSimplified('蘭').ShouldBe('兰');
        han.ToTraditional('贤').ShouldBe('賢');
    }

    [Theory]
    [InlineData("李今顺", "李锦顺")]
    [InlineData("金英姬", "金永姬")]
    [InlineData("朴正淑", "朴貞淑")]
    public void SameKoreanReading_OtherCharacters_AgreeWeaker(string a, string b)
    {
        Agree(a, b).ShouldBe(NameAgreement.Close);
        Agree(b, a).ShouldBe(NameAgreement.Close);
        // Against Hangul, which has no characters to differ in, both are the same name.
        Agree(a, Hangul(a)).ShouldBe(NameAgreement.Same);
    }

    private static string Hangul(string han) => string.Concat(han.Select(c => HanCharacters.Default.Readings(c)[0])).Replace("리", "이", StringComparison.Ordinal);

    [Theory]
    [InlineData("Keum-soon Lee", "이금순")]
    [InlineData("Kum Sun Ri", "리금순")]
    [InlineData("Myong-suk PAK", "박명숙")]
    [InlineData("Young Hee Kim", "김영희")]
    public void FamilyNameLast_Same(string a, string b) => ShouldBeSameBothWays(a, b);

    [Theory]
    [InlineData("Lee Keumsoon", "Lee Keum-soon")]
    [InlineData("Lee Keum Soon", "Lee Keum-soon")]
    [InlineData("Lee Keumsoon", "Lee Keum Soon")]
    [InlineData("Pak Myongsuk", "Pak Myong-Suk")]
    public void GivenNameJoinedHyphenatedOrSpaced_Same(string a, string b) => ShouldBeSameBothWays(a, b);

    [Theory]
    [InlineData("Ch'oe Kyŏng-hŭi", "Choe Kyong-hui")]
    [InlineData("Ch'oe Kyŏnghŭi", "최경희")]
    [InlineData("Pak Ŭn-jŏng", "Pak Un Jong")]
    [InlineData("Kang Ch'un-ok", "Kang Chun Ok")]
    public void McCuneReischauer_WithAndWithoutBrevesAndApostrophes_Same(string a, string b) => ShouldBeSameBothWays(a, b);

    [Theory]
    [InlineData("Ri Kum Sun", "이금순")]
    [InlineData("JANG RYON OK", "장련옥")]
    [InlineData("JANG RYON OK", "Jang Yeon-ok")]
    [InlineData("Ryu Chun Hwa", "유춘화")]
    [InlineData("Rim Hyang Mi", "Lim Hyang-mi")]
    public void DprkSpellings_Same(string a, string b) => ShouldBeSameBothWays(a, b);

    [Theory]
    [InlineData("Lee Keum-soon", "이금순")]
    [InlineData("Kim Soon-ja", "김순자")]
    [InlineData("Park Mee-kyung", "박미경")]
    [InlineData("Choi Eun-hee", "최은희")]
    [InlineData("Kim Joo-young", "김주영")]
    public void PassportSpellings_Same(string a, string b) => ShouldBeSameBothWays(a, b);

    [Theory]
    [InlineData("Lee Keum-son", "Lee Keum-soon")]
    [InlineData("Kim Yuong-hee", "Kim Young-hee")]
    [InlineData("Pak Myong-sok", "Pak Myong-suk")]
    [InlineData("김정숙", "김정순")]
    public void Typos_AreCloseNotDifferent(string a, string b)
    {
        Agree(a, b).ShouldBeOneOf(NameAgreement.Same, NameAgreement.Close);
        Agree(b, a).ShouldBeOneOf(NameAgreement.Same, NameAgreement.Close);
    }
}
