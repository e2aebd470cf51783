using Tumen.Core.Places;

namespace Tumen.Core.Tests;

public class PlaceNamesTests
{
    [Theory]
    [InlineData("Hoeryong City", "KP-NH-HR")]
    [InlineData("HOERYONG CITY", "KP-NH-HR")]
    [InlineData("Hoeryong-si", "KP-NH-HR")]
    [InlineData("함북 회령", "KP-NH-HR")]
    [InlineData("함경북도 회령시", "KP-NH-HR")]
    [InlineData("함경북도회령시", "KP-NH-HR")]
    [InlineData("朝鲜咸镜北道会宁市", "KP-NH-HR")]
    [InlineData("咸镜北道会宁", "KP-NH-HR")]
    [InlineData("会宁", "KP-NH-HR")]
    [InlineData("회령시", "KP-NH-HR")]
    [InlineData("Hoeryong, North Hamgyong", "KP-NH-HR")]
    [InlineData("North Hamgyong Province, Hoeryong", "KP-NH-HR")]
    [InlineData("北韩 会宁市", "KP-NH-HR")]
    [InlineData("Musan County", "KP-NH-MS")]
    [InlineData("무산군", "KP-NH-MS")]
    [InlineData("茂山", "KP-NH-MS")]
    [InlineData("朝鲜两江道惠山市", "KP-YG-HS")]
    [InlineData("양강도 혜산", "KP-YG-HS")]
    [InlineData("Hyesan City, Ryanggang", "KP-YG-HS")]
    [InlineData("함경북도", "KP-NH")]
    public void Resolve_PrefixesAndAffixesInAnyScript_FindPlace(string written, string id) =>
        PlaceNames.Resolve(Gazetteer.Default, written).ShouldNotBeNull().Id.ShouldBe(id);

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("Sambong-ri")]
    [InlineData("")]
    public void Resolve_UnknownPlace_GivesNull(string written) => PlaceNames.Resolve(Gazetteer.Default, written).ShouldBeNull();

    [Theory]
    [InlineData("Taehongdan County", "taehongdan")]
    [InlineData("대홍단군", "대홍단")]
    [InlineData("  Sambong-ri ", "sambong-ri")]
    public void TextKey_DropsAffix(string written, string key) => PlaceNames.TextKey(written).ShouldBe(key);
}
