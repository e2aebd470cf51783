namespace Tumen.Application.Users;

/// <summary>The interface languages: English, Korean and Chinese (simplified).</summary>
public static class SupportedCultures
{
    public const string English = "en";
    public const string Korean = "ko";
    public const string Chinese = "zh-Hans";

    public static readonly IReadOnlyList<string> All = [English, Korean, Chinese];

    /// <summary>A supported culture name, or English for anything else.</summary>
    public static string Normalise(string? culture) =>
        All.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? English;
}
