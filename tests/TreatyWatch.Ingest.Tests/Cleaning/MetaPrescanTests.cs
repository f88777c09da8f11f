using System.IO.Compression;
using System.Text;
using TreatyWatch.Ingest.Cleaning;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Cleaning;

/// <summary>The quick charset prescan answers as parsing the head with AngleSharp does, or leaves the head to it.</summary>
public class MetaPrescanTests
{
    public static TheoryData<string> Heads() =>
    [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>x</title>",
        "<meta charset=windows-1252>",
        "<META CHARSET='ISO-8859-1'/>",
        "<meta charset=\"  koi8-r \">",
        "<meta charset=\" \" http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">",
        "<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=windows-1251\"></head>",
        "<meta http-equiv=Content-Type content=text/html;charset=utf-8>",
        "<meta name=\"viewport\" content=\"width=device-width\"><meta charset=\"utf-8\">",
        "<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\"><meta charset=\"utf-8\">",
        "<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-8\">",
        "<title>charset</title><meta charset=\"utf-8\">",
        "<script>var charset = 'x';</script><meta charset=\"utf-8\">",
        "<meta content='<meta charset=koi8-r>' name=x><meta charset=\"utf-8\">",
        "<meta name=\"charset-info\" content=\"x\"><meta charset=\"utf-8\">",
        "<meta charset=\"utf&#45;8\">",
        "<meta charset=\"utf-8\" charset=\"koi8-r\">",
        "<meta charset=\"utf-8\"",
        "<link rel=\"stylesheet\" href=\"a.css\"><base href=\"/\"><meta charset=\"utf-8\">",
        "<template><meta charset=\"koi8-r\"></template><meta charset=\"utf-8\">",
        "<select><meta charset=\"koi8-r\"></select>",
        "<html>some text<meta charset=\"windows-1252\">",
        "<meta http-equiv=\"refresh\" content=\"5; charset=x\">",
        "<meta\tcharset\t=\t\"utf-8\"\t>",
        "<meta / charset=koi8-r>",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><meta charset=\"utf-8\">",
        "<script charset=\"utf-8\" src=\"a.js\"></script>",
        "<meta charset>",
        "<meta charset=>",
        "</head charset=x><meta charset=\"koi8-r\">",
        "charset<meta charset=\"koi8-r\">",
    ];

    [Theory]
    [MemberData(nameof(Heads))]
    public void Answers_AsTheParserDoes_OrNotAtAll(string head)
    {
        var first = head.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (MetaPrescan.TryFind(head, first, out var quick))
        {
            Assert.Equal(TextDecoding.PrescanMetaByParsing(head), quick);
        }
    }

    [Fact]
    public void CommonHead_IsReadWithoutParsing()
    {
        const string head = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>x</title>";
        Assert.True(MetaPrescan.TryFind(head, head.IndexOf("charset", StringComparison.Ordinal), out var charset));
        Assert.Equal("utf-8", charset);
    }

    [Fact]
    public void BenchmarkPages_AnswerAsTheParserDoes()
    {
        var dir = Path.Combine(SharedFolder.Require("article-extraction-benchmark"), "html");
        foreach (var file in Directory.EnumerateFiles(dir, "*.html.gz"))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            var buffer = new byte[2048];
            var n = 0;
            while (n < buffer.Length && gzip.Read(buffer, n, buffer.Length - n) is var read and > 0) n += read;
            var head = Encoding.Latin1.GetString(buffer, 0, n);
            var first = head.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (first >= 0 && MetaPrescan.TryFind(head, first, out var quick))
            {
                Assert.Equal(TextDecoding.PrescanMetaByParsing(head), quick);
            }
        }
    }
}
