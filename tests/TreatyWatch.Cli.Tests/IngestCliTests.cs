using TreatyWatch.Tests.Shared;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using Npgsql;
using Spectre.Console.Testing;
using TreatyWatch.Ledger;
using Xunit;

namespace TreatyWatch.Cli.Tests;

/// <summary>Small news articles written for the tests (never the third-party texts of ../shared), each unique by its number.</summary>
public static class SyntheticNews
{
    private static readonly (string Name, string Parliament)[] States =
    [
        ("Finland", "Eduskunta"), ("Estonia", "Riigikogu"), ("Latvia", "Saeima"), ("Lithuania", "Seimas"), ("Poland", "Sejm"),
        ("Norway", "Storting"), ("Ukraine", "Verkhovna Rada"), ("Austria", "National Council"),
    ];

    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"];

    /// <summary>Writes <paramref name="count"/> articles as <c>NNNNN.txt</c>; each reports a vote and a recommendation with dates and figures.</summary>
    public static void Write(string folder, int count, int first = 0)
    {
        Directory.CreateDirectory(folder);
        for (var n = first; n < first + count; n++)
            File.WriteAllText(Path.Combine(folder, $"{n:D5}.txt"), Text(n));
    }

    public static string Text(int n)
    {
        var (state, parliament) = States[n % States.Length];
        var month = Months[n / States.Length % Months.Length];
        var day = n % 27 + 1;
        var treaty = n % 3 == 0 ? "the Convention on Cluster Munitions" : "the Ottawa Convention";
        return $"""
                Parliament vote on a weapons treaty, report {n}

                Published {day + 1} {Months[Array.IndexOf(Months, month)]} 2025

                {state}'s parliament voted on {day} {month} 2025 to withdraw from {treaty}, with {100 + n % 50} votes in favour and {n % 30} against.
                The government had recommended the withdrawal on 1 January 2025.
                The {parliament} will publish the record of debate number {n} next week.

                """;
    }
}

/// <summary>
/// <c>treatywatch ingest</c> on SQLite and PostgreSQL: re-ingest adds nothing, reported news is not law, two processes at
/// once lose nothing and duplicate nothing, and a process killed at random points leaves no article half-written.
/// </summary>
public abstract class IngestCliTests : IDisposable
{
    private static readonly string Repo = FindRepo();
    private static readonly string Data = Path.Combine(Repo, "data");
    private static readonly LocalDate Today = new(2026, 11, 23);
    protected readonly string Temp = Directory.CreateTempSubdirectory("treatywatch-ingest-cli-").FullName;

    /// <summary>A fresh, empty ledger spec, or null when this database is not available here.</summary>
    protected abstract string? NewDb();

    private static string FindRepo() => RepoRoot.Folder;

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var console = new TestConsole().Width(160);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run([.. args, "--data", Data], new CliContext(console, output, error, Today));
        return (code, output.ToString() + console.Output, error.ToString());
    }

    /// <summary>The CLI as a child process: the test output holds treatywatch.dll (the project reference).</summary>
    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "treatywatch.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--data");
        psi.ArgumentList.Add(Data);
        var p = Process.Start(psi)!;
        return p;
    }

    private static JsonElement Summary(string output) => JsonDocument.Parse(output).RootElement;

    /// <summary>What the ledger holds of the news, by article: each article's events and the reported actions they produced.</summary>
    private static Dictionary<string, List<string>> Snapshot(string db)
    {
        using var store = LedgerStore.Open(db, SystemClock.Instance);
        var actions = store.ReportedActions().ToDictionary(a => a.Action.Id, a => a, StringComparer.Ordinal);
        var byArticle = store.IngestedArticles().ToDictionary(a => a.ContentHash, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var e in store.IngestedEvents())
        {
            var action = e.ActionId is null ? "-" : Describe(actions[e.ActionId]);
            byArticle[e.ArticleHash].Add($"{e.State}|{e.Treaty}|{e.Action}|{e.Date}|{e.Start}-{e.End}|{e.ClusterKey} => {action}");
        }

        Assert.Equal(actions.Count, byArticle.Values.Sum(l => l.Count(x => !x.EndsWith("=> -", StringComparison.Ordinal))));
        foreach (var l in byArticle.Values) l.Sort(StringComparer.Ordinal);
        return byArticle;

        static string Describe(LedgerAction a) =>
            $"{a.Action.Id} {a.Action.State} {a.Action.TreatyId} {TreatyWatch.Engine.Actions.ActionKinds.Name(a.Action.Kind)} {a.Action.Date} known {a.Action.Known} votes {a.Action.Votes} source {string.Join(",", a.Action.Sources.Select(s => s.Key))}";
    }

    private string Corpus(int count, string name = "corpus")
    {
        var folder = Path.Combine(Temp, name);
        SyntheticNews.Write(folder, count);
        return folder;
    }

    [Fact]
    public void IngestingTheSameArticlesAgain_AddsNothing_AndTheSummaryCountsWhatWasRead()
    {
        var db = NewDb();
        if (db is null) return;
        var corpus = Corpus(30);

        var first = Run("ingest", corpus, "--db", db, "-f", "json");
        Assert.True(first.Code == 0, first.Err);
        var s1 = Summary(first.Out);
        Assert.Equal((30, 30, 0, 60, 60), (s1.GetProperty("read").GetInt32(), s1.GetProperty("new").GetInt32(), s1.GetProperty("alreadyInLedger").GetInt32(),
            s1.GetProperty("events").GetInt32(), s1.GetProperty("reportedActions").GetInt32()));
        var snapshot = Snapshot(db);
        Assert.Equal(30, snapshot.Count);
        Assert.Equal(60, snapshot.Values.Sum(e => e.Count));

        // Again, with one new article among them: only that one is added.
        SyntheticNews.Write(corpus, 1, first: 30);
        var second = Run("ingest", corpus, "--db", db);
        Assert.True(second.Code == 0, second.Err);
        Assert.Contains("31 article(s) read: 1 new, 30 already in the ledger; 2 event(s) stored, 2 reported action(s) added", second.Out, StringComparison.Ordinal);
        var after = Snapshot(db);
        Assert.Equal(31, after.Count);
        Assert.All(snapshot, kv => Assert.Equal(kv.Value, after[kv.Key]));
    }

    [Fact]
    public void IngestOfAFeedAndAPage_FlagsTheWireCopy_TheClaimAgainstTheRecord_AndTheDisputedTally()
    {
        var db = NewDb();
        if (db is null) return;
        var folder = Path.Combine(Temp, "across");
        Directory.CreateDirectory(folder);
        const string story = "Latvia's parliament, the Saeima, voted on 16 April 2025 to withdraw from the Ottawa Convention, with {0} votes in favour. " +
                             "Lawmakers said the security situation on the eastern border had changed since the country joined the ban on anti-personnel mines. " +
                             "The decision still has to be signed into law by the president before the notice is sent to the United Nations in New York.";
        string Item(string title, string link, string text) =>
            $"<item><title>{title}</title><link>{link}</link><pubDate>Thu, 17 Apr 2025 08:00:00 GMT</pubDate><description>&lt;p&gt;{text}&lt;/p&gt;</description></item>";
        File.WriteAllText(Path.Combine(folder, "news.xml"),
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test news</title>" +
            Item("Saeima votes to leave mine ban", "https://www.first-outlet.example/a", string.Format(CultureInfo.InvariantCulture, story, 68)) +
            Item("Latvia: parliament backs leaving the mine ban treaty", "https://second-outlet.example/b",
                "The Saeima voted on Wednesday to withdraw Latvia from the Ottawa Convention, with 66 votes in favour, the parliament's press office said. " +
                "Opposition members argued in a long debate that leaving would damage the country's reputation among humanitarian donors.") +
            Item("Latvian MPs vote to quit landmine convention", "https://third-outlet.example/c", string.Format(CultureInfo.InvariantCulture, story, 68).Replace("Lawmakers said", "Lawmakers, meanwhile, said", StringComparison.Ordinal)) +
            "</channel></rss>");
        File.WriteAllText(Path.Combine(folder, "poland.txt"),
            "Published 19 March 2025\n\nPoland's defence minister recommended on 18 March 2025 that the country withdraw from the Convention on Cluster Munitions.\n");

        var run = Run("ingest", folder, "--db", db, "-f", "json");
        Assert.True(run.Code == 0, run.Err);
        var s = Summary(run.Out);
        Assert.Equal(4, s.GetProperty("read").GetInt32());

        // The third item repeats the first (a wire copy): noted, and the two count as one source.
        var copy = Assert.Single(s.GetProperty("nearCopies").EnumerateArray());
        Assert.Equal(("news.xml#3", "news.xml#1"), (copy.GetProperty("file").GetString(), copy.GetProperty("copyOf").GetString()));

        // Poland never joined the cluster-munitions convention: a recommendation to leave it is flagged.
        var check = Assert.Single(s.GetProperty("checks").EnumerateArray(), c => c.GetProperty("state").GetString() == "POL");
        Assert.Equal(("not_party", "ccm", "poland.txt"), (check.GetProperty("check").GetString(), check.GetProperty("treaty").GetString(), check.GetProperty("file").GetString()));

        // The vote is one event in three articles from two independent sources, disputed over the tally.
        var vote = Assert.Single(s.GetProperty("clusters").EnumerateArray(), c => c.GetProperty("state").GetString() == "LVA" && c.GetProperty("action").GetString() == "parliament_vote_withdraw");
        Assert.Equal(("2025-04-16", "disputed", 2, 3), (vote.GetProperty("date").GetString(), vote.GetProperty("certainty").GetString(),
            vote.GetProperty("independentSources").GetInt32(), vote.GetProperty("files").GetArrayLength()));
        var conflict = Assert.Single(vote.GetProperty("conflicts").EnumerateArray()).GetString()!;
        Assert.Contains("68", conflict, StringComparison.Ordinal);
        Assert.Contains("66", conflict, StringComparison.Ordinal);

        // What the feed says of each item is kept with the article.
        var store = LedgerStore.Open(db, NodaTime.SystemClock.Instance);
        var second = Assert.Single(store.IngestedArticles(), a => a.Url == "https://second-outlet.example/b");
        Assert.Equal(("second-outlet.example", "2025-04-17"), (second.Outlet, second.Published));
        store.Dispose();

        // The review queue shows the three reports of the vote as one disputed event.
        var review = Run("review", "--db", db, "-f", "json");
        Assert.True(review.Code == 0, review.Err);
        var votes = JsonDocument.Parse(review.Out).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("state").GetString() == "LVA" && r.GetProperty("action").GetString() == "parliament_vote_withdraw").ToList();
        Assert.Equal(3, votes.Count);
        Assert.All(votes, v =>
        {
            Assert.Equal("disputed", v.GetProperty("certainty").GetString());
            Assert.Equal(2, v.GetProperty("sameEvent").GetArrayLength());
            Assert.Contains("66", Assert.Single(v.GetProperty("conflicts").EnumerateArray()).GetString()!, StringComparison.Ordinal);
        });
        var table = Run("review", "--db", db);
        Assert.Contains("disputed", table.Out, StringComparison.Ordinal);

        // Their tallies disagree: deciding them together is refused, naming the disagreement, and nothing is recorded.
        var ids = votes.Select(v => v.GetProperty("id").GetString()!).ToList();
        var together = Run("review", "confirm", ids[0], "--same-event", "--reason", "the Saeima's record", "--db", db);
        Assert.Equal(2, together.Code);
        Assert.Contains("disagree", together.Err, StringComparison.Ordinal);
        Assert.Contains("66", together.Err, StringComparison.Ordinal);
        Assert.Equal(3, JsonDocument.Parse(Run("review", "--db", db, "-f", "json").Out).RootElement.EnumerateArray()
            .Count(r => r.GetProperty("review").ValueKind == JsonValueKind.Null && ids.Contains(r.GetProperty("id").GetString()!)));

        // Deciding one outlet's report names the other reports of that event, still waiting, and how to close them.
        var edit = Run("review", "edit", ids[0], "--date", "2025-04-16", "--reason", "the Saeima's record", "--db", db);
        Assert.True(edit.Code == 0, edit.Err);
        var lines = edit.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("2 other report(s) of the same event still wait for review: ", StringComparison.Ordinal) && l.Contains(ids[1], StringComparison.Ordinal) && l.Contains(ids[2], StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("treatywatch review merge <id> --into ", StringComparison.Ordinal));
        Assert.Equal(2, JsonDocument.Parse(Run("review", "--db", db, "-f", "json").Out).RootElement.EnumerateArray()
            .Count(r => r.GetProperty("review").ValueKind == JsonValueKind.Null && ids.Contains(r.GetProperty("id").GetString()!)));
    }

    [Fact]
    public void ReviewShowsEachReportsWords_AndAConfirmedReportKeepsThemThroughExportAndImport()
    {
        var db = NewDb();
        var other = NewDb();
        if (db is null || other is null) return;
        var folder = Path.Combine(Temp, "evidence");
        Directory.CreateDirectory(folder);
        const string sentence = "Latvia's parliament, the Saeima, voted on 16 April 2025 to withdraw from the Ottawa Convention, with 68 votes in favour.";
        File.WriteAllText(Path.Combine(folder, "news.xml"),
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test news</title><item><title>Saeima votes to leave mine ban</title>" +
            "<link>https://www.first-outlet.example/a</link><pubDate>Thu, 17 Apr 2025 08:00:00 GMT</pubDate><description>&lt;p&gt;" + sentence +
            " The decision still has to be signed into law by the president before the notice is sent to the United Nations.&lt;/p&gt;</description></item></channel></rss>");
        var run = Run("ingest", folder, "--db", db, "-f", "json");
        Assert.True(run.Code == 0, run.Err);

        // The queue gives each report's evidence: the sentence, where it is in the article, and the outlet.
        var report = Assert.Single(JsonDocument.Parse(Run("review", "--db", db, "-f", "json").Out).RootElement.EnumerateArray(),
            r => r.GetProperty("action").GetString() == "parliament_vote_withdraw");
        var source = Assert.Single(report.GetProperty("sources").EnumerateArray());
        Assert.Equal((sentence, "first-outlet.example", "2025-04-17"),
            (source.GetProperty("quote").GetString(), source.GetProperty("outlet").GetString(), source.GetProperty("published").GetString()));
        Assert.Equal(sentence.Length, source.GetProperty("quoteEnd").GetInt32() - source.GetProperty("quoteStart").GetInt32());
        // The bundled data has that vote already: the report says so, and how to merge it.
        var standing = Assert.Single(report.GetProperty("onRecord").EnumerateArray());
        Assert.Equal("2025-04-16", standing.GetProperty("date").GetString());
        var table = Run("review", "--db", db);
        Assert.True(table.Code == 0, table.Err);
        Assert.Contains($"on record as {standing.GetProperty("id").GetString()} (16 April 2025): treatywatch review merge {report.GetProperty("id").GetString()} --into {standing.GetProperty("id").GetString()} --reason", table.Out, StringComparison.Ordinal);
        Assert.Contains($"“{sentence}”", table.Out, StringComparison.Ordinal);
        Assert.Contains("first-outlet.example", table.Out, StringComparison.Ordinal);
        Assert.Contains(report.GetProperty("id").GetString()!, table.Out, StringComparison.Ordinal);

        // Confirmed, it is law with its source; exported and imported into another ledger, the source keeps its words.
        Assert.Equal(0, Run("review", "confirm", report.GetProperty("id").GetString()!, "--reason", "checked against the Saeima's record", "--db", db).Code);
        var first = Path.Combine(Temp, "first.json");
        var again = Path.Combine(Temp, "again.json");
        Assert.Equal(0, Run("export", "--db", db, "-f", "json", "-o", first).Code);
        var import = Run("import", first, "--db", other);
        Assert.True(import.Code == 0, import.Err);
        Assert.Equal(0, Run("export", "--db", other, "-f", "json", "-o", again).Code);
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(again));
        var exported = Assert.Single(JsonDocument.Parse(File.ReadAllText(again)).RootElement.GetProperty("sources").EnumerateArray(),
            x => x.GetProperty("key").GetString() == source.GetProperty("key").GetString());
        Assert.Equal((sentence, "first-outlet.example", source.GetProperty("quoteStart").GetInt32()),
            (exported.GetProperty("quote").GetString(), exported.GetProperty("outlet").GetString(), exported.GetProperty("quoteStart").GetInt32()));

        // The CSV export carries the words too (columns after the bundled five), and an import of it keeps them.
        var csv = Path.Combine(Temp, "csv");
        Assert.Equal(0, Run("export", "--db", other, "-f", "csv", "-o", csv).Code);
        var sourcesFile = Directory.GetFiles(Path.Combine(csv, "sources")).Select(File.ReadAllText).Single(t => t.Contains(sentence, StringComparison.Ordinal));
        Assert.StartsWith("key,kind,title,url,published,cn_number,outlet,quote,quote_start,quote_end\n", sourcesFile, StringComparison.Ordinal);
        var third = NewDb()!;
        var fromCsv = Run("import", csv, "--db", third);
        Assert.True(fromCsv.Code == 0, fromCsv.Err);
        var fromThird = Path.Combine(Temp, "third.json");
        Assert.Equal(0, Run("export", "--db", third, "-f", "json", "-o", fromThird).Code);
        Assert.Contains(sentence, Quotes(File.ReadAllText(fromThird)));
    }

    /// <summary>Every <c>quote</c> of a JSON answer, wherever it is.</summary>
    private static List<string> Quotes(string json)
    {
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array) foreach (var x in e.EnumerateArray()) Walk(x);
            if (e.ValueKind != JsonValueKind.Object) return;
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == "quote" && p.Value.ValueKind == JsonValueKind.String) found.Add(p.Value.GetString()!);
                Walk(p.Value);
            }
        }

        Walk(JsonDocument.Parse(json).RootElement);
        return found;
    }

    [Fact]
    public void ConfirmingAnEventReportedByTwoOutlets_WithSameEvent_ClosesBoth_AndTheRecordCitesBoth()
    {
        var db = NewDb();
        if (db is null) return;
        var folder = Path.Combine(Temp, "two-outlets");
        Directory.CreateDirectory(folder);
        string Item(string link, string text) =>
            $"<item><title>Saeima votes to leave the mine ban</title><link>{link}</link><pubDate>Thu, 17 Apr 2025 08:00:00 GMT</pubDate><description>&lt;p&gt;{text}&lt;/p&gt;</description></item>";
        File.WriteAllText(Path.Combine(folder, "news.xml"),
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test news</title>" +
            Item("https://first-outlet.example/a", "The Latvian parliament voted on 16 April 2025 to withdraw from the Ottawa Convention, the parliament's press office said. The president still has to sign the law.") +
            Item("https://second-outlet.example/b", "On 16 April 2025 the Saeima, Latvia's parliament, voted to withdraw the country from the Ottawa Convention on anti-personnel mines. Critics spoke of a dark day for humanitarian law.") +
            "</channel></rss>");
        var run = Run("ingest", folder, "--db", db, "-f", "json");
        Assert.True(run.Code == 0, run.Err);
        var reports = JsonDocument.Parse(Run("review", "--db", db, "-f", "json").Out).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("state").GetString() == "LVA" && r.GetProperty("action").GetString() == "parliament_vote_withdraw").ToList();
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Equal("corroborated", r.GetProperty("certainty").GetString()));
        var ids = reports.Select(r => r.GetProperty("id").GetString()!).ToList();
        var keys = reports.Select(r => Assert.Single(r.GetProperty("sources").EnumerateArray()).GetProperty("key").GetString()!).ToList();

        var confirm = Run("review", "confirm", ids[0], "--same-event", "--reason", "the Saeima's record of 16 April 2025", "--by", "tester", "--db", db);
        Assert.True(confirm.Code == 0, confirm.Err);
        var newId = System.Text.RegularExpressions.Regex.Match(confirm.Out, "confirm recorded as (\\S+) ").Groups[1].Value;
        Assert.Contains($"{ids[1]}: merge recorded as ", confirm.Out, StringComparison.Ordinal);
        Assert.Contains($"into {newId}", confirm.Out, StringComparison.Ordinal);

        // Neither waits any more; the second is merged into the confirmed record, which cites both outlets.
        var all = JsonDocument.Parse(Run("review", "--db", db, "-f", "json").Out).RootElement.EnumerateArray().Where(r => ids.Contains(r.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(2, all.Count);
        Assert.All(all, r => Assert.Equal("reviewed", r.GetProperty("status").GetString()));
        var merged = Assert.Single(all, r => r.GetProperty("id").GetString() == ids[1]).GetProperty("review");
        Assert.Equal(("merge", newId, "tester"), (merged.GetProperty("decision").GetString(), merged.GetProperty("mergedInto").GetString(), merged.GetProperty("by").GetString()));
        Assert.StartsWith($"same event as {ids[0]}: ", merged.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var exported = Path.Combine(Temp, "two-outlets.json");
        Assert.Equal(0, Run("export", "--db", db, "-f", "json", "-o", exported, "--treaty", "apmbc").Code);
        var record = JsonDocument.Parse(File.ReadAllText(exported)).RootElement.GetProperty("treaties")[0].GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == newId);
        Assert.Equal(keys, record.GetProperty("sources").EnumerateArray().Select(x => x.GetString()!));
    }

    [Fact]
    public void ReportedNews_ChangesNoStatusTimelineOrPendingList_AndWaitsForReview()
    {
        var db = NewDb();
        if (db is null) return;
        string[][] queries =
        [
            ["status", "NOR", "apmbc", "--on", "2026-06-01", "-f", "json"],
            ["timeline", "Norway", "--treaty", "apmbc", "-f", "json"],
            ["pending", "-f", "json"],
            ["parties", "apmbc", "--on", "2026-06-01", "-f", "json"],
        ];
        var before = queries.Select(q => Run([.. q, "--db", db]).Out).ToList();
        var folder = Path.Combine(Temp, "norway");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "n.txt"), """
            Norway leaves mine ban treaty, a test report

            Published 4 July 2025

            Norway deposited its instrument of withdrawal from the Ottawa Convention with the UN Secretary-General on 3 July 2025.
            The Storting had voted on 12 June 2025 to withdraw from the convention, by 120 votes to 40.

            """);

        var ingest = Run("ingest", folder, "--db", db);

        Assert.True(ingest.Code == 0, ingest.Err);
        using (var store = LedgerStore.Open(db, SystemClock.Instance))
        {
            var reported = store.ReportedActions().Select(a => $"{a.Action.State} {TreatyWatch.Engine.Actions.ActionKinds.Name(a.Action.Kind)} {a.Action.Date}").Order().ToList();
            Assert.Equal(["NOR deposit_withdrawal 2025-07-03", "NOR parliament_vote_withdraw 2025-06-12"], reported);
        }

        Assert.Equal(before, queries.Select(q => Run([.. q, "--db", db]).Out));
        Assert.Contains("\"status\": \"party\"", before[0], StringComparison.Ordinal);
        var table = Run("status", "NOR", "apmbc", "--on", "2026-06-01", "--db", db).Out;
        Assert.Contains("Reported in the news", table, StringComparison.Ordinal);
        Assert.Contains("instrument of withdrawal received by the depositary, 3 July 2025", table, StringComparison.Ordinal);
        var timeline = Run("timeline", "Norway", "--treaty", "apmbc", "--db", db).Out;
        Assert.Contains("Reported in the news", timeline, StringComparison.Ordinal);
        Assert.Contains("12 June 2025", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("withdrawal takes effect", timeline, StringComparison.Ordinal);
        var review = Run("review", "--db", db, "-f", "json");
        Assert.Equal(2, JsonDocument.Parse(review.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public void AnUnreadableFile_IsNamed_TheRunExitsOne_AndTheOtherArticlesAreStoredWhole()
    {
        var db = NewDb();
        if (db is null) return;
        var corpus = Corpus(5);
        File.CreateSymbolicLink(Path.Combine(corpus, "00002a.txt"), Path.Combine(Temp, "missing.txt"));

        var run = Run("ingest", corpus, "--db", db);

        Assert.Equal(1, run.Code);
        Assert.Contains("00002a.txt", run.Err, StringComparison.Ordinal);
        Assert.Equal(5, Snapshot(db).Count);
        Assert.All(Snapshot(db).Values, events => Assert.Equal(2, events.Count));
    }

    [Fact]
    public void AnArticleTheLedgerRefuses_IsNamed_TheArticlesBeforeItAreStoredWhole_AndARerunCompletesTheLedger()
    {
        var db = NewDb();
        if (db is null) return;
        var corpus = Corpus(8);
        Assert.Equal(0, Run("status", "LTU", "apmbc", "--db", db).Code);
        // The database itself refuses one article (as a broken disk, a full one or a constraint would): the writer's group
        // fails whole, and the articles are then written one by one, so that those before the refused one are kept.
        Execute(db,
            """CREATE TRIGGER refuse_for_test BEFORE INSERT ON articles WHEN NEW.metadata LIKE '%00005.txt%' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END""",
            """
            CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.metadata::text LIKE '%00005.txt%' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_for_test BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_for_test();
            """);

        var run = Run("ingest", corpus, "--db", db);

        Assert.Equal(1, run.Code);
        Assert.Contains("00005.txt", run.Err, StringComparison.Ordinal);
        Assert.Contains("refused for the test", run.Err, StringComparison.Ordinal);
        Assert.Contains("5 new", run.Out, StringComparison.Ordinal);
        var stored = Snapshot(db);
        Assert.Equal(5, stored.Count);
        Assert.All(stored.Values, events => Assert.Equal(2, events.Count));

        Execute(db, "DROP TRIGGER refuse_for_test", "DROP TRIGGER refuse_for_test ON articles; DROP FUNCTION refuse_for_test()");
        var rerun = Run("ingest", corpus, "--db", db);
        Assert.True(rerun.Code == 0, rerun.Err);
        Assert.Contains("8 article(s) read: 3 new, 5 already in the ledger", rerun.Out, StringComparison.Ordinal);
        var after = Snapshot(db);
        Assert.Equal(8, after.Count);
        Assert.All(stored, kv => Assert.Equal(kv.Value, after[kv.Key]));
    }

    [Fact]
    public void AnArticleWithAStrayNul_IsStoredWithASpaceThere_OnEitherDatabase()
    {
        var db = NewDb();
        if (db is null) return;
        var corpus = Corpus(2);
        // PostgreSQL's text refuses NUL: the input reading makes it a space (same length, same offsets) for every ledger.
        var path = Path.Combine(corpus, "00001.txt");
        var text = File.ReadAllText(path);
        var at = text.IndexOf(" votes in favour", StringComparison.Ordinal);
        File.WriteAllText(path, text[..at] + "\0" + text[(at + 1)..]);

        var run = Run("ingest", corpus, "--db", db, "-f", "json");

        Assert.True(run.Code == 0, run.Err);
        Assert.Equal((2, 4), (Summary(run.Out).GetProperty("new").GetInt32(), Summary(run.Out).GetProperty("events").GetInt32()));
        using var store = LedgerStore.Open(db, SystemClock.Instance);
        Assert.Equal(text, store.ArticleText(NewsArticle.HashOf(text)));
    }

    /// <summary>Runs SQL on the ledger directly: <paramref name="sqlite"/> on a SQLite ledger, <paramref name="postgres"/> on a PostgreSQL one.</summary>
    private static void Execute(string db, string sqlite, string postgres)
    {
        if (db.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db["sqlite:".Length..]}");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = sqlite;
            cmd.ExecuteNonQuery();
        }
        else
        {
            using var c = new NpgsqlConnection(db);
            c.Open();
            using var cmd = new NpgsqlCommand(postgres, c);
            cmd.ExecuteNonQuery();
        }
    }

    [Fact]
    public void APathThatIsNeitherFileNorFolder_StopsTheRunBeforeAnythingIsWritten()
    {
        var db = NewDb();
        if (db is null) return;
        var corpus = Corpus(3);

        var run = Run("ingest", corpus, Path.Combine(Temp, "nowhere"), "--db", db);

        Assert.Equal(2, run.Code);
        Assert.Contains("nowhere", run.Err, StringComparison.Ordinal);
        using var store = LedgerStore.Open(db, SystemClock.Instance);
        Assert.Equal(0, store.SchemaVersion);
    }

    [Fact]
    public async Task TwoIngestProcessesAtOnce_BothFinish_WithNoDuplicateAndNoLostEvent()
    {
        var db = NewDb();
        if (db is null) return;
        var corpus = Corpus(400);
        var reference = NewDb()!;
        Assert.Equal(0, Run("ingest", corpus, "--db", reference, "-f", "json").Code);
        // Seed the ledger first, so that both processes spend their time on the articles.
        Assert.Equal(0, Run("status", "LTU", "apmbc", "--db", db).Code);

        var a = Start("ingest", corpus, "--db", db, "-f", "json");
        var b = Start("ingest", corpus, "--db", db, "-f", "json");
        var outA = a.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var outB = b.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errA = a.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errB = b.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(a.WaitForExit(TimeSpan.FromMinutes(3)) && b.WaitForExit(TimeSpan.FromMinutes(3)), "an ingest process did not finish");

        Assert.True(a.ExitCode == 0, await errA);
        Assert.True(b.ExitCode == 0, await errB);
        var sa = Summary(await outA);
        var sb = Summary(await outB);
        Assert.Equal(400, sa.GetProperty("new").GetInt32() + sb.GetProperty("new").GetInt32());
        Assert.Equal(800, sa.GetProperty("read").GetInt32() + sb.GetProperty("read").GetInt32());
        Assert.Equal(Snapshot(reference), Snapshot(db));
    }

    [Fact]
    public void AnIngestKilledAtRandomPoints_LeavesNoArticleHalfWritten_AndARerunCompletesTheLedger()
    {
        var db = NewDb();
        if (db is null) return;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TREATYWATCH_KILL_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        TestContext.Current.TestOutputHelper?.WriteLine($"kill test seed {seed} (TREATYWATCH_KILL_SEED={seed} to repeat)");
        var rng = new Random(seed);
        var corpus = Corpus(1500);
        var reference = NewDb()!;
        Assert.Equal(0, Run("ingest", corpus, "--db", reference, "-f", "json").Code);
        var expected = Snapshot(reference);

        var killedWhileRunning = 0;
        var counts = new List<int>();
        for (var k = 0; k < 4; k++)
        {
            using var p = Start("ingest", corpus, "--db", db);
            _ = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            // Killed at a random point of the run: after a random number of its per-article lines (printed once their
            // group is committed; the writer is then on a later group, or the readers on later files), not after a
            // random time, which a fast run outlives.
            var killAfter = rng.Next(1, 1400);
            var lines = 0;
            while (lines < killAfter && p.StandardOutput.ReadLine() is not null) lines++;
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                killedWhileRunning++;
            }

            p.WaitForExit();
            var now = SnapshotIfMigrated(db);
            counts.Add(now.Count);
            // Every article on record has all its events and actions, exactly as a clean run gives them.
            foreach (var (hash, events) in now)
            {
                Assert.True(expected.TryGetValue(hash, out var want), $"seed {seed}: article {hash} is not in the clean run");
                Assert.True(want.SequenceEqual(events), $"seed {seed}, kill {k + 1}: article {hash} is half-written:\n{string.Join("\n", events)}\nexpected\n{string.Join("\n", want)}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"articles on record after each kill: {string.Join(", ", counts)}");
        Assert.True(killedWhileRunning > 0, $"seed {seed}: every process had finished before it could be killed");

        var rerun = Run("ingest", corpus, "--db", db, "-f", "json");
        Assert.True(rerun.Code == 0, rerun.Err);
        Assert.Equal(expected, Snapshot(db));
    }

    /// <summary>The summary without what differs between two runs of the same input: the time, the ledger, the dry-run flag.</summary>
    private static string Comparable(string output)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsObject();
        node.Remove("seconds");
        node.Remove("ledger");
        node.Remove("dryRun");
        return node.ToJsonString();
    }

    /// <summary>Synthetic articles plus near copies of some of them (a line added), so that the run has copies and clusters to report.</summary>
    private string CorpusWithCopies(int count, string name)
    {
        var folder = Corpus(count, name);
        for (var n = 0; n < count; n += 7)
            File.WriteAllText(Path.Combine(folder, $"{n:D5}-copy.txt"), SyntheticNews.Text(n) + "The agency's correspondent contributed to this report.\n");
        return folder;
    }

    [Fact]
    public void ADryRun_StoresNothing_AndPrintsTheSummaryARealIngestPrints()
    {
        var db = NewDb();
        if (db is null) return;
        var corpus = CorpusWithCopies(40, "dry");

        var dry = Run("ingest", corpus, "--db", db, "--dry-run", "-f", "json");
        Assert.True(dry.Code == 0, dry.Err);
        Assert.True(Summary(dry.Out).GetProperty("dryRun").GetBoolean());
        Assert.Empty(Snapshot(db));
        Assert.True(Summary(dry.Out).GetProperty("nearCopies").GetArrayLength() > 0, dry.Out);

        var real = Run("ingest", corpus, "--db", db, "-f", "json");
        Assert.True(real.Code == 0, real.Err);
        Assert.False(Summary(real.Out).GetProperty("dryRun").GetBoolean());
        Assert.Equal(Comparable(real.Out), Comparable(dry.Out));
        Assert.Equal(46, Snapshot(db).Count);

        // Once they are stored, a dry run finds them on record, as a second ingest does; and still stores nothing.
        var dryAgain = Run("ingest", corpus, "--db", db, "--dry-run", "-f", "json");
        var realAgain = Run("ingest", corpus, "--db", db, "-f", "json");
        Assert.Equal(Comparable(realAgain.Out), Comparable(dryAgain.Out));
        Assert.Equal(46, Summary(dryAgain.Out).GetProperty("alreadyInLedger").GetInt32());

        // The text summary says it stored nothing; without a ledger (--db none) the counts are the same.
        var table = Run("ingest", corpus, "--db", "none", "--dry-run");
        Assert.True(table.Code == 0, table.Err);
        Assert.Contains("46 article(s) read: 46 new, 0 already in the ledger; 92 event(s) stored, 92 reported action(s) added", table.Out, StringComparison.Ordinal);
        Assert.Contains("dry run: nothing was stored", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadingOnSeveralThreads_GivesTheLedgerAndTheSummaryThatOneThreadGives()
    {
        var one = NewDb();
        if (one is null) return;
        var four = NewDb()!;
        var corpus = CorpusWithCopies(120, "threads");

        var a = Run("ingest", corpus, "--db", one, "--threads", "1", "-f", "json");
        var b = Run("ingest", corpus, "--db", four, "--threads", "4", "-f", "json");

        Assert.True(a.Code == 0 && b.Code == 0, a.Err + b.Err);
        Assert.Equal(Comparable(a.Out), Comparable(b.Out));
        Assert.Equal(Snapshot(one), Snapshot(four));
        // The same rows in the same order: each article's id, hash, and metadata (near copy, checks).
        Assert.Equal(Articles(one), Articles(four));
        var dry = Run("ingest", corpus, "--db", "none", "--dry-run", "--threads", "3", "-f", "json");
        Assert.Equal(Comparable(a.Out), Comparable(dry.Out));
        return;

        static List<string> Articles(string db)
        {
            using var store = LedgerStore.Open(db, SystemClock.Instance);
            var events = store.IngestedEvents().Select(e => $"{e.Id} {e.ArticleHash} {e.State} {e.Action} {e.ActionId}");
            return [.. store.IngestedArticles().Select(x => $"{x.Id} {x.ContentHash} {x.Title} {x.Metadata}"), .. events];
        }
    }

    [Fact]
    public void ThreadsBelowOne_AreRefused()
    {
        var db = NewDb();
        if (db is null) return;
        var run = Run("ingest", Corpus(1), "--db", db, "--threads", "0");
        Assert.Equal(2, run.Code);
        Assert.Contains("--threads", run.Err, StringComparison.Ordinal);
    }

    private static Dictionary<string, List<string>> SnapshotIfMigrated(string db)
    {
        using (var store = LedgerStore.Open(db, SystemClock.Instance))
        {
            if (store.SchemaVersion < LedgerStore.LatestSchemaVersion) return [];
        }

        return Snapshot(db);
    }

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Temp, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed class SqliteIngestCliTests : IngestCliTests
{
    private int _n;

    protected override string? NewDb() => $"sqlite:{Path.Combine(Temp, $"ledger{++_n}.db")}";
}

public sealed class PostgresIngestCliTests : IngestCliTests
{
    private readonly ThrowawayPostgres _postgres = new();

    protected override string? NewDb() => _postgres.NewDatabase("ingest_cli");

    public override void Dispose()
    {
        base.Dispose();
        _postgres.Dispose();
    }
}
