using System.IO.Compression;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>Reads stored articles (.txt, .html, .htm, and any of them gzip-compressed as .gz) and cleans them.</summary>
public static class ArticleReader
{
    /// <summary>The decoded text of the file at <paramref name="path"/>, decompressed first when it ends in .gz.</summary>
    public static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }
        return TextDecoding.Decode(bytes);
    }

    /// <summary>Reads and cleans the article at <paramref name="path"/>; the extension says whether it is HTML or text.</summary>
    public static CleanedArticle Read(string path) => ArticleCleaner.Clean(ReadText(path), path);
}
