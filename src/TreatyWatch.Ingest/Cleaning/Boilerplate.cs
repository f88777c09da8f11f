using System.Text.RegularExpressions;

namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// The generic signs of page furniture: class/id words, ARIA roles and a short list of phrases.
/// Nothing here names a site; every entry is a word that templates everywhere use.
/// </summary>
internal static partial class Boilerplate
{
    /// <summary>Class or id words of page parts that are never the article.</summary>
    [GeneratedRegex(@"cookie|consent|gdpr|newsletter|subscri|sign-?up|social|shar(e|ing)|related|recommend|comment|disqus|sidebar|breadcrumb|outbrain|taboola|promo|sponsor|advert|popup|modal|overlay|masthead|navbar|menu|footer|pagination|pager|author-?bio|about-?author|trending|most-?popular|most-?read|read-?more|more-?stories|also-?read|newsfeed|skip-?link|caption|credit|tag-?list|tooltip|popover|hover-?card|rollover|(^|[ _-])(ad|ads|cta|nav|tags|toolbar|tools|print|rss|byline|header|dateline|meta)($|[ _-])", RegexOptions.CultureInvariant)]
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

    /// <summary>Quoted posts (tweets, Instagram) embedded in the article: the article quotes them, they are not furniture.</summary>
    [GeneratedRegex(@"embed|tweet|instagram-media", RegexOptions.CultureInvariant)]
    public static partial Regex EmbedHint();

    /// <summary>"More Great X Stories", "Related Coverage", "Most Popular Articles": a heading over other stories.</summary>
    [GeneratedRegex(@"^(more|related|recommended|popular|trending|latest|top|other|similar|further|most \w+)\b.{0,40}\b(stories|articles|news|posts|reads|coverage|videos|links|content|headlines)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherStoriesHeading();

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
    /// Openings of prompts that no article sentence starts with, compared case-insensitively with the
    /// start of a line under 160 characters.
    /// </summary>
    public static readonly string[] PromptPrefixes =
    [
        "sign up for our newsletter", "subscribe to our newsletter", "enter your email", "please, enter correct email",
        "please enter a valid email", "* indicates required", "successfully subscribed", "successfuly subscribed",
        "thank you for signing up", "thanks for signing up", "we use cookies", "this website uses cookies",
        "this site uses cookies", "by continuing to use this site", "by continuing to use our", "by continuing to browse",
        "accept cookies", "accept all cookies", "cookie settings", "cookie policy", "privacy policy", "terms of use",
        "terms of service", "skip to content", "skip to main content", "skip next section", "skip to navigation",
        "share this article", "share this story", "share on facebook", "share on twitter", "share via email",
        "click to share", "follow us on", "like this story", "if you enjoyed this article", "continue reading",
        "this audio is created", "listen to this article", "this slideshow requires javascript", "download the app",
        "leave a comment", "add a comment", "post a comment", "log in to comment", "report an error", "report a typo",
        "any use of materials",
    ];

    /// <summary>
    /// Openings of section labels ("Read more", "Comments", "Related"): furniture on a line of their own
    /// (up to 40 characters), or before a colon ("Read more: …"); an article sentence may start so too.
    /// </summary>
    public static readonly string[] LabelPrefixes =
    [
        "read more", "read also", "read next", "also read", "see also", "related", "more from", "more news",
        "most read", "most popular", "most viewed", "editors' picks", "editor's picks", "others also read", "next in ",
        "news feed", "advertisement", "sponsored content", "recommended for you", "you may also like",
        "you might also like", "comments", "join our", "subscribe now", "subscribe to our", "sign up for the",
        "get the app", "print this", "back to top",
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

    /// <summary>Whole lines that are labels of page furniture.</summary>
    public static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "advert", "advertisement", "ad", "ads", "sponsored", "promoted", "share", "tweet", "email", "print",
        "comments", "close", "menu", "search", "loading...", "loading", "play", "pause", "next", "previous",
        "subscribe", "sign up", "log in", "login", "register", "view comments", "show comments",
    };

    /// <summary>
    /// Whether a whole line (a paragraph of the page, or a line of a plain-text copy) is page furniture:
    /// a label, a newsletter or cookie prompt, a follow-us line, a reporting credit, a bare date line.
    /// </summary>
    public static bool IsFurnitureLine(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.Length == 0)
        {
            return false;
        }
        if (t.Length <= 40 && LabelLookup.Contains(t.TrimEnd(":.…")))
        {
            return true;
        }
        if (t.Length < 160 && (StartsWithAny(t, PromptsByFirstLetter) || IsSectionLabel(t)))
        {
            return true;
        }
        if (t.Length < 300 && (IsFollowLine(t) || IsCredit(t) || IsNewsletterPrompt(t) || IsCopyrightNotice(t)))
        {
            return true;
        }
        return t.Length <= 100 && IsDateLine(t);
    }

    private static bool IsSectionLabel(ReadOnlySpan<char> t)
    {
        if (!StartsWithAny(t, LabelsByFirstLetter, out var prefixLength))
        {
            return false;
        }
        if (t.Length <= 40)
        {
            return true;
        }
        var rest = t[prefixLength..].TrimStart();
        return rest.Length > 0 && rest[0] is ':' or '»' or '›' or '|';
    }

    /// <summary>"© 2019 Example News", "Copyright 2019 …", "… All rights reserved."</summary>
    private static bool IsCopyrightNotice(ReadOnlySpan<char> t)
    {
        if (t.Length >= 200)
        {
            return false;
        }
        if ((t.Contains('©') && t.Length < 120) || t.Contains("all rights reserved", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!t.StartsWith("copyright", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var rest = t["copyright".Length..].TrimStart();
        return rest.Length > 0 && (rest[0] == '©' || char.IsDigit(rest[0]) || rest.StartsWith("(c)", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"Get the latest updates in your inbox. Subscribe to our newsletters."</summary>
    private static bool IsNewsletterPrompt(ReadOnlySpan<char> t) =>
        t.Contains("newsletter", StringComparison.OrdinalIgnoreCase)
        && (t.Contains("sign up", StringComparison.OrdinalIgnoreCase) || t.Contains("subscribe", StringComparison.OrdinalIgnoreCase)
            || t.Contains("inbox", StringComparison.OrdinalIgnoreCase));

    private static bool IsFollowLine(ReadOnlySpan<char> t)
    {
        if (!(t.StartsWith("follow ", StringComparison.OrdinalIgnoreCase) || t.StartsWith("email ", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("write to ", StringComparison.OrdinalIgnoreCase) || t.StartsWith("reach the reporter", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("have a tip", StringComparison.OrdinalIgnoreCase) || t.StartsWith("contact the author", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        foreach (var network in Networks)
        {
            if (t.Contains(network, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Wire-copy credits: "(Reporting by …; editing by …)", "… contributed to this report."</summary>
    private static bool IsCredit(ReadOnlySpan<char> t)
    {
        var s = t.TrimStart("([").Trim();
        foreach (var p in CreditOpenings)
        {
            if (s.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        var e = t.TrimEnd(".)] ");
        // Every phrase starts with "contributed ": a line without it ends with none and holds none (one search, not four).
        var contributed = t.Contains("contributed ", StringComparison.OrdinalIgnoreCase);
        if (!contributed)
        {
            return false;
        }
        foreach (var p in CreditPhrases)
        {
            if (e.EndsWith(p, StringComparison.OrdinalIgnoreCase) || (t.Length < 120 && t.Contains(p, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly string[] Networks = ["twitter", "facebook", "instagram", "linkedin", "youtube", "@", "whatsapp", "telegram", "://"];

    private static readonly string[] CreditOpenings =
        ["reporting by ", "writing by ", "editing by ", "additional reporting by ", "compiled by ", "edited by "];

    private static readonly string[] CreditPhrases =
        ["contributed to this report", "contributed to this story", "contributed to this article", "contributed reporting"];

    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday", "am", "pm", "a", "m", "p", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
        "gmt", "utc", "bst", "cet", "cest", "ist", "amt", "msk", "eet", "eest", "jst", "kst", "aest", "st", "nd", "rd", "th",
        "updated", "published", "posted", "last", "modified", "created", "date", "on", "at", "of", "the", "and", "ago",
        "hours", "hour", "minutes", "min", "mins", "days", "day", "today", "yesterday",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateWordLookup = DateWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> ClockWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "am", "pm", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
        "fri", "friday", "sat", "saturday", "sun", "sunday", "ago", "today", "yesterday",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ClockWordLookup = ClockWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A line that only stamps the page: "Updated 1:39 am EST, Wednesday, November 20, 2019",
    /// "Posted on March 30, 2015 by Admin". A bare date ("3 December 1997", a table cell or a
    /// timeline entry) is not one: the stamp needs an "Updated/Published/Posted", a time or a weekday.
    /// </summary>
    public static bool IsDateLine(ReadOnlySpan<char> t)
    {
        int words = 0, dateWords = 0;
        bool hasYear = false, hasClock = false, leading = true, startsWithStamp = false;
        var i = 0;
        while (i < t.Length)
        {
            if (!char.IsLetterOrDigit(t[i]))
            {
                if (t[i] == ':' && i > 0 && i + 1 < t.Length && char.IsDigit(t[i - 1]) && char.IsDigit(t[i + 1]))
                {
                    hasClock = true;
                }
                i++;
                continue;
            }
            var start = i;
            while (i < t.Length && char.IsLetterOrDigit(t[i]))
            {
                i++;
            }
            var word = t[start..i];
            words++;
            var digits = true;
            foreach (var ch in word)
            {
                digits &= char.IsDigit(ch);
            }
            if (digits)
            {
                dateWords++;
                hasYear |= word.Length == 4 && (word.StartsWith("19") || word.StartsWith("20"));
            }
            else if (DateWordLookup.Contains(word) || (word.Length <= 4 && char.IsDigit(word[0]) && word.TrimStart("0123456789").Length <= 2))
            {
                dateWords++;
                hasClock |= ClockWordLookup.Contains(word);
                startsWithStamp |= leading && (word.Equals("updated", StringComparison.OrdinalIgnoreCase)
                    || word.Equals("published", StringComparison.OrdinalIgnoreCase) || word.Equals("posted", StringComparison.OrdinalIgnoreCase));
            }
            leading = false;
        }
        if (!(hasYear || hasClock) || words == 0)
        {
            return false;
        }
        return (startsWithStamp && words <= 12) || (hasClock && dateWords >= 0.75 * words);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LabelLookup = Labels.GetAlternateLookup<ReadOnlySpan<char>>();

    // The prefix lists by first letter, so a line is compared with a few of them, not all.
    private static readonly Dictionary<char, string[]> PromptsByFirstLetter = ByFirstLetter(PromptPrefixes);
    private static readonly Dictionary<char, string[]> LabelsByFirstLetter = ByFirstLetter(LabelPrefixes);

    private static Dictionary<char, string[]> ByFirstLetter(string[] prefixes) =>
        prefixes.GroupBy(p => char.ToLowerInvariant(p[0])).ToDictionary(g => g.Key, g => g.ToArray());

    private static bool StartsWithAny(ReadOnlySpan<char> line, Dictionary<char, string[]> index) => StartsWithAny(line, index, out _);

    private static bool StartsWithAny(ReadOnlySpan<char> line, Dictionary<char, string[]> index, out int length)
    {
        length = 0;
        if (line.Length == 0 || !index.TryGetValue(char.ToLowerInvariant(line[0]), out var prefixes))
        {
            return false;
        }
        foreach (var p in prefixes)
        {
            if (line.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                length = p.Length;
                return true;
            }
        }
        return false;
    }

    /// <summary>A short line that is one of <see cref="TailHeadings"/>, give or take a colon or case.</summary>
    public static bool IsTailHeading(ReadOnlySpan<char> line)
    {
        var t = line.Trim().TrimEnd(":.!|»›>-–— ");
        if (t.Length == 0 || t.Length > 60)
        {
            return false;
        }
        if (OtherStoriesHeading().IsMatch(t))
        {
            return true;
        }
        if (t.Length > 40)
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
