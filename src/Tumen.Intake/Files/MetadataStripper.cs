using System.Buffers.Binary;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace Tumen.Intake.Files;

/// <summary>
/// Removes what a photo or document says about where, when and by whom it was made (EXIF with
/// GPS, XMP, IPTC, comments, text chunks; document properties) before it is sealed. Images are not
/// re-encoded: the picture's bytes stay as they were, only metadata segments are dropped. The real
/// type is read from the bytes; a name or declared type that says otherwise is refused.
/// </summary>
public static class MetadataStripper
{
    private const string Jpeg = "image/jpeg";
    private const string Png = "image/png";
    private const string Pdf = "application/pdf";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Chunks that carry only how to draw the picture; everything else (tEXt, zTXt, iTXt, eXIf,
    // tIME and unknown ancillary chunks) is dropped.
    private static readonly HashSet<string> PngKeep = new(StringComparer.Ordinal)
    {
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT",
    };

    /// <summary>Checks the file's real type against its claimed one and strips its metadata; throws <see cref="RejectedFileException"/> when refused.</summary>
    public static CleanFile Clean(byte[] content, string? claimedName, string? claimedType)
    {
        ArgumentNullException.ThrowIfNull(content);
        var actual = Detect(content);
        var claimed = Claimed(claimedName, claimedType);
        if (claimed is not null && !string.Equals(claimed, actual, StringComparison.Ordinal))
        {
            throw new RejectedFileException(RejectionReason.NotWhatItClaims);
        }

        return actual switch
        {
            Jpeg => StripJpeg(content),
            Png => StripPng(content),
            Pdf => StripPdf(content),
            Docx => StripDocx(content),
            _ => throw new RejectedFileException(RejectionReason.UnsupportedType),
        };
    }

    /// <summary>The media type the bytes show, or null.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return Jpeg;
        }

        if (content.StartsWith(PngSignature))
        {
            return Png;
        }

        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        return content.StartsWith("PK\u0003\u0004"u8) ? Docx : null;
    }

    // What the name's extension or the declared type says, when either names a type we know.
    private static string? Claimed(string? name, string? type)
    {
        var extension = Path.GetExtension(name ?? "").ToLowerInvariant();
        var byName = extension switch
        {
            ".jpg" or ".jpeg" or ".jfif" => Jpeg,
            ".png" => Png,
            ".pdf" => Pdf,
            ".docx" => Docx,
            _ => null,
        };
        var byType = (type ?? "").ToLowerInvariant() switch
        {
            "image/jpeg" or "image/jpg" or "image/pjpeg" => Jpeg,
            "image/png" => Png,
            "application/pdf" => Pdf,
            Docx => Docx,
            _ => null,
        };
        if (byName is not null && byType is not null && !string.Equals(byName, byType, StringComparison.Ordinal))
        {
            throw new RejectedFileException(RejectionReason.NotWhatItClaims);
        }

        return byName ?? byType;
    }

    private static CleanFile StripJpeg(byte[] data)
    {
        var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        var pos = 2;
        while (true)
        {
            if (pos >= data.Length || data[pos] != 0xFF)
            {
                throw new RejectedFileException(RejectionReason.Damaged);
            }

            while (pos < data.Length && data[pos] == 0xFF)
            {
                pos++;
            }

            if (pos >= data.Length)
            {
                throw new RejectedFileException(RejectionReason.Damaged);
            }

            var marker = data[pos];
            var start = pos - 1;
            pos++;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                output.Write([0xFF, marker]);
                continue;
            }

            if (marker is 0xD9 or 0xD8 || pos + 2 > data.Length)
            {
                throw new RejectedFileException(RejectionReason.Damaged);
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(pos));
            var end = pos + length;
            if (length < 2 || end > data.Length)
            {
                throw new RejectedFileException(RejectionReason.Damaged);
            }

            if (marker == 0xDA)
            {
                // Start of scan: the compressed picture follows to the end; it is copied untouched.
                output.Write(data, start, data.Length - start);
                break;
            }

            var payload = data.AsSpan(pos + 2, length - 2);
            var drop = JpegSegmentKind(marker, payload);
            if (drop is null)
            {
                output.Write(data, start, end - start);
            }
            else
            {
                removed.Add(drop);
            }

            pos = end;
        }

        return new CleanFile(output.ToArray(), Jpeg, ".jpg", [.. removed]);
    }

    // Null to keep the segment; else the kind of metadata it holds.
    private static string? JpegSegmentKind(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xE0 when payload.StartsWith("JFIF\0"u8) => null,
        0xE2 when payload.StartsWith("ICC_PROFILE\0"u8) => null,
        0xEE when payload.StartsWith("Adobe"u8) => null,
        0xE1 when payload.StartsWith("Exif\0"u8) => "exif",
        0xE1 when payload.StartsWith("http://ns.adobe.com/"u8) => "xmp",
        0xED => "iptc",
        0xFE => "comment",
        >= 0xE0 and <= 0xEF => "other",
        _ => null,
    };

    private static CleanFile StripPng(byte[] data)
    {
        var output = new MemoryStream(data.Length);
        output.Write(PngSignature);
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        var pos = PngSignature.Length;
        var sawEnd = false;
        while (!sawEnd)
        {
            if (pos + 12 > data.Length)
            {
                throw new RejectedFileException(RejectionReason.Damaged);
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(pos));
            if (length > int.MaxValue - 12 || pos + 12 + (long)length > data.Length)
            {
                throw new RejectedFileException(RejectionReason.Damaged);
            }

            var type = System.Text.Encoding.ASCII.GetString(data, pos + 4, 4);
            var total = 12 + (int)length;
            if (PngKeep.Contains(type))
            {
                output.Write(data, pos, total);
            }
            else if (char.IsUpper(type[0]))
            {
                // An unknown critical chunk: the picture cannot be drawn without it, nor vetted.
                throw new RejectedFileException(RejectionReason.UnsupportedType);
            }
            else
            {
                removed.Add(type switch
                {
                    "eXIf" => "exif",
                    "tEXt" or "zTXt" or "iTXt" => "text",
                    "tIME" => "time",
                    _ => "other",
                });
            }

            sawEnd = string.Equals(type, "IEND", StringComparison.Ordinal);
            pos += total;
        }

        return new CleanFile(output.ToArray(), Png, ".png", [.. removed]);
    }

    private static CleanFile StripPdf(byte[] data)
    {
        try
        {
            using var document = PdfDocument.Open(data);
            var builder = new PdfDocumentBuilder();
            for (var page = 1; page <= document.NumberOfPages; page++)
            {
                builder.AddPage(document, page);
            }

            builder.DocumentInformation.Producer = "";
            builder.DocumentInformation.Creator = null;
            builder.DocumentInformation.Author = null;
            builder.DocumentInformation.Title = null;
            builder.DocumentInformation.Subject = null;
            builder.DocumentInformation.Keywords = null;
            return new CleanFile(builder.Build(), Pdf, ".pdf", ["properties", "xmp"]);
        }
        catch (Exception ex) when (ex is not RejectedFileException and not OutOfMemoryException)
        {
            throw new RejectedFileException(RejectionReason.Damaged);
        }
    }

    private static CleanFile StripDocx(byte[] data)
    {
        using var buffer = new MemoryStream();
        buffer.Write(data);
        try
        {
            using (var document = WordprocessingDocument.Open(buffer, isEditable: true))
            {
                if (document.MainDocumentPart is null)
                {
                    throw new RejectedFileException(RejectionReason.UnsupportedType);
                }

                var properties = document.PackageProperties;
                properties.Creator = null;
                properties.LastModifiedBy = null;
                properties.Title = null;
                properties.Subject = null;
                properties.Keywords = null;
                properties.Description = null;
                properties.Category = null;
                properties.ContentStatus = null;
                properties.Identifier = null;
                properties.Revision = null;
                properties.Version = null;
                properties.Language = null;
                properties.Created = null;
                properties.Modified = null;
                properties.LastPrinted = null;
                if (document.ExtendedFilePropertiesPart is { } extended)
                {
                    document.DeletePart(extended);
                }

                if (document.CustomFilePropertiesPart is { } custom)
                {
                    document.DeletePart(custom);
                }
            }

            return new CleanFile(buffer.ToArray(), Docx, ".docx", ["properties"]);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or FileFormatException or IOException)
        {
            throw new RejectedFileException(RejectionReason.Damaged);
        }
    }
}
