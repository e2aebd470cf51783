using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Tumen.Ingest.Tests.Documents;

/// <summary>Writes hostile PDFs byte by byte: objects, an xref table and a trailer, with whatever references an attacker likes.</summary>
internal static class CraftedPdf
{
    private const string Catalog = "<< /Type /Catalog /Pages 2 0 R >>";
    private const string OnePage = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    private const string Page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>";
    private const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    /// <summary>One page whose content stream (Flate-compressed) shows a letter <paramref name="operators"/> times.</summary>
    public static byte[] ManyOperators(int operators)
    {
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("(a) Tj\n", 1000)));
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write("BT /F1 12 Tf 72 720 Td\n"u8);
            for (var i = 0; i < operators / 1000; i++)
            {
                zlib.Write(chunk);
            }

            zlib.Write("ET"u8);
        }

        return Build(
            (1, Ascii(Catalog)), (2, Ascii(OnePage)), (3, Ascii(Page)), (4, Ascii(Font)),
            (5, Stream("/Filter /FlateDecode", compressed.ToArray())));
    }

    /// <summary>A page tree whose two nodes are each other's only child, and an xref table whose /Prev is itself.</summary>
    public static byte[] CyclicPageTree() => Build(
        cyclicXref: true,
        (1, Ascii(Catalog)),
        (2, Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")),
        (3, Ascii("<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>")));

    /// <summary>A content stream whose /Length is a reference to the stream itself, and a form that draws itself.</summary>
    public static byte[] SelfReferences() => Build(
        (1, Ascii(Catalog)), (2, Ascii(OnePage)),
        (3, Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [5 0 R 7 0 R] /Resources << /XObject << /X1 6 0 R >> >> >>")),
        (5, Ascii("<< /Length 5 0 R >>\nstream\n/X1 Do\nendstream")),
        (6, Stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 6 0 R >> >>", Ascii("/X1 Do"))),
        (7, Stream("", Ascii("/X1 Do"))));

    /// <summary>A page tree listing the same page <paramref name="kids"/> times, with a matching /Count.</summary>
    public static byte[] HugePageTree(int kids) => Build(
        (1, Ascii(Catalog)),
        (2, Ascii($"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Repeat("3 0 R", kids))}] /Count {kids.ToString(CultureInfo.InvariantCulture)} >>")),
        (3, Ascii(Page)), (4, Ascii(Font)),
        (5, Stream("", Ascii("BT /F1 12 Tf 72 720 Td (Some 300 women were sold in Yanbian.) Tj ET"))));

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private static byte[] Stream(string dictionary, byte[] data)
    {
        using var ms = new MemoryStream();
        ms.Write(Ascii(string.Create(CultureInfo.InvariantCulture, $"<< {dictionary} /Length {data.Length} >>\nstream\n")));
        ms.Write(data);
        ms.Write("\nendstream"u8);
        return ms.ToArray();
    }

    /// <summary>A PDF 1.7 file of these objects, with a correct cross-reference table and a trailer that names object 1 the root.</summary>
    private static byte[] Build(params (int Id, byte[] Body)[] objects) => Build(false, objects);

    private static byte[] Build(bool cyclicXref, params (int Id, byte[] Body)[] objects)
    {
        using var ms = new MemoryStream();
        void Write(string s) => ms.Write(Ascii(s));
        Write("%PDF-1.7\n");
        var offsets = new Dictionary<int, long>();
        foreach (var (id, body) in objects)
        {
            offsets[id] = ms.Position;
            Write(string.Create(CultureInfo.InvariantCulture, $"{id} 0 obj\n"));
            ms.Write(body);
            Write("\nendobj\n");
        }

        var xref = ms.Position;
        var size = offsets.Keys.Max() + 1;
        Write(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f \n"));
        for (var i = 1; i < size; i++)
        {
            Write(offsets.TryGetValue(i, out var o) ? string.Create(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n") : "0000000000 65535 f \n");
        }

        // A /Prev pointing back at this same table is a cycle for parsers that follow /Prev.
        var prev = cyclicXref ? string.Create(CultureInfo.InvariantCulture, $" /Prev {xref}") : "";
        Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root 1 0 R{prev} >>\nstartxref\n{xref}\n%%EOF\n"));
        return ms.ToArray();
    }
}
