using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger.Export;
using TreatyWatch.Ledger.Import;
using TreatyWatch.Ledger.Tests.Import;

namespace TreatyWatch.Ledger.Tests.Export;

/// <summary>Every field through both formats, and every bad input named by file and line.</summary>
public sealed class ProjectFormatTests
{
    private static readonly Source Cn = new("cn1", SourceKind.Depositary, "C.N.1.2025.TREATIES-XXVI.5 (depositary notification)", "https://example.org/cn1", PartialDate.Parse("2025-01-02"))
    {
        CnNumber = "C.N.1.2025.TREATIES-XXVI.5",
    };

    private static readonly Source News = new("news1", SourceKind.News, "A report, with \"quotes\", commas\nand a line break", null, PartialDate.Parse("2025-04"))
    {
        Outlet = "example-outlet.lt", Quote = "The Seimas voted \"for\", 107 to 0, to leave the convention — a step, not yet law.", QuoteStart = 1024, QuoteEnd = 1105,
    };
    private static readonly Source Web = new("https://example.org/web", SourceKind.Web, "https://example.org/web", "https://example.org/web", null);

    private static TreatyAction A(string id, string state, ActionKind kind, string date) => new()
    {
        Id = id, TreatyId = "apmbc", State = state, Kind = kind, Date = PartialDate.Parse(date), Known = PartialDate.Parse(date).LastDay, Sources = [Cn],
    };

    /// <summary>One action per field that has a value, in the order the loader would give ids.</summary>
    private static ProjectData Rich() => ProjectData.FromActions(
    [
        A("apmbc:2", "LTU", ActionKind.Ratify, "2003-05-12"),
        A("lt-vote", "LTU", ActionKind.ParliamentVoteWithdraw, "2025-04") with
        {
            Known = new LocalDate(2025, 5, 8), Votes = new Votes(107, 0, 3, 85), Sources = [News, Web, Cn], By = "Seimas",
            Note = "a note with \"quotes\", commas\nand a second line",
        },
        A("apmbc:4", "FIN", ActionKind.DepositWithdrawal, "2025-07-10") with { Effective = new LocalDate(2026, 1, 10), Known = new LocalDate(2025, 7, 11) },
        A("fix", "FIN", ActionKind.DepositWithdrawal, "2025-07-10") with { Supersedes = "apmbc:4", Effective = new LocalDate(2026, 1, 10) },
        A("apmbc:6", "POL", ActionKind.ParliamentVoteWithdraw, "2025") with { Votes = new Votes(413, 1, null, null), Sources = [News] },
        A("apmbc:7", "LVA", ActionKind.SenateVote, "2025-06") with { Votes = new Votes(null, null, null, 51), Sources = [Web] },
        A("ukr", "UKR", ActionKind.Suspend, "2025-07-18"),
        A("apmbc:9", "NOR", ActionKind.Object, "2025") with { ObjectsTo = "ukr", Known = new LocalDate(2025, 12, 5) },
    ]);

    [Fact]
    public void Every_field_survives_csv_and_json()
    {
        var states = ImportPaths.Catalog.States;
        var data = Rich();
        var csv = ProjectExport.ToCsv(data);
        var actionsCsv = csv.Single(f => f.Path == "actions/apmbc.csv").Text;
        Assert.Equal("""
            state,action,date,known,detail,source,note
            LTU,ratify,2003-05-12,,,cn1,
            LTU,parliament_vote_withdraw,2025-04,2025-05-08,id=lt-vote;votes=107-0-3;threshold=85;by=Seimas,news1;https://example.org/web;cn1,"a note with ""quotes"", commas
            and a second line"
            FIN,deposit_withdrawal,2025-07-10,2025-07-11,id=apmbc:4;effective=2026-01-10,cn1,
            FIN,deposit_withdrawal,2025-07-10,,id=fix;supersedes=apmbc:4;effective=2026-01-10,cn1,
            POL,parliament_vote_withdraw,2025,,id=apmbc:6;votes=413-1,news1,
            LVA,senate_vote,2025-06,,id=apmbc:7;threshold=51,https://example.org/web,
            UKR,suspend,2025-07-18,,id=ukr,cn1,
            NOR,object,2025,2025-12-05,id=apmbc:9;objects-to=ukr,cn1,

            """.ReplaceLineEndings("\n"), actionsCsv);

        Assert.Equal("""
            key,kind,title,url,published,cn_number,outlet,quote,quote_start,quote_end
            cn1,depositary,C.N.1.2025.TREATIES-XXVI.5 (depositary notification),https://example.org/cn1,2025-01-02,C.N.1.2025.TREATIES-XXVI.5,,,,
            news1,news,"A report, with ""quotes"", commas
            and a line break",,2025-04,,example-outlet.lt,"The Seimas voted ""for"", 107 to 0, to leave the convention — a step, not yet law.",1024,1105

            """.ReplaceLineEndings("\n"), csv.Single(f => f.Path == "sources/apmbc.csv").Text);

        var fromCsv = ProjectImport.FromCsv(csv, states);
        var fromJson = ProjectImport.FromJson("rich.json", ProjectExport.ToJson(data), states);
        Assert.Equal([Cn, News], fromCsv.Sources);
        Assert.Equal([Cn, News], fromJson.Sources);
        var expected = data.Treaties.Single().Actions.Select(a => ProjectRoundTripTests.Fields(a with { Origin = null }));
        Assert.Equal(expected, fromCsv.Treaties.Single().Actions.Select(a => ProjectRoundTripTests.Fields(a with { Origin = null })));
        Assert.Equal(expected, fromJson.Treaties.Single().Actions.Select(a => ProjectRoundTripTests.Fields(a with { Origin = null })));
        Assert.Equal(["cn1", "news1"], fromJson.Sources.Select(s => s.Key));
        Assert.Equal(csv.Select(f => f.Text), ProjectExport.ToCsv(fromCsv).Select(f => f.Text));
        Assert.Equal(csv.Select(f => f.Text), ProjectExport.ToCsv(fromJson).Select(f => f.Text));
    }

    [Fact]
    public void The_json_document_has_treaties_with_actions_and_sources()
    {
        var json = ProjectExport.ToJson(Rich());
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(["treaties", "sources"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var action = doc.RootElement.GetProperty("treaties")[0].GetProperty("actions")[1];
        Assert.Equal(
            ["id", "state", "action", "date", "known", "sources", "votes", "effective", "supersedes", "by", "objectsTo", "note", "origin"],
            action.EnumerateObject().Select(p => p.Name));
        Assert.Equal("lt-vote", action.GetProperty("id").GetString());
        Assert.Equal(85, action.GetProperty("votes").GetProperty("required").GetInt32());
        Assert.Equal("2025-05-08", action.GetProperty("known").GetString());
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Treaties_and_sources_are_written_in_one_order_whatever_order_they_come_in()
    {
        var data = ProjectData.FromCatalog(ImportPaths.Catalog, ["ccm", "apmbc"]);
        var reversed = data with { Treaties = data.Treaties.Reverse().ToList(), Sources = data.Sources.Reverse().ToList() };
        Assert.Equal(ProjectExport.ToJson(data), ProjectExport.ToJson(reversed));
        Assert.Equal(ProjectExport.ToCsv(data).Select(f => f.Path + f.Text), ProjectExport.ToCsv(reversed).Select(f => f.Path + f.Text));
    }

    [Fact]
    public void What_csv_cannot_carry_is_refused_at_export()
    {
        var data = ProjectData.FromActions([A("apmbc:2", "LTU", ActionKind.Ratify, "2003-05-12") with { By = "the Seimas; the President" }]);
        var e = Assert.Throws<ArgumentException>(() => ProjectExport.ToCsv(data));
        Assert.Contains("export as JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("the Seimas; the President", ProjectExport.ToJson(data), StringComparison.Ordinal);
    }

    private static DataException CsvError(string actions, string sources = "key,kind,title,url,published\ncn1,depositary,A notification,,\n") =>
        Assert.Throws<DataException>(() => ProjectImport.FromCsv(
            [new DataFile("actions/apmbc.csv", actions), new DataFile("sources/apmbc.csv", sources)], ImportPaths.Catalog.States));

    [Theory]
    [InlineData("XXX,ratify,2003-05-12,,,cn1,", "actions/apmbc.csv:2: state 'XXX' is not in states/states.csv")]
    [InlineData("LTU,ratified,2003-05-12,,,cn1,", "actions/apmbc.csv:2: action 'ratified' is not one of")]
    [InlineData("LTU,ratify,2003-02-30,,,cn1,", "actions/apmbc.csv:2: date: '2003-02-30' does not exist: February 2003 has 28 days")]
    [InlineData("LTU,ratify,2003-05,,,cn1,", "actions/apmbc.csv:2: ratify is a depositary act: its date needs a day, not '2003-05'")]
    [InlineData("LTU,ratify,2003-05-12,2003-05-11,,cn1,", "actions/apmbc.csv:2: known 2003-05-11 is before the act's date 2003-05-12")]
    [InlineData("LTU,ratify,2003-05-12,,,cn9,", "actions/apmbc.csv:2: source 'cn9' is not defined in sources/*.csv")]
    [InlineData("LTU,ratify,2003-05-12,,,,", "actions/apmbc.csv:2: every action needs a source")]
    [InlineData("LTU,ratify,2003-05-12,,votes=lots,cn1,", "actions/apmbc.csv:2: votes 'lots' is not for-against[-abstain]")]
    [InlineData("LTU,ratify,2003-05-12,,colour=red,cn1,", "actions/apmbc.csv:2: unknown detail key 'colour'")]
    [InlineData("LTU,ratify,2003-05-12,,supersedes=nothing,cn1,", "actions/apmbc.csv:2: supersedes 'nothing', which is not an id of treaty 'apmbc'")]
    [InlineData("LTU,ratify,2003-05-12,,,cn1", "actions/apmbc.csv:2: 6 fields where the header has 7")]
    [InlineData("LTU,ratify,2003-05-12,,,cn1,\"unclosed", "actions/apmbc.csv:2: a quoted field is never closed")]
    public void A_bad_csv_row_is_named_by_file_and_line(string row, string expected)
    {
        var e = CsvError($"state,action,date,known,detail,source,note\n{row}\n");
        Assert.StartsWith(expected, Assert.Single(e.Errors).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cn1,depositary,A,,,,,,x,", "sources/apmbc.csv:2: quote_start 'x' is not a whole number of characters (0 or more)")]
    [InlineData("cn1,depositary,A,,,,,,-3,", "sources/apmbc.csv:2: quote_start '-3' is not a whole number of characters (0 or more)")]
    [InlineData("cn1,depositary,A,,,,,,40,12", "sources/apmbc.csv:2: quote_end 12 is before quote_start 40")]
    public void A_bad_source_detail_is_named_by_file_and_line(string row, string expected)
    {
        var e = CsvError("state,action,date,known,detail,source,note\nLTU,ratify,2003-05-12,,,cn1,\n", $"key,kind,title,url,published,cn_number,outlet,quote,quote_start,quote_end\n{row}\n");
        Assert.Equal(expected, Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Sources_files_without_the_detail_columns_read_as_before()
    {
        var data = ProjectImport.FromCsv(
            [new DataFile("actions/apmbc.csv", "state,action,date,known,detail,source,note\nLTU,ratify,2003-05-12,,,cn1,\n"), new DataFile("sources/apmbc.csv", "key,kind,title,url,published\ncn1,depositary,A notification,,\n")],
            ImportPaths.Catalog.States);
        var s = data.Sources.Single();
        Assert.Equal(new Source("cn1", SourceKind.Depositary, "A notification", null, null), s);
        Assert.Equal("key,kind,title,url,published\ncn1,depositary,A notification,,\n", ProjectExport.SourcesCsv([s]));
    }

    [Fact]
    public void Duplicate_ids_and_source_keys_are_refused()
    {
        var e = CsvError("state,action,date,known,detail,source,note\nLTU,ratify,2003-05-12,,id=x,cn1,\nLTU,sign,1999-02-26,,id=x,cn1,\n",
            "key,kind,title,url,published\ncn1,depositary,A,,\ncn1,news,B,,\n");
        Assert.Equal(["sources/apmbc.csv:3: source key 'cn1' is defined twice", "actions/apmbc.csv:3: id 'x' is used twice"], e.Errors.Select(x => x.ToString()));
    }

    [Fact]
    public void Sources_on_record_may_be_cited_without_being_in_the_files()
    {
        var known = new Dictionary<string, Source> { ["cn1"] = Cn };
        var data = ProjectImport.FromCsv([new DataFile("actions/apmbc.csv", "state,action,date,known,detail,source,note\nLTU,ratify,2003-05-12,,,cn1,\n")], ImportPaths.Catalog.States, known);
        Assert.Same(Cn, data.Treaties.Single().Actions.Single().Sources.Single());
    }

    private static DataError JsonError(string json) =>
        Assert.Single(Assert.Throws<DataException>(() => ProjectImport.FromJson("export.json", json.ReplaceLineEndings("\n"), ImportPaths.Catalog.States)).Errors);

    private const string Good = """
        {
          "treaties": [
            {
              "id": "apmbc",
              "actions": [
                {
                  "id": "a1",
                  "state": "LTU",
                  "action": "ratify",
                  "date": "2003-05-12",
                  "sources": ["cn1"]
                }
              ]
            }
          ],
          "sources": [
            { "key": "cn1", "kind": "depositary", "title": "A notification", "url": null, "published": null }
          ]
        }
        """;

    [Fact]
    public void A_minimal_json_document_reads_with_defaults()
    {
        var data = ProjectImport.FromJson("export.json", Good, ImportPaths.Catalog.States);
        var a = data.Treaties.Single().Actions.Single();
        Assert.Equal(("a1", "LTU", ActionKind.Ratify, new LocalDate(2003, 5, 12)), (a.Id, a.State, a.Kind, a.Known));
        Assert.Null(a.Votes);
        Assert.Null(a.Origin);
    }

    [Theory]
    [InlineData("\"state\": \"LTU\"", "\"state\": \"XXX\"", 8, "state 'XXX' is not in states/states.csv")]
    [InlineData("\"date\": \"2003-05-12\"", "\"date\": \"2003-02-30\"", 10, "date: '2003-02-30' does not exist")]
    [InlineData("\"sources\": [\"cn1\"]", "\"sources\": [\"cn2\"]", 11, "source 'cn2' is not defined")]
    [InlineData("\"sources\": [\"cn1\"]", "\"sources\": [\"cn1\"], \"colour\": \"red\"", 11, "an action: unknown field 'colour'")]
    [InlineData("\"date\": \"2003-05-12\"", "\"date\": 2003", 10, "an action: 'date' must be a string, not the number 2003")]
    [InlineData("\"id\": \"a1\",", "", 6, "an action: 'id' is required")]
    [InlineData("\"kind\": \"depositary\"", "\"kind\": \"rumour\"", 17, "kind 'rumour' is not one of")]
    [InlineData("\"id\": \"apmbc\"", "\"id\": \"APMBC\"", 4, "'APMBC' is not a treaty id")]
    [InlineData("\"sources\": [\"cn1\"]\n", "\"sources\": [\"cn1\"],\n", 12, "not valid JSON")]
    [InlineData("{\n  \"treaties\"", "{\n  \"version\": 2,\n  \"treaties\"", 2, "the document: unknown field 'version'")]
    [InlineData("\"published\": null }", "\"published\": null, \"quoteStart\": \"x\" }", 17, "a source: 'quoteStart' must be a whole number, not")]
    [InlineData("\"published\": null }", "\"published\": null, \"quoteStart\": -1 }", 17, "a source: 'quoteStart' -1 is below 0")]
    [InlineData("\"published\": null }", "\"published\": null, \"quoteStart\": 9, \"quoteEnd\": 3 }", 17, "a source: 'quoteEnd' 3 is before 'quoteStart' 9")]
    public void A_bad_json_action_is_named_by_file_and_line(string replace, string with, int line, string reason)
    {
        var e = JsonError(Good.ReplaceLineEndings("\n").Replace(replace, with, StringComparison.Ordinal));
        Assert.Equal("export.json", e.File);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
    }
}
