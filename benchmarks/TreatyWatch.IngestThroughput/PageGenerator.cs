using System.Text;

namespace TreatyWatch.IngestThroughput;

/// <summary>
/// Makes news-site pages of about 5 KB from templates and a seeded random source: a head with metadata
/// and JSON-LD, a navigation bar, a cookie banner, the article (headline, byline, several paragraphs,
/// some of which report treaty steps in varied wording, including negated and hedged ones), a newsletter
/// prompt, a related-news block and a footer. Page <c>n</c> of seed <c>s</c> is always the same page.
/// All text here is written for this generator; none is taken from real articles.
/// </summary>
public static class PageGenerator
{
    private sealed record Country(string Name, string Demonym, string Capital, string Parliament);

    private static readonly Country[] Countries =
    [
        new("Lithuania", "Lithuanian", "Vilnius", "Seimas"),
        new("Latvia", "Latvian", "Riga", "Saeima"),
        new("Estonia", "Estonian", "Tallinn", "Riigikogu"),
        new("Poland", "Polish", "Warsaw", "Sejm"),
        new("Finland", "Finnish", "Helsinki", "Eduskunta"),
        new("Ukraine", "Ukrainian", "Kyiv", "Verkhovna Rada"),
        new("Hungary", "Hungarian", "Budapest", "National Assembly"),
        new("Norway", "Norwegian", "Oslo", "Storting"),
        new("Brazil", "Brazilian", "Brasilia", "National Congress"),
        new("Kenya", "Kenyan", "Nairobi", "National Assembly"),
        new("Chile", "Chilean", "Santiago", "Congress"),
        new("Japan", "Japanese", "Tokyo", "Diet"),
        new("Canada", "Canadian", "Ottawa", "House of Commons"),
        new("Ghana", "Ghanaian", "Accra", "Parliament"),
        new("Peru", "Peruvian", "Lima", "Congress"),
        new("Austria", "Austrian", "Vienna", "Nationalrat"),
    ];

    private static readonly string[] Treaties =
    [
        "Ottawa Convention", "Ottawa Treaty", "mine ban treaty", "Convention on Cluster Munitions",
        "cluster munitions convention", "Arms Trade Treaty", "Rome Statute", "Paris Agreement",
        "Istanbul Convention", "Chemical Weapons Convention", "Treaty on the Prohibition of Nuclear Weapons",
        "treaty banning anti-personnel landmines", "convention banning cluster bombs", "Open Skies Treaty",
    ];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    private static readonly string[] FirstNames = ["Anna", "Marek", "Ilona", "Jonas", "Sofia", "Pedro", "Amina", "Kenji", "Lea", "Tomas", "Ruth", "Omar"];
    private static readonly string[] LastNames = ["Kalnina", "Novak", "Tamm", "Silva", "Mwangi", "Sato", "Berg", "Costa", "Lind", "Okafor", "Reyes", "Varga"];
    private static readonly string[] Sections = ["World", "Europe", "Politics", "Business", "Defence", "Climate", "Opinion", "Sport", "Culture", "Science", "Video", "Podcasts"];
    private static readonly string[] Sites = ["Daily Ledger", "Northern Herald", "The Morning Wire", "Baltic Observer", "Global Courier", "Capital Times"];

    // Paragraphs that report no treaty step: context, economy, quotes, weather, figures.
    private static readonly string[] Filler =
    [
        "Officials in {capital} said the decision followed months of consultations with neighbouring governments, defence planners and humanitarian groups, who had argued over the costs and the risks for civilians.",
        "The {demonym} economy grew by {pct} percent last year, according to the statistics office, while inflation slowed to its lowest level since {year}.",
        "\"We have heard the concerns of our allies, and we take them seriously,\" {person} told reporters after the meeting, adding that the government would publish its reasoning in full.",
        "Critics, including several aid organisations, warned that the move could undermine decades of work to protect civilians and said they would appeal to lawmakers to reconsider.",
        "Turnout in the regional elections reached {n} percent, the electoral commission said, with the governing coalition losing ground in the eastern districts.",
        "The ministry said it had spent {n} million euros on border infrastructure since {year}, including new fences, surveillance towers and roads for patrols.",
        "Forecasters expect heavy snow in the north of the country over the weekend, and the transport authority advised drivers to avoid mountain roads.",
        "{person}, a researcher at a university in {capital}, said public opinion had shifted sharply since {year}, with most respondents now backing higher defence spending.",
        "The opposition accused the government of rushing the debate and said the committee had been given only {n} days to examine the proposal.",
        "Humanitarian groups estimate that more than {n},000 people were killed or injured by explosive remnants of war last year, most of them civilians and many of them children.",
        "Shares in the country's largest defence company rose {pct} percent on the news, while the national currency was little changed against the euro.",
        "The foreign minister is due to travel to Brussels next week for talks with counterparts from the region on security and energy supplies.",
        "Local media reported that the proposal had been drafted in close coordination with the defence ministry and the general staff of the armed forces.",
        "In a separate development, the football federation confirmed that the national team would play two friendly matches in {month}.",
    ];

    // Paragraphs that report treaty steps, with the state, treaty and date filled in.
    private static readonly string[] Events =
    [
        "The {parliament} on {weekday} voted to withdraw {name} from the {treaty}, with {n} lawmakers in favour, {m} against and {k} abstaining.",
        "{name}'s parliament approved the withdrawal from the {treaty} on {date}, a step the defence ministry had recommended earlier this year.",
        "The {demonym} government on {date} recommended that the country leave the {treaty}, citing the changed security situation in the region.",
        "President {person} signed a law on {date} withdrawing {name} from the {treaty}, the presidential office said in a statement.",
        "{name} formally notified the United Nations Secretary-General of its decision to withdraw from the {treaty} on {date}.",
        "The withdrawal will take effect six months after the notification is received by the depositary.",
        "{name} ratified the {treaty} in {month} {year}, and the treaty entered into force for the country the following year.",
        "{capital} announced on {weekday} that it intends to withdraw from the {treaty}.",
        "Lawmakers in the {parliament} backed the bill to leave the {treaty} by {n} votes to {m} on {date}.",
        "{name} signed the {treaty} on {date}, becoming one of the first countries in the region to do so.",
        "{name} acceded to the {treaty} on {date}, the foreign ministry said.",
        "{name} will not leave the {treaty}, the prime minister said on {weekday}, rejecting calls from the opposition.",
        "Analysts said {name} could withdraw from the {treaty} next year if the security situation worsened.",
        "The opposition called on the government to withdraw from the {treaty}, but the proposal failed to gain support.",
        "{name}'s withdrawal from the {treaty} took effect on {date}, six months after it notified the depositary.",
        "The {demonym} parliament voted on {date} to suspend the country's participation in the {treaty}.",
    ];

    /// <summary>Page <paramref name="index"/> of the corpus for <paramref name="seed"/>, aiming at <paramref name="targetBytes"/> (±10%).</summary>
    public static string Page(int seed, int index, int targetBytes = 5000)
    {
        var r = new Random(HashCode.Combine(seed, index) ^ index * 7919);
        var country = Countries[r.Next(Countries.Length)];
        var treaty = Treaties[r.Next(Treaties.Length)];
        var site = Sites[r.Next(Sites.Length)];
        int year = 2018 + r.Next(9);
        int month = 1 + r.Next(12);
        int day = 1 + r.Next(28);
        var published = new DateOnly(year, month, day);
        var author = $"{Pick(r, FirstNames)} {Pick(r, LastNames)}";
        var headline = Pick(r,
        [
            $"{country.Name} moves to quit the {treaty}",
            $"{country.Parliament} debates the {treaty} as tensions rise",
            $"What the vote on the {treaty} means for {country.Name}",
            $"{country.Demonym} lawmakers weigh treaty exit",
            $"Budget talks stall in {country.Capital} as coalition splits",
        ]);
        var target = (int)(targetBytes * (0.9 + 0.2 * r.NextDouble()));
        var slug = $"{year:D4}/{month:D2}/{day:D2}/story-{index}";

        var paragraphs = new List<string>();
        var sb = new StringBuilder(target + 2048);
        Head(sb, r, site, headline, author, published, slug, country);
        sb.Append("<body class=\"article-page\">\n");
        Header(sb, r, site);
        Cookie(sb, r);
        sb.Append("<main id=\"main\"><article class=\"story\">\n");
        sb.Append("<h1 class=\"headline\">").Append(Html(headline)).Append("</h1>\n");
        sb.Append("<div class=\"byline\">By <a rel=\"author\" href=\"/authors/").Append(author.ToLowerInvariant().Replace(' ', '-'))
            .Append("\">").Append(author).Append("</a> · <time datetime=\"").Append(published.ToString("yyyy-MM-dd")).Append("T08:")
            .Append(r.Next(10, 60)).Append(":00Z\">").Append(Months[month - 1]).Append(' ').Append(day).Append(", ").Append(year).Append("</time></div>\n");
        if (r.Next(3) == 0)
        {
            sb.Append("<figure><img src=\"/img/").Append(index).Append(".jpg\" alt=\"\"><figcaption>Members of the ")
                .Append(country.Parliament).Append(" during a session in ").Append(country.Capital).Append(". Photo: ").Append(Pick(r, LastNames)).Append("/Agency</figcaption></figure>\n");
        }
        sb.Append("<div class=\"article-body\">\n");
        int footerRoom = 1100;
        var deck = Filler.OrderBy(_ => r.Next()).ToArray();
        int dealt = 0;
        bool dateline = r.Next(2) == 0;
        int eventsLeft = 1 + r.Next(4);
        while (sb.Length < target - footerRoom)
        {
            string text;
            if (eventsLeft > 0 && r.Next(3) == 0)
            {
                eventsLeft--;
                var other = r.Next(4) == 0 ? Countries[r.Next(Countries.Length)] : country;
                text = Fill(r, Pick(r, Events), other, r.Next(5) == 0 ? Treaties[r.Next(Treaties.Length)] : treaty, published);
            }
            else
            {
                text = Fill(r, deck[dealt++ % deck.Length], country, treaty, published);
            }
            if (dateline && paragraphs.Count == 0)
            {
                text = $"{country.Capital.ToUpperInvariant()}, {Months[month - 1]} {day} (Wire) — {text}";
            }
            paragraphs.Add(text);
            sb.Append("<p>").Append(Html(text)).Append("</p>\n");
            if (paragraphs.Count == 3 && r.Next(2) == 0)
            {
                sb.Append("<div class=\"ad-slot\"><span>Advertisement</span></div>\n");
            }
            if (paragraphs.Count == 4 && r.Next(3) == 0)
            {
                sb.Append("<blockquote><p>").Append(Html(Fill(r, "\"This is a decision about the safety of our citizens,\" {person} said.", country, treaty, published))).Append("</p></blockquote>\n");
            }
        }
        sb.Append("</div>\n");
        sb.Append("<div class=\"newsletter-signup\"><p>Sign up for our newsletter to get the day's top stories in your inbox.</p><form><input type=\"email\" placeholder=\"Email\"><button>Subscribe</button></form></div>\n");
        sb.Append("<div class=\"share-tools\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on Twitter</a> <a href=\"#\">Email</a></div>\n");
        sb.Append("</article>\n");
        Related(sb, r);
        sb.Append("</main>\n");
        Footer(sb, r, site, year);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Head(StringBuilder sb, Random r, string site, string headline, string author, DateOnly published, string slug, Country country)
    {
        var iso = published.ToString("yyyy-MM-dd") + "T08:00:00Z";
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<title>").Append(Html(headline)).Append(" | ").Append(site).Append("</title>\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"description\" content=\"").Append(Html($"The latest on {country.Name} and international treaties.")).Append("\">\n");
        sb.Append("<meta property=\"og:title\" content=\"").Append(Html(headline)).Append("\">\n");
        sb.Append("<meta property=\"og:site_name\" content=\"").Append(site).Append("\">\n");
        sb.Append("<meta property=\"og:type\" content=\"article\">\n");
        sb.Append("<meta property=\"article:published_time\" content=\"").Append(iso).Append("\">\n");
        sb.Append("<link rel=\"canonical\" href=\"https://news.example/").Append(slug).Append("\">\n");
        sb.Append("<link rel=\"stylesheet\" href=\"/static/main.").Append(r.Next(1000, 9999)).Append(".css\">\n");
        sb.Append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"")
            .Append(Json(headline)).Append("\",\"datePublished\":\"").Append(iso).Append("\",\"author\":[{\"@type\":\"Person\",\"name\":\"")
            .Append(author).Append("\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"").Append(site).Append("\"}}</script>\n");
        sb.Append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>\n");
        sb.Append("</head>\n");
    }

    private static void Header(StringBuilder sb, Random r, string site)
    {
        sb.Append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">").Append(site).Append("</a>\n<nav class=\"main-nav\"><ul>");
        int n = 6 + r.Next(6);
        for (int i = 0; i < n; i++)
        {
            var s = Sections[(i + r.Next(2)) % Sections.Length];
            sb.Append("<li><a href=\"/").Append(s.ToLowerInvariant()).Append("\">").Append(s).Append("</a></li>");
        }
        sb.Append("</ul></nav></header>\n");
    }

    private static void Cookie(StringBuilder sb, Random r)
    {
        sb.Append("<div id=\"cookie-consent\" class=\"cookie-banner\"><p>We use cookies to improve your experience and to show you relevant advertising. ")
            .Append(r.Next(2) == 0 ? "By continuing to browse you agree to our use of cookies." : "You can change your choices at any time in the settings.")
            .Append("</p><button>Accept all cookies</button><button>Cookie settings</button></div>\n");
    }

    private static void Related(StringBuilder sb, Random r)
    {
        sb.Append("<aside class=\"related-news\"><h2>Related stories</h2><ul>\n");
        int n = 3 + r.Next(4);
        for (int i = 0; i < n; i++)
        {
            var c = Countries[r.Next(Countries.Length)];
            var title = Pick(r,
            [
                $"{c.Name} opens new border crossing",
                $"Why {c.Demonym} voters are angry",
                $"{c.Capital} hosts regional security summit",
                $"Inside the {c.Parliament}: a week of debates",
                $"{c.Demonym} central bank holds rates",
            ]);
            sb.Append("<li><a href=\"/story/").Append(r.Next(100000)).Append("\">").Append(Html(title)).Append("</a></li>\n");
        }
        sb.Append("</ul></aside>\n");
    }

    private static void Footer(StringBuilder sb, Random r, string site, int year)
    {
        sb.Append("<footer class=\"site-footer\"><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact</a></li>")
            .Append("<li><a href=\"/privacy\">Privacy policy</a></li><li><a href=\"/terms\">Terms of use</a></li></ul>\n<p>© ")
            .Append(year).Append(' ').Append(site).Append(". All rights reserved.</p></footer>\n");
        sb.Append("<script src=\"/static/app.").Append(r.Next(1000, 9999)).Append(".js\" defer></script>\n");
    }

    private static string Fill(Random r, string template, Country c, string treaty, DateOnly published)
    {
        var day = published.AddDays(-r.Next(0, 40));
        var date = r.Next(3) switch
        {
            0 => $"{Months[day.Month - 1]} {day.Day}",
            1 => $"{day.Day} {Months[day.Month - 1]} {day.Year}",
            _ => $"{Months[day.Month - 1]} {day.Day}, {day.Year}",
        };
        return template
            .Replace("{name}", c.Name).Replace("{demonym}", c.Demonym).Replace("{capital}", c.Capital).Replace("{parliament}", c.Parliament)
            .Replace("{treaty}", treaty).Replace("{date}", date).Replace("{weekday}", Pick(r, Weekdays))
            .Replace("{month}", Months[r.Next(12)]).Replace("{year}", (1997 + r.Next(25)).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{person}", $"{Pick(r, FirstNames)} {Pick(r, LastNames)}")
            .Replace("{pct}", (1 + r.Next(9)).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{n}", (50 + r.Next(60)).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{m}", r.Next(40).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{k}", r.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Pick(Random r, string[] items) => items[r.Next(items.Length)];

    private static string Html(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    private static string Json(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
