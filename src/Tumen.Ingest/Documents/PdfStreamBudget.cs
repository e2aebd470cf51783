using System.Globalization;
using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Tumen.Ingest.Documents;

/// <summary>
/// PdfPig's hook into every stream it decodes (page content, forms, fonts, object streams), used to
/// bound a PDF in memory and to stop an abandoned parse: a Flate stream is measured by a bounded
/// inflate before PdfPig inflates it (a 30 KB file can hold a gigabyte of operators), every decoded
/// stream counts against a per-stream and a per-document budget, and each decode first checks the
/// read's cancellation token.
/// </summary>
internal sealed class PdfStreamBudget : IFilterProvider
{
    private readonly IFilterProvider _inner = DefaultFilterProvider.Instance;
    private readonly string _fileName;
    private readonly long _maxStreamBytes;
    private readonly long _maxTotalBytes;
    private readonly CancellationToken _cancellation;
    private long _total;

    public PdfStreamBudget(string fileName, ReaderLimits limits, CancellationToken cancellation)
    {
        _fileName = fileName;
        _maxStreamBytes = limits.MaxPdfStreamBytes;
        _maxTotalBytes = limits.MaxPdfDecodedBytes;
        _cancellation = cancellation;
    }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private IFilter[] Wrap(IReadOnlyList<IFilter> filters) => [.. filters.Select(f => new Bounded(f, this))];

    private void BeforeDecode(IFilter filter, Memory<byte> input)
    {
        _cancellation.ThrowIfCancellationRequested();
        if (filter is FlateFilter && InflatedLength(input.Span, _maxStreamBytes + 1) > _maxStreamBytes)
        {
            throw TooLarge("a compressed stream");
        }
    }

    private void AfterDecode(int length)
    {
        if (length > _maxStreamBytes)
        {
            throw TooLarge("a stream");
        }

        if (Interlocked.Add(ref _total, length) > _maxTotalBytes)
        {
            throw TooLarge("its streams together");
        }
    }

    /// <summary>The first budget breach, kept because lenient parsing may swallow the exception thrown at the time.</summary>
    public DocumentReadException? Failure { get; private set; }

    private DocumentReadException TooLarge(string what)
    {
        var limit = what == "its streams together" ? _maxTotalBytes : _maxStreamBytes;
        Failure ??= new DocumentReadException(string.Create(
            CultureInfo.InvariantCulture,
            $"{_fileName}: {what} decode to more than {limit / (1024 * 1024)} MB; the PDF is not read (a compression bomb or a crafted file)."));
        return Failure;
    }

    /// <summary>How many bytes a zlib/deflate stream inflates to, counting no further than <paramref name="stopAt"/>.</summary>
    private static long InflatedLength(ReadOnlySpan<byte> data, long stopAt)
    {
        // PdfPig skips the two-byte zlib header and inflates the raw deflate data; measure the same way.
        var raw = data.Length > 2 ? data[2..].ToArray() : [];
        using var source = new MemoryStream(raw, writable: false);
        using var inflate = new DeflateStream(source, CompressionMode.Decompress);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int n;
            while (total < stopAt && (n = inflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += n;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged data: what inflated before the damage is what PdfPig can get too.
        }

        return total;
    }

    /// <summary>A PdfPig filter that decodes only within the budget.</summary>
    private sealed class Bounded(IFilter inner, PdfStreamBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            budget.BeforeDecode(inner, input);
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.AfterDecode(output.Length);
            return output;
        }
    }
}
