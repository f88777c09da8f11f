using System.Text;
using FsCheck.Xunit;
using TreatyWatch.Ingest.Cleaning;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Cleaning;

public class TextDecodingTests
{
    [Fact]
    public void InvalidUtf8_BecomesReplacementCharacters()
    {
        byte[] bytes = [.. "Vote: "u8, 0xC3, 0x28, 0xFF, .. " 81–12"u8];

        Assert.Equal("Vote: \uFFFD(\uFFFD 81–12", TextDecoding.Decode(bytes));
    }

    [Property]
    public void AnyBytes_DecodeAndCleanWithoutThrowing(byte[] bytes)
    {
        var text = TextDecoding.Decode(bytes);
        ArticleCleaner.Clean(text, "x.html");
        ArticleCleaner.Clean(text, "x.txt");
    }

    [Fact]
    public void Bom_WinsOverEverythingElse()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<meta charset=\"windows-1252\">Łódź")).ToArray();

        Assert.Equal("<meta charset=\"windows-1252\">Łódź", TextDecoding.Decode(utf16));
    }

    [Fact]
    public void MetaCharset_Windows1252()
    {
        byte[] bytes = [.. "<html><head><meta charset=\"windows-1252\"></head><body>caf"u8, 0xE9, 0x20, 0x93, .. "x"u8, 0x94];

        Assert.EndsWith("café “x”", TextDecoding.Decode(bytes));
    }

    [Fact]
    public void HttpEquiv_Latin1Label_ReadAsWindows1252()
    {
        byte[] bytes = [.. "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>"u8, 0x80];

        Assert.EndsWith("€", TextDecoding.Decode(bytes));
    }

    [Fact]
    public void ContentTypeHeader_WinsOverMeta()
    {
        byte[] bytes = [.. "<meta charset=\"utf-8\">"u8, 0xE9];

        Assert.EndsWith("é", TextDecoding.Decode(bytes, "text/html; charset=windows-1252"));
    }

    [Fact]
    public void UnknownCharset_FallsBackToUtf8()
    {
        Assert.EndsWith("é", TextDecoding.Decode([.. "<meta charset=\"x-no-such\">"u8, 0xC3, 0xA9]));
    }
}
