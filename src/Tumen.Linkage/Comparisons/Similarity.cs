namespace Tumen.Linkage.Comparisons;

/// <summary>String similarities used by the comparisons (allocation-free on short strings).</summary>
public static class Similarity
{
    /// <summary>Jaro–Winkler similarity in [0, 1], prefix scale 0.1, up to four prefix characters.</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        if (a.Length > b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }

        if (b.Length > 128)
        {
            return a.SequenceEqual(b) ? 1 : 0;
        }

        var range = Math.Max(0, (b.Length / 2) - 1);
        Span<bool> matchedB = stackalloc bool[b.Length];
        Span<int> aMatchIndex = stackalloc int[a.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            aMatchIndex[i] = -1;
            var start = Math.Max(0, i - range);
            var end = Math.Min(b.Length - 1, i + range);
            for (var j = start; j <= end; j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedB[j] = true;
                    aMatchIndex[i] = j;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (aMatchIndex[i] < 0)
            {
                continue;
            }

            while (!matchedB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        for (var i = 0; i < Math.Min(4, a.Length); i++)
        {
            if (a[i] != b[i])
            {
                break;
            }

            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>Levenshtein distance, stopping early once it exceeds <paramref name="max"/> (returns max + 1).</summary>
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (b.Length > 256)
        {
            return a.SequenceEqual(b) ? 0 : max + 1;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
