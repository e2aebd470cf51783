namespace Tumen.Core.Model;

/// <summary>Tells Hangul, Han characters and Latin apart, for names and for search tokens.</summary>
public static class Scripts
{
    public static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F';

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The script of a piece of text, ignoring spaces, digits and punctuation.</summary>
    public static NameScript Detect(string text)
    {
        bool hangul = false, han = false, latin = false;
        foreach (var c in text)
        {
            if (IsHangul(c))
            {
                hangul = true;
            }
            else if (IsHan(c))
            {
                han = true;
            }
            else if (char.IsLetter(c))
            {
                latin = true;
            }
        }

        return (hangul, han, latin) switch
        {
            (true, false, false) => NameScript.Hangul,
            (false, true, false) => NameScript.Han,
            (false, false, _) => NameScript.Latin,
            _ => NameScript.Mixed,
        };
    }
}
