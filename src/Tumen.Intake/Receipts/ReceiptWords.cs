using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Tumen.Core;

namespace Tumen.Intake.Receipts;

/// <summary>
/// 256 everyday words in English, Korean and Chinese (one byte each), common to the North and the
/// South: a receipt is easier to write down and to remember as words in her own language than as
/// a code, and the words of every language are accepted back so she may change language.
/// </summary>
public sealed class ReceiptWords
{
    /// <summary>The languages that have a word list.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ko", "zh"];

    private readonly string[][] _words;
    private readonly FrozenDictionary<string, byte> _index;

    private ReceiptWords(string[][] words)
    {
        _words = words;
        var index = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var list in words)
        {
            for (var i = 0; i < list.Length; i++)
            {
                if (!index.TryAdd(Normalize(list[i]), (byte)i))
                {
                    throw new InvalidOperationException($"The receipt word '{list[i]}' is listed twice.");
                }
            }
        }

        _index = index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The lists shipped with Tumen.</summary>
    public static ReceiptWords Default { get; } = Load();

    /// <summary>The word for <paramref name="value"/> in <paramref name="language"/> (<c>ko</c>, <c>zh</c>, else English).</summary>
    public string Word(byte value, string language) => _words[LanguageIndex(language)][value];

    /// <summary>The byte a word stands for, in any language; false for a word not on the lists.</summary>
    public bool TryValue(string word, out byte value) => _index.TryGetValue(Normalize(word), out value);

    internal static string Normalize(string word) => word.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    private static int LanguageIndex(string language) => language switch
    {
        "ko" => 1,
        "zh" => 2,
        _ => 0,
    };

    private static ReceiptWords Load()
    {
        var lines = EmbeddedText.Read(typeof(ReceiptWords).Assembly, "receipt-words.csv")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(l => l.Split(','))
            .ToList();
        if (lines.Count != 256 || lines.Any(l => l.Length != 3))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"receipt-words.csv must hold 256 rows of three words; it holds {lines.Count}."));
        }

        return new ReceiptWords([.. Enumerable.Range(0, 3).Select(c => lines.Select(l => l[c]).ToArray())]);
    }
}
