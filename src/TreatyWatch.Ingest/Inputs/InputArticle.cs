using NodaTime;

namespace TreatyWatch.Ingest.Inputs;

/// <summary>What an input article was read from, which says what its <see cref="InputArticle.Text"/> is.</summary>
public enum InputKind
{
    /// <summary>A plain-text file (or standard input that is not markup), kept exactly as read: offsets point into it.</summary>
    Text,
    /// <summary>An HTML page, cleaned by <see cref="Cleaning.ArticleCleaner"/>: offsets point into the cleaned text.</summary>
    Html,
    /// <summary>An item of an RSS 2.0 feed or an entry of an Atom feed: its content cleaned as HTML.</summary>
    FeedItem,
}

/// <summary>
/// One article to read, as <see cref="ArticleInputs"/> gives them.
/// </summary>
/// <param name="Name">
/// The file name ("a.txt"), "stdin", or for a feed item the feed's name and the item's 1-based position
/// ("news.xml#3").
/// </param>
/// <param name="Text">The text to extract from (see <see cref="InputKind"/>).</param>
/// <param name="Kind">Where the text comes from.</param>
/// <param name="Path">The file read, or "-" for standard input.</param>
/// <param name="Title">The headline, when the page or the feed item gives one (null for plain text).</param>
/// <param name="Url">The item's link (feeds only).</param>
/// <param name="Published">
/// The publication date the page's metadata or the feed gives, the publisher's local date (null for plain text:
/// the extractor reads the text's own date line).
/// </param>
public sealed record InputArticle(
    string Name,
    string Text,
    InputKind Kind,
    string Path,
    string? Title = null,
    string? Url = null,
    LocalDate? Published = null);

/// <summary>An input that cannot be read: the message names it (and the line, for a malformed feed).</summary>
public sealed class ArticleInputException(string message, Exception? inner = null) : Exception(message, inner);
