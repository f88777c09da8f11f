namespace TreatyWatch.Ingest.Cleaning;

internal static class PlainTextCleaner
{
    public static CleanedArticle Clean(string text) => new(null, null, null, null, text, null, []);
}
