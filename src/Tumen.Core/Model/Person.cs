namespace Tumen.Core.Model;

/// <summary>Which writing system a name is in; linkage and search treat each differently.</summary>
public enum NameScript
{
    Latin,
    Hangul,
    Han,
    Mixed,
}

/// <summary>One of a person's names, as a source wrote it.</summary>
/// <param name="Kind">A <c>name_kind</c> vocabulary id: registered, alias, romanisation, nickname, chinese_identity.</param>
public sealed record PersonName(string Value, NameScript Script, string Kind)
{
    /// <summary>Builds a name and works out its script from the characters.</summary>
    public static PersonName Of(string value, string kind = "registered") => new(value, Scripts.Detect(value), kind);
}
