using System.Text.RegularExpressions;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// The generic signs of page furniture: class/id words, ARIA roles and a short list of phrases.
/// Nothing here names a site; every entry is a word that templates everywhere use.
/// </summary>
internal static partial class Boilerplate
{
    /// <summary>Class or id words of page parts that are never the article.</summary>
    [GeneratedRegex(@"cookie|consent|gdpr|newsletter|subscri|sign-?up|social|shar(e|ing)|related|recommend|comment|disqus|sidebar|breadcrumb|outbrain|taboola|promo|sponsor|advert|popup|modal|overlay|masthead|navbar|menu|footer|pagination|pager|author-?bio|about-?author|trending|most-?popular|most-?read|read-?more|more-?stories|also-?read|newsfeed|skip-?link|caption|credit|tag-?list|(^|[ _-])(ad|ads|nav|tags|toolbar|tools|print|rss|byline|header|dateline|meta)($|[ _-])", RegexOptions.CultureInvariant)]
    public static partial Regex DropHint();

    /// <summary>Class or id words that mark the article body itself; they overrule <see cref="DropHint"/>.</summary>
    [GeneratedRegex(@"article-?body|articlebody|article-?content|entry-?content|post-?content|post-?body|story-?body|story-?content|main-?content|body-?text|article-?text|news-?text|page-?content", RegexOptions.CultureInvariant)]
    public static partial Regex BodyHint();

    /// <summary>Readability's positive class/id words.</summary>
    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.CultureInvariant)]
    public static partial Regex PositiveHint();

    /// <summary>Readability's negative class/id words.</summary>
    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget", RegexOptions.CultureInvariant)]
    public static partial Regex NegativeHint();

    [GeneratedRegex(@"comment|disqus|replies|respond", RegexOptions.CultureInvariant)]
    public static partial Regex CommentHint();

    /// <summary>ARIA roles of page furniture.</summary>
    public static bool IsFurnitureRole(string? role) => role is not null && role.ToLowerInvariant() switch
    {
        "navigation" or "banner" or "contentinfo" or "complementary" or "search" or "menu" or "menubar"
            or "dialog" or "alertdialog" or "toolbar" or "tablist" => true,
        _ => false,
    };

    /// <summary>
    /// Lines that are page furniture wherever they appear, compared case-insensitively against the
    /// start of a short line.
    /// </summary>
    public static readonly string[] LinePrefixes =
    [
        "sign up for our newsletter", "sign up for the", "subscribe to our newsletter", "subscribe to our",
        "subscribe now", "enter your email", "please, enter correct email", "please enter a valid email",
        "* indicates required", "successfully subscribed", "successfuly subscribed", "thank you for signing up",
        "thanks for signing up", "we use cookies", "this website uses cookies", "this site uses cookies",
        "by continuing to use", "accept cookies", "accept all cookies", "cookie settings", "cookie policy",
        "privacy policy", "terms of use", "terms of service", "all rights reserved", "skip to content",
        "skip to main content", "skip next section", "skip to navigation", "share this article", "share this story",
        "share on facebook", "share on twitter", "share via email", "click to share", "follow us on",
        "read more", "read also", "read next", "see also", "related articles", "related stories", "related news",
        "related:", "recommended for you", "you may also like", "you might also like", "more from", "more news",
        "most read", "most popular", "most viewed", "editors' picks", "editor's picks", "others also read",
        "next in ", "news feed", "advertisement", "sponsored content", "continue reading", "this audio is created",
        "listen to this article", "download the app", "get the app", "comments", "leave a comment", "add a comment",
        "post a comment", "log in to comment", "report an error", "report a typo", "print this", "back to top",
    ];

    /// <summary>Headings that open a block of other stories: what follows them is not the article.</summary>
    public static readonly string[] TailHeadings =
    [
        "related", "related articles", "related stories", "related news", "related content", "read more",
        "read also", "more news", "more stories", "more from", "most read", "most popular", "most viewed",
        "recommended", "recommended for you", "you may also like", "you might also like", "editors' picks",
        "editor's picks", "others also read", "news feed", "latest news", "trending", "trending now", "next in ",
        "comments", "leave a comment", "leave a reply", "also read", "see also", "top stories", "popular",
    ];

    public static bool StartsWithAny(string line, string[] prefixes)
    {
        var span = line.AsSpan().TrimStart();
        foreach (var p in prefixes)
        {
            if (span.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A short line that is one of <see cref="TailHeadings"/>, give or take a colon or case.</summary>
    public static bool IsTailHeading(string line)
    {
        var t = line.AsSpan().Trim().TrimEnd(":.!|»›>-–— ");
        if (t.Length == 0 || t.Length > 40)
        {
            return false;
        }
        foreach (var h in TailHeadings)
        {
            if (h.EndsWith(' '))
            {
                if (t.StartsWith(h, StringComparison.OrdinalIgnoreCase) && t.Length < h.Length + 20)
                {
                    return true;
                }
            }
            else if (t.Equals(h, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
