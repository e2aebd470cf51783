namespace Tumen.Core.Vocabularies;

/// <summary>
/// One value of a controlled list, with its labels in the three working languages so a Korean or
/// Chinese investigator sees the same term an English report prints.
/// </summary>
/// <param name="Vocabulary">The list the term belongs to (e.g. <c>violation_type</c>).</param>
/// <param name="Id">The stable identifier stored in records and printed in JSON.</param>
/// <param name="Code">The HURIDOCS micro-thesaurus code or list number, when one exists.</param>
public sealed record VocabularyTerm(string Vocabulary, string Id, string English, string Korean, string Chinese, string? Code)
{
    /// <summary>The label for a UI language: <c>ko</c>, <c>zh</c>, anything else gives English.</summary>
    public string Label(string language) => language switch
    {
        "ko" => Korean,
        "zh" => Chinese,
        _ => English,
    };
}
