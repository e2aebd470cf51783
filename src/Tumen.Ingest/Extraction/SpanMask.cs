namespace Tumen.Ingest.Extraction;

/// <summary>
/// Which characters of a text are already claimed by a finding, so overlap checks cost the length of
/// a span rather than the number of findings: a document of millions of characters stays linear.
/// </summary>
internal sealed class SpanMask
{
    private readonly bool[] _taken;

    public SpanMask(int length) => _taken = new bool[length];

    public SpanMask(int length, IEnumerable<TextSpan> spans)
        : this(length)
    {
        foreach (var s in spans)
        {
            Take(s);
        }
    }

    public bool Overlaps(TextSpan span)
    {
        for (var i = Math.Max(0, span.Start); i < span.End && i < _taken.Length; i++)
        {
            if (_taken[i])
            {
                return true;
            }
        }

        return false;
    }

    public void Take(TextSpan span)
    {
        for (var i = Math.Max(0, span.Start); i < span.End && i < _taken.Length; i++)
        {
            _taken[i] = true;
        }
    }

    /// <summary>Takes <paramref name="span"/> when it is free; returns whether it was.</summary>
    public bool TryTake(TextSpan span)
    {
        if (Overlaps(span))
        {
            return false;
        }

        Take(span);
        return true;
    }
}
