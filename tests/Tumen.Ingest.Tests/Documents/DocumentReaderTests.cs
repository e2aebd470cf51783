using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tumen.Ingest.Documents;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Tumen.Ingest.Tests.Documents;

public class DocumentReaderTests
{
    private readonly DocumentReader _reader = new();

    [Fact]
    public void Read_Text_KeepsTextAndHashesOriginalBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("Brokers sold 300 women in Yanbian.\r\nA second line.");
        var doc = _reader.Read("note.txt", bytes);
        doc.Text.ShouldBe("Brokers sold 300 women in Yanbian.\nA second line.");
        doc.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        doc.Id.ShouldBe(doc.Sha256[..12]);
        doc.Language.ShouldBe("en");
        doc.Title.ShouldBe("Brokers sold 300 women in Yanbian.");
    }

    [Fact]
    public void Read_DecomposedHangul_IsNormalisedToNfc()
    {
        var decomposed = "연변에서 팔려 갔다".Normalize(NormalizationForm.FormD);
        var doc = _reader.Read("ko.txt", Encoding.UTF8.GetBytes(decomposed));
        doc.Text.ShouldBe("연변에서 팔려 갔다");
        doc.Text.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Thousands of women were trafficked across the border into China last year.", "en")]
    [InlineData("중국으로 건너간 북한 여성 수만 명이 인신매매 피해를 입었다.", "ko")]
    [InlineData("数万名越境进入中国的朝鲜妇女遭到拐卖。", "zh")]
    [InlineData("The report says 탈북 여성 수만 명이 피해를 입었다 and many more were never counted by anyone.", "mixed")]
    [InlineData("... 12 ...", "und")]
    public void Detect_TellsLanguagesApart(string text, string expected) =>
        LanguageDetector.Detect(text).ShouldBe(expected);

    [Fact]
    public void Read_KoreanWithHanja_IsKorean() =>
        LanguageDetector.Detect("北韓 여성들이 中國 국경 지역에서 인신매매 피해를 당하고 있다고 보고서는 밝혔다.").ShouldBe("ko");

    [Fact]
    public void Read_Markdown_DropsMarkupKeepsWords()
    {
        var md = "# Border report\n\nSome **150,000** refugees live in [Jilin](https://example.org/jilin).\n\n![map](map.png)\n";
        var doc = _reader.Read("r.md", Encoding.UTF8.GetBytes(md));
        doc.Title.ShouldBe("Border report");
        doc.Text.ShouldContain("Some 150,000 refugees live in Jilin.");
        doc.Text.ShouldNotContain("https://");
        doc.Text.ShouldNotContain("map.png");
    }

    [Fact]
    public void Read_Html_KeepsArticleDropsMenusAndFooters()
    {
        var html = """
            <html><head><title>Brides for sale</title><script>var tracking = 1;</script></head>
            <body>
              <header><a href="/">Home</a> <a href="/world">World</a></header>
              <nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Sport</a></li></ul></nav>
              <div class="cookie-banner">We use cookies to improve your experience.</div>
              <article>
                <h1>Brides for sale</h1>
                <p>About 60 percent of the women were sold into forced marriage in Jilin.</p>
                <p>One woman said she was beaten every day.</p>
                <div class="share-tools"><a href="#">Share on social media</a></div>
              </article>
              <aside>Most read: ten things to do this weekend</aside>
              <footer>Copyright 2024 Example News. All rights reserved.</footer>
            </body></html>
            """;
        var doc = _reader.Read("a.html", Encoding.UTF8.GetBytes(html));
        doc.Title.ShouldBe("Brides for sale");
        doc.Text.ShouldContain("About 60 percent of the women were sold into forced marriage in Jilin.");
        doc.Text.ShouldContain("One woman said she was beaten every day.");
        foreach (var junk in new[] { "Politics", "cookies", "Copyright", "Most read", "tracking", "Share on social" })
        {
            doc.Text.ShouldNotContain(junk);
        }
    }

    [Fact]
    public void Read_Pdf_ExtractsPageText()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText("More than 82,000 cases were recorded in Yanbian.", 12, new UglyToad.PdfPig.Core.PdfPoint(40, 700), font);
        var doc = _reader.Read("r.pdf", builder.Build());
        doc.Format.ShouldBe(Tumen.Ingest.Documents.DocumentFormat.Pdf);
        doc.Text.ShouldContain("82,000 cases");
        doc.Text.ShouldContain("Yanbian");
    }

    [Fact]
    public void Read_TruncatedPdf_IsAClearError()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText("A page that will be cut in half.", 12, new UglyToad.PdfPig.Core.PdfPoint(40, 700), font);
        var bytes = builder.Build();
        var cut = bytes[..(bytes.Length / 3)];
        var ex = Should.Throw<DocumentReadException>(() => _reader.Read("cut.pdf", cut));
        ex.Message.ShouldContain("cut.pdf");
    }

    [Fact]
    public void Read_Docx_ExtractsParagraphs()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("Interview record"))),
                new Paragraph(new Run(new Text("She was sold for as little as a few hundred dollars in Dandong.")))));
            word.PackageProperties.Title = "Interview 7";
        }

        var doc = _reader.Read("i.docx", stream.ToArray());
        doc.Title.ShouldBe("Interview 7");
        doc.Text.ShouldContain("Interview record\nShe was sold for as little as a few hundred dollars in Dandong.");
    }

    [Fact]
    public void Read_CorruptDocx_IsAClearError() =>
        Should.Throw<DocumentReadException>(() => _reader.Read("bad.docx", Encoding.UTF8.GetBytes("PK\u0003\u0004 not really a zip")))
            .Message.ShouldContain("bad.docx");

    [Fact]
    public void Read_BinaryJunkNamedTxt_IsRefused()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        var ex = Should.Throw<DocumentReadException>(() => _reader.Read("junk.txt", junk));
        ex.Message.ShouldContain("junk.txt");
        ex.Message.ShouldContain("binary");
    }

    [Fact]
    public void Read_FewInvalidUtf8Bytes_AreReplacedAndReported()
    {
        var bytes = Encoding.UTF8.GetBytes("Women sold in Jilin ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" and Liaoning.")).ToArray();
        var doc = _reader.Read("bad.txt", bytes);
        doc.Text.ShouldContain("\uFFFD");
        doc.Text.ShouldContain("Liaoning");
        doc.Warnings.ShouldHaveSingleItem().ShouldContain("invalid UTF-8");
    }

    [Fact]
    public void Read_MostlyInvalidUtf8_IsRefused()
    {
        var legacy = Enumerable.Repeat(new byte[] { 0xB1, 0xE8, 0x20 }, 400).SelectMany(b => b).ToArray();
        Should.Throw<DocumentReadException>(() => _reader.Read("euckr.txt", legacy)).Message.ShouldContain("UTF-8");
    }

    [Fact]
    public void Read_DeeplyNestedHtml_IsRefusedQuickly()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++)
        {
            html.Append("<div>");
        }

        html.Append("deep</body></html>");
        var watch = Stopwatch.StartNew();
        Should.Throw<DocumentReadException>(() => _reader.Read("deep.html", Encoding.UTF8.GetBytes(html.ToString()))).Message.ShouldContain("deep.html");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Read_FiftyMegabyteText_IsCutAtTheLimit()
    {
        var line = Encoding.UTF8.GetBytes("Some 150,000 refugees were counted in Jilin and Liaoning this year.\n");
        var bytes = new byte[50 * 1024 * 1024];
        for (var i = 0; i + line.Length <= bytes.Length; i += line.Length)
        {
            line.CopyTo(bytes, i);
        }

        for (var i = bytes.Length - (bytes.Length % line.Length); i < bytes.Length; i++)
        {
            bytes[i] = (byte)' ';
        }

        var doc = _reader.Read("big.txt", bytes);
        doc.Truncated.ShouldBeTrue();
        doc.Text.Length.ShouldBeLessThanOrEqualTo(ReaderLimits.Default.MaxTextChars);
        doc.Warnings.ShouldContain(w => w.Contains("cut", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_FileOverSizeLimit_IsRefused()
    {
        var reader = new DocumentReader(new ReaderLimits { MaxFileBytes = 1024 });
        Should.Throw<DocumentReadException>(() => reader.Read("big.txt", new byte[2048])).Message.ShouldContain("big.txt");
    }

    [Fact]
    public void Read_EmptyOrUnknownType_IsRefused()
    {
        Should.Throw<DocumentReadException>(() => _reader.Read("empty.txt", []));
        Should.Throw<DocumentReadException>(() => _reader.Read("sheet.xlsx", [1, 2, 3])).Message.ShouldContain("unsupported");
    }

    [Fact]
    public void Read_Utf16WithLoneSurrogates_IsReadNotCrashed()
    {
        // Found by fuzzing (fuzz/crashes/text): UTF-16 junk decodes to unpaired surrogates, on which
        // normalisation threw ArgumentException, an unexpected crash instead of a read or a refusal.
        byte[] bytes = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Report of 40 cases "), 0xD8, 0x00, 0x00, 0x41, 0xDC, 0x00, 0xFF, 0xFE, 0xFF, 0xFF];
        var doc = _reader.Read("junk.txt", bytes);
        doc.Text.ShouldStartWith("Report of 40 cases");
        doc.Text.ShouldContain("\uFFFD");
        doc.Text.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
    }
}
