namespace Tumen.Linkage.Generation;

/// <summary>
/// The given-name distribution of the generator, written in Han characters (the truth; every script and
/// romanisation is rendered from them).
/// <para>
/// Sources and assumptions. Korean given names are mostly two syllables, each a name character
/// (인명용 한자). The most common whole names by birth cohort are those of the Supreme Court's birth
/// registrations as reported in the press: 1945–1948 영자 英子, 정자 貞子, 순자 順子, 정순 貞順, 정숙 貞淑
/// (Chosun Ilbo 2006, Yonhap 2009-01-25); 1950s 영숙 英淑; 1960s 미숙 美淑, 1968 미경 美京, 경희 京姬,
/// 경숙 京淑 (Korea Herald 2016-05-09, Yonhap 2009); 1975 미영 美英 (9,129), 은정 恩貞 (9,012), 은주 恩珠
/// (8,732), 은영 恩英 (8,159); 1980s 지혜 智惠, 지은 智恩, 수진 秀眞, 혜진 惠眞; 1990s 유진 有眞; 2000s 서연
/// 書妍, 민서, 수빈, 민지 敏智. The Hangul spelling is what is registered; the characters shown are the
/// usual ones (a Hangul name is written with different characters by different families). North Korean
/// given names draw on the same syllables (금순, 영옥, 명옥, 춘화, 순희 are typical; no published counts).
/// </para>
/// <para>
/// Model: a share <see cref="CommonShare"/> of women carry one of the common names of their birth
/// cohort (rank r drawn with weight 1/(r+4), so the first name of a cohort is about 2 % of its girls, as
/// 미영 was of the girls born in 1975); the others get a first and a second syllable drawn from
/// position lists ordered by how often the syllable is seen in that position (weight 1/(r+3)^0.9, a
/// Zipf-like law; the orders are ours, from the lists above and the name-syllable list of
/// ../shared/reference/korean-names.md section 4). That gives over 20,000 character combinations
/// (about 6,700 distinct Hangul readings) with a heavy head. <see cref="SingleShare"/> of names
/// have one syllable. Men (10 %) use their own lists.
/// </para>
/// </summary>
internal static class GivenNames
{
    /// <summary>Share of women whose given name is one of the common names of their cohort.</summary>
    public const double CommonShare = 0.15;

    /// <summary>Share of one-syllable given names.</summary>
    public const double SingleShare = 0.03;

    /// <summary>Women's first syllables, most frequent first.</summary>
    public const string FemaleFirst =
        "英貞美順京明恩玉善惠銀今春秀智賢珍敏慧正福花蓮香愛景慶敬姬喜素仁月雪海蘭梅鳳永榮瑛允潤" +
        "如彩夏雅麗禮紅松星聖雲有裕靜庭周珠好和弘信在良利理泰宇昌天平小寶富芬三瑞世心丹純悅藝完" +
        "希玲娟燕錦貴甲末粉點孝吉德知芝多娜書曉媛晶妍佳振鈴淳禧米薇先鮮卿璟昭端采荷霞柔由初里梨" +
        "莉婷情晴琳蓉容伊幸杏湖郁新晨紋芳滿妙憐閏思詩承昇炫瑩映珉守樹慈姿紫桂季溪汝婉銘深人寅" +
        "殷蕙樺鈺九五乙";

    /// <summary>Women's second syllables, most frequent first.</summary>
    public const string FemaleSecond =
        "淑子姬順英熙玉花善貞京惠銀珠蓮香實福美愛秀珍眞智蘭梅月雪華鳳娟燕心丹彩雅麗禮紅星雲潤" +
        "如和正庭靜妍希喜玲仙錦今景慶慧恩芬媛晶嬉禧鈴元娜里梨莉婷情晴琳蓉容伊杏新晨芳滿妙憐" +
        "詩炫瑩映珉樹慈姿溪婉銘蕙樺鈺書端荷霞由初枝芝知卿璟瓊鏡淳薇米鮮先昭采柔多佳振淵閏思承昇";

    /// <summary>Men's first syllables, most frequent first.</summary>
    public const string MaleFirst = "英永成正相東光明哲鐵國民浩俊日一勇龍學雄錫萬吉基中宗忠平漢德道斗武植賢鉉載輝孝允潤鍾亨昌燦淸憲斌奉勝陽元承昇炫旭昊皓湖新守樹九五";

    /// <summary>Men's second syllables, most frequent first.</summary>
    public const string MaleSecond = "浩哲男秀植成日一勇龍虎學雄東錫萬吉基中宗永明忠平漢赫煥勳興德道斗武賢鉉珍智志載輝孝允潤鍾亨昌燦淸憲斌奉勝陽元國光鐵俊民承昇旭昊皓湖新守樹";

    /// <summary>Common women's names by birth cohort (upper bound of the birth year, names most common first).</summary>
    public static readonly (int UntilYear, string[] Names)[] Common =
    [
        (1959, ["英子", "順子", "貞子", "貞順", "貞淑", "英淑", "玉子", "明子", "英順", "春子", "京子", "英姬", "順姬", "玉順", "今順", "英玉", "明玉", "春花", "順玉", "明淑"]),
        (1969, ["美淑", "美京", "京姬", "京淑", "英美", "美英", "賢淑", "明淑", "銀淑", "英姬", "順姬", "貞姬", "英淑", "今順", "英玉", "美子", "恩淑", "善英", "明姬", "淑子"]),
        (1979, ["美英", "恩貞", "恩珠", "恩英", "賢珠", "智英", "善英", "美貞", "賢貞", "美京", "恩淑", "美善", "京花", "英美", "銀姬", "貞花", "秀京", "惠英", "恩姬", "明玉"]),
        (1989, ["智惠", "智恩", "秀眞", "惠眞", "恩惠", "智英", "美眞", "賢貞", "恩貞", "秀賢", "智賢", "恩珠", "惠貞", "秀貞", "美貞", "善英", "智珍", "恩英", "惠英", "秀珍"]),
        (int.MaxValue, ["有眞", "智賢", "敏智", "秀彬", "書妍", "智恩", "秀眞", "惠眞", "恩智", "敏貞", "智惠", "多恩", "藝眞", "瑞賢", "智媛", "秀賢", "惠媛", "敏書", "藝恩", "佳恩"]),
    ];
}
