namespace Tumen.Linkage.Generation.FieldRecords;

/// <summary>
/// Chinese police and court records: the name in simplified characters (chosen by sound in a fifth of
/// records, since the officer hears the name) with its pinyin in the same field (<c>李庆玉 (LI QINGYU)</c>,
/// <c>河雪华 He Xue Hua</c>) or alone; places as <c>朝鲜咸镜北道会宁市</c>; dates from 1995年3月2日 to 1995年.
/// </summary>
internal sealed class ChinesePoliceHabits : SourceHabits
{
    public override SourceKind Kind => SourceKind.ChinesePolice;

    public override string SourcePrefix => "cn-police";

    public override int Lists => 4;

    public override FieldRecord Write(KoreanWoman woman, string id, string source, Random random)
    {
        var given = Chance(random, 0.2) ? SoundChosen(woman, random) : woman.Given;
        var han = woman.Surname.Simplified + Han(given, traditional: false);
        var pinyin = PinyinName(PinyinTyped(woman.Surname.Pinyin, random), given.Select(c => PinyinTyped(c.Pinyin, random)).ToArray(), random);
        var (name, chinese) = Choose(random, 0.35, 0.2, 0.15, 0.2) switch
        {
            0 => ("", $"{han} ({pinyin.ToUpperInvariant()})"),
            1 => ("", $"{han} {pinyin}"),
            2 => ($"{han} ({pinyin.ToUpperInvariant()})", ""),
            3 => ("", han),
            _ => (pinyin, han),
        };

        var b = woman.Birth;
        var birth = Choose(random, 0.4, 0.15, 0.2, 0.1, 0.05) switch
        {
            0 => Invariant($"{b.Year}年{b.Month}月{b.Day}日"),
            1 => Iso(b),
            2 => Invariant($"{b.Year}年{b.Month}月"),
            3 => Invariant($"{b.Year}年"),
            4 => Invariant($"{b.Year:0000}{b.Month:00}{b.Day:00}"),
            _ => "",
        };

        var place = woman.Origin;
        var origin = Choose(random, 0.35, 0.2, 0.1, 0.1, 0.1) switch
        {
            0 => "朝鲜" + place.ProvinceChinese + place.Chinese,
            1 => "朝鲜" + place.Chinese,
            2 => ChineseShort(place),
            3 => place.ProvinceChinese + place.Chinese,
            4 => "朝鲜",
            _ => "",
        };

        return new FieldRecord(id, source, Kind, name, "", chinese, Chance(random, 0.9) ? "女" : "", birth, origin, woman.PersonId);
    }
}
