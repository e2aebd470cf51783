using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Tumen.Intake.Tests;

/// <summary>Small test files made in code, with metadata a reporter's phone would add (GPS above all).</summary>
public static class TestImages
{
    /// <summary>Latitude 42.9 N, longitude 129.5 E (Yanbian), as a phone would write it.</summary>
    public const double Latitude = 42.9;

    public const string CommentCanary = "CAMERA-OWNER-KIM-CANARY";

    // A structurally complete 1x1 JPEG (JFIF, quantisation table, frame, scan).
    private static readonly byte[] TinyJpeg = Convert.FromHexString(
        "FFD8FFE000104A46494600010101004800480000FFDB004300030202020202030202020303030304060404040404080606050609080A0A090809090A0C0F0C0A0B0E0B09090D110D0E0F101011100A0C12131210130F101010FFC9000B080001000101011100FFCC000600101005FFDA0008010100003F00D2CF20FFD9");

    /// <summary>A JPEG with EXIF (GPS), XMP and a comment before the picture data.</summary>
    public static byte[] JpegWithGps()
    {
        using var output = new MemoryStream();
        output.Write(TinyJpeg, 0, 20); // SOI + JFIF APP0
        WriteSegment(output, 0xE1, [.. "Exif\0\0"u8, .. ExifWithGps()]);
        WriteSegment(output, 0xE1, Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"42,54.0N\"/></rdf:RDF></x:xmpmeta>"));
        WriteSegment(output, 0xFE, Encoding.ASCII.GetBytes(CommentCanary));
        output.Write(TinyJpeg, 20, TinyJpeg.Length - 20);
        return output.ToArray();
    }

    /// <summary>The bytes from the start of scan to the end: the picture itself, which stripping must leave untouched.</summary>
    public static ReadOnlySpan<byte> ScanData(byte[] jpeg)
    {
        var index = jpeg.AsSpan().IndexOf(new byte[] { 0xFF, 0xDA });
        return jpeg.AsSpan(index);
    }

    /// <summary>A real 2x1 PNG with a tEXt chunk, an eXIf chunk and a tIME chunk.</summary>
    public static byte[] PngWithText()
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 2);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "tEXt", Encoding.Latin1.GetBytes("Author\0" + CommentCanary));
        WriteChunk(output, "eXIf", ExifWithGps());
        WriteChunk(output, "tIME", [0x07, 0xE8, 1, 2, 3, 4, 5]);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([0, 200, 30, 30, 30, 30, 200]);
        }

        WriteChunk(output, "IDAT", pixels.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A TIFF-structured EXIF block whose GPS IFD puts the picture at <see cref="Latitude"/> N, 129.5 E.</summary>
    public static byte[] ExifWithGps()
    {
        var b = new byte[8 + 2 + 12 + 4 + 2 + (4 * 12) + 4 + 48];
        var s = b.AsSpan();
        "II*\0"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], 1);
        Entry(s[10..], 0x8825, 4, 1, 26); // GPS IFD at 26
        BinaryPrimitives.WriteUInt32LittleEndian(s[22..], 0);
        var gps = 26;
        BinaryPrimitives.WriteUInt16LittleEndian(s[gps..], 4);
        var data = gps + 2 + (4 * 12) + 4; // 80
        Entry(s[(gps + 2)..], 0x0001, 2, 2, BinaryPrimitives.ReadUInt16LittleEndian("N\0"u8));
        Entry(s[(gps + 14)..], 0x0002, 5, 3, (uint)data);
        Entry(s[(gps + 26)..], 0x0003, 2, 2, BinaryPrimitives.ReadUInt16LittleEndian("E\0"u8));
        Entry(s[(gps + 38)..], 0x0004, 5, 3, (uint)(data + 24));
        Rational(s[data..], 42, 54, 0);
        Rational(s[(data + 24)..], 129, 30, 0);
        return b;
    }

    private static void Entry(Span<byte> s, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(s[8..], value);
    }

    private static void Rational(Span<byte> s, uint degrees, uint minutes, uint seconds)
    {
        uint[] values = [degrees, 1, minutes, 1, seconds, 1];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[(i * 4)..], values[i]);
        }
    }

    private static void WriteSegment(Stream output, byte marker, byte[] payload)
    {
        output.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF)]);
        output.Write(payload);
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(head, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, head.AsSpan(4));
        output.Write(head);
        output.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. head.AsSpan(4), .. data]));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
