using NodaTime;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// An article reduced to what later stages read: its title, byline, publication date and body text.
/// </summary>
/// <param name="Title">The headline, when the page states one.</param>
/// <param name="Byline">The author line ("Jane Doe, John Roe"), without a leading "By".</param>
/// <param name="Published">
/// The publication date as the publisher wrote it: for "2025-06-29T01:30:00+05:30" this is
/// 29 June 2025, the publisher's local date, not the UTC one.
/// </param>
/// <param name="PublishedRaw">The date string the page gave, unparsed (null when none was found).</param>
/// <param name="Text">The body: paragraphs separated by a blank line ("\n\n"), the title left out.</param>
/// <param name="Language">A declared or plainly evident ISO 639-1 code ("en"), else null.</param>
/// <param name="Segments">
/// For plain-text input only: where each kept line of <paramref name="Text"/> came from in the source.
/// Each kept line is copied unchanged, so an offset inside a segment maps to the source by a constant shift.
/// Empty for HTML, whose text is rebuilt from the markup.
/// </param>
public sealed record CleanedArticle(
    string? Title,
    string? Byline,
    LocalDate? Published,
    string? PublishedRaw,
    string Text,
    string? Language,
    IReadOnlyList<TextSegment> Segments)
{
    /// <summary>
    /// The offset in the source text of the character at <paramref name="textOffset"/> in <see cref="Text"/>,
    /// or null when the text was rebuilt from HTML or the offset falls between segments.
    /// </summary>
    public int? SourceOffset(int textOffset)
    {
        foreach (var s in Segments)
        {
            if (textOffset >= s.TextStart && textOffset < s.TextStart + s.Length)
            {
                return s.SourceStart + (textOffset - s.TextStart);
            }
        }
        return null;
    }
}

/// <summary>A run of <see cref="CleanedArticle.Text"/> copied unchanged from the source.</summary>
/// <param name="TextStart">Where the run starts in the cleaned text.</param>
/// <param name="SourceStart">Where the same characters start in the source.</param>
/// <param name="Length">The run's length in UTF-16 code units.</param>
public readonly record struct TextSegment(int TextStart, int SourceStart, int Length);
