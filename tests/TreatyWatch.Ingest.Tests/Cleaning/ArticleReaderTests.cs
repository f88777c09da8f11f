using System.IO.Compression;
using System.Text;
using TreatyWatch.Ingest.Cleaning;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Cleaning;

public sealed class ArticleReaderTests : IDisposable
{
    private const string Paragraph = "The parliament of Freedonia voted on Tuesday to leave the Convention on Imaginary Weapons, by 81 votes to 12.";
    private readonly string _dir = Directory.CreateTempSubdirectory("tw-reader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Reads_Txt_Html_Htm_AndGzippedHtml()
    {
        var html = $"<html><head><title>T</title></head><body><article><p>{Paragraph}</p></article></body></html>";
        File.WriteAllText(Path.Combine(_dir, "a.txt"), Paragraph + "\n");
        File.WriteAllText(Path.Combine(_dir, "b.html"), html);
        File.WriteAllText(Path.Combine(_dir, "c.htm"), html);
        using (var gz = new GZipStream(File.Create(Path.Combine(_dir, "d.html.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(html));
        }

        foreach (var name in new[] { "a.txt", "b.html", "c.htm", "d.html.gz" })
        {
            Assert.Equal(Paragraph, ArticleReader.Read(Path.Combine(_dir, name)).Text);
        }
    }
}
