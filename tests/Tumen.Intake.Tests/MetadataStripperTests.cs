using System.Text;
using DocumentFormat.OpenXml.Packaging;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Png;
using Tumen.Intake.Files;

namespace Tumen.Intake.Tests;

public sealed class MetadataStripperTests
{
    [Fact]
    public void Clean_JpegWithGps_GpsXmpAndCommentGone_PictureBytesUnchanged()
    {
        var original = TestImages.JpegWithGps();
        GpsOf(original).ShouldNotBeNull(); // the test file really carries GPS

        var clean = MetadataStripper.Clean(original, "IMG_0001.jpg", "image/jpeg");

        clean.MediaType.ShouldBe("image/jpeg");
        GpsOf(clean.Content).ShouldBeNull();
        clean.Removed.ShouldBe(["comment", "exif", "xmp"]);
        Encoding.ASCII.GetString(clean.Content).ShouldNotContain(TestImages.CommentCanary);
        Encoding.ASCII.GetString(clean.Content).ShouldNotContain("ns.adobe.com");
        TestImages.ScanData(clean.Content).SequenceEqual(TestImages.ScanData(original)).ShouldBeTrue();
    }

    [Fact]
    public void Clean_PngWithTextAndExif_OnlyDrawingChunksKept()
    {
        var original = TestImages.PngWithText();
        ImageMetadataReader.ReadMetadata(new MemoryStream(original)).OfType<PngDirectory>().Any(d => d.Name.Contains("tEXt", StringComparison.Ordinal)).ShouldBeTrue();

        var clean = MetadataStripper.Clean(original, "x.png", null);

        clean.Removed.ShouldBe(["exif", "text", "time"]);
        Encoding.Latin1.GetString(clean.Content).ShouldNotContain(TestImages.CommentCanary);
        var after = ImageMetadataReader.ReadMetadata(new MemoryStream(clean.Content));
        after.OfType<GpsDirectory>().ShouldBeEmpty();
        after.OfType<PngDirectory>().Any(d => d.Name.Contains("tEXt", StringComparison.Ordinal)).ShouldBeFalse();
        after.OfType<PngDirectory>().Single(d => d.Name.Contains("IHDR", StringComparison.Ordinal)).GetInt32(PngDirectory.TagImageWidth).ShouldBe(2);
    }

    [Fact]
    public void Clean_TextNamedJpeg_RefusedAsNotWhatItClaims()
    {
        var ex = Should.Throw<RejectedFileException>(() => MetadataStripper.Clean("<html>not a photo</html>"u8.ToArray(), "photo.jpg", "image/jpeg"));
        ex.Reason.ShouldBe(RejectionReason.NotWhatItClaims);
    }

    [Fact]
    public void Clean_PngNamedJpeg_RefusedAsNotWhatItClaims() =>
        Should.Throw<RejectedFileException>(() => MetadataStripper.Clean(TestImages.PngWithText(), "photo.jpg", null)).Reason.ShouldBe(RejectionReason.NotWhatItClaims);

    [Fact]
    public void Clean_UnknownType_Refused() =>
        Should.Throw<RejectedFileException>(() => MetadataStripper.Clean("MZ\u0090\0 an executable"u8.ToArray(), "tool.exe", "application/octet-stream")).Reason.ShouldBe(RejectionReason.UnsupportedType);

    [Fact]
    public void Clean_TruncatedJpeg_RefusedAsDamaged()
    {
        var jpeg = TestImages.JpegWithGps();
        Should.Throw<RejectedFileException>(() => MetadataStripper.Clean(jpeg[..30], "a.jpg", null)).Reason.ShouldBe(RejectionReason.Damaged);
    }

    [Fact]
    public void Clean_Docx_CoreAndExtendedPropertiesCleared()
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("body text stays")))));
            document.PackageProperties.Creator = "Author " + TestImages.CommentCanary;
            document.PackageProperties.LastModifiedBy = "Editor " + TestImages.CommentCanary;
            document.AddExtendedFilePropertiesPart().Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(new DocumentFormat.OpenXml.ExtendedProperties.Company("Org " + TestImages.CommentCanary));
        }

        var clean = MetadataStripper.Clean(buffer.ToArray(), "statement.docx", null);

        using var opened = WordprocessingDocument.Open(new MemoryStream(clean.Content), false);
        opened.PackageProperties.Creator.ShouldBeNull();
        opened.PackageProperties.LastModifiedBy.ShouldBeNull();
        opened.ExtendedFilePropertiesPart.ShouldBeNull();
        opened.MainDocumentPart!.Document.Body!.InnerText.ShouldBe("body text stays");
    }

    private static GeoLocation? GpsOf(byte[] jpeg) =>
        ImageMetadataReader.ReadMetadata(new MemoryStream(jpeg)).OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation();
}
