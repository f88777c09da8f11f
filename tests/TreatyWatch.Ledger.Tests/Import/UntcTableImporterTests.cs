using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Ledger.Import;

namespace TreatyWatch.Ledger.Tests.Import;

/// <summary>Small UN Treaty Collection tables, one per header variant and marker, and every kind of bad input.</summary>
public sealed class UntcTableImporterTests
{
    private static readonly UntcTableImporter Importer = new(TinyStates.All, [ImportPaths.Apmbc()]);

    private static UntcImportResult Import(string text, string file = "26-5.csv", string? treatyId = null) =>
        Importer.Import(file, text.ReplaceLineEndings("\n"), treatyId: treatyId);

    private static UntcImportResult Ok(string text, string file = "26-5.csv")
    {
        var r = Import(text, file);
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        return r;
    }

    private static (string State, ActionKind Kind, string Date, string? Note)[] Summary(UntcImportResult r) =>
        r.Actions.Select(a => (a.State, a.Kind, a.Date.ToString(), a.Note)).ToArray();

    [Fact]
    public void The_usual_header_maps_every_suffix_to_its_kind()
    {
        var r = Ok("""
            Participant,Signature,"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"
            Afghanistan,,11 Sep 2002 a
            Albania,8 Sep 1998,29 Feb 2000
            Austria,3 Dec 1997,29 Jun 1998 A
            Belgium,,12 Jan 1994 AA
            Serbia,,18 Sep 2003 d
            France,3 Dec 1997,
            """);

        Assert.Equal(
        [
            ("AFG", ActionKind.Accede, "2002-09-11", null),
            ("ALB", ActionKind.Sign, "1998-09-08", null),
            ("ALB", ActionKind.Ratify, "2000-02-29", null),
            ("AUT", ActionKind.Sign, "1997-12-03", null),
            ("AUT", ActionKind.Accept, "1998-06-29", null),
            ("BEL", ActionKind.Approve, "1994-01-12", null),
            ("SRB", ActionKind.Succeed, "2003-09-18", null),
            ("FRA", ActionKind.Sign, "1997-12-03", null),
        ], Summary(r));
        Assert.Equal(6, r.Report.Rows);
        Assert.Equal(3, r.Report.CountsByKind[ActionKind.Sign]);
        Assert.Equal(1, r.Report.CountsByKind[ActionKind.Accede]);
        Assert.Equal(8, r.Report.Actions);
        Assert.Equal([UntcColumnRole.Participant, UntcColumnRole.Signature, UntcColumnRole.Consent], r.Report.Columns.Select(c => c.Role));
    }

    [Fact]
    public void Actions_carry_the_treaty_a_depositary_source_the_day_and_where_they_came_from()
    {
        var r = Ok("""
            Participant,Signature,"Ratification, Accession(a)"
            Afghanistan,,11 Sep 2002 a
            """);

        Assert.Equal(new UntcTreatyRef("apmbc", "XXVI-5", ImportPaths.Apmbc().Title, null, true), r.Treaty);
        var a = Assert.Single(r.Actions);
        Assert.Equal("apmbc", a.TreatyId);
        Assert.Equal(new LocalDate(2002, 9, 11), a.Known);
        Assert.Equal(DatePrecision.Day, a.Date.Precision);
        Assert.Equal("26-5.csv:2", a.Origin);
        Assert.Equal("apmbc:untc-2015-xxvi-5:2.2", a.Id);
        var s = Assert.Single(a.Sources);
        Assert.Equal(SourceKind.Depositary, s.Kind);
        Assert.Equal("UN Treaty Collection, status of XXVI-5 (2015 table)", s.Title);
        Assert.Equal(Certainty.Official, a.Certainty);
        Assert.Same(r.Source, s);
    }

    [Fact]
    public void Acceptance_only_header()
    {
        var r = Ok("""
            Participant,Acceptance(A)
            France,15 Jul 1994 A
            """);
        Assert.Equal([("FRA", ActionKind.Accept, "1994-07-15", (string?)null)], Summary(r));
    }

    [Fact]
    public void Succession_to_signature_is_a_signature_with_a_note()
    {
        var r = Ok("""
            Participant,"Signature, Succession to signature(d)","Ratification, Accession(a), Succession(d)"
            Serbia,12 Mar 2001 d,31 Jul 2003
            """);
        Assert.Equal(
        [
            ("SRB", ActionKind.Sign, "2001-03-12", "UNTC marker 'd' in the signature column (succession to signature)"),
            ("SRB", ActionKind.Ratify, "2003-07-31", null),
        ], Summary(r));
        Assert.Equal(1, r.Report.Approximate);
    }

    [Fact]
    public void Provisional_application_is_skipped_and_counted()
    {
        var r = Ok("""
            Participant,Signature,Provisional application(n),"Ratification, Accession(a), Acceptance(A), Approval(AA)"
            Norway,1 Feb 2000,1 Feb 2000 n,3 Mar 2001
            Lithuania,,5 May 2005 n,
            """);
        Assert.Equal(
        [
            ("NOR", ActionKind.Sign, "2000-02-01", null),
            ("NOR", ActionKind.Ratify, "2001-03-03", null),
        ], Summary(r));
        Assert.Equal(UntcColumnRole.Provisional, r.Report.Columns[2].Role);
        Assert.Equal(2, r.Report.ProvisionalSkipped);
        Assert.Contains(r.Report.Notes, n => n.Contains("'Provisional application(n)'", StringComparison.Ordinal) && n.Contains("2 dates skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void A_provisional_marker_in_a_consent_column_is_skipped_too()
    {
        var r = Ok("""
            Participant,"Ratification, Accession(a)"
            Norway,1 Feb 2000 n
            """);
        Assert.Empty(r.Actions);
        Assert.Equal(1, r.Report.ProvisionalSkipped);
    }

    [Fact]
    public void Definitive_signature()
    {
        var r = Ok("""
            Participant,Signature,"Definitive signature(s), Acceptance(A)"
            Germany,,4 Apr 1984 s
            """);
        Assert.Equal([("DEU", ActionKind.DefinitiveSignature, "1984-04-04", (string?)null)], Summary(r));
    }

    [Fact]
    public void Formal_confirmation_is_the_closest_kind_with_the_marker_kept()
    {
        var r = Ok("""
            Participant,Signature,"Formal confirmation(c), Accession(a), Ratification"
            Lithuania,1 Jan 2000,2 Feb 2001 c
            """);
        Assert.Equal(
        [
            ("LTU", ActionKind.Sign, "2000-01-01", null),
            ("LTU", ActionKind.Ratify, "2001-02-02", "UNTC marker 'c' (formal confirmation)"),
        ], Summary(r));
        Assert.Contains(r.Report.Notes, n => n == "UNTC marker 'c' (formal confirmation): 1 action");
    }

    [Fact]
    public void Signature_ad_referendum_and_its_confirmation_are_signatures()
    {
        var r = Ok("""
            Participant,"Signature, Signature ad referendum (s)",Confirmation of signature ad referendum(C),"Ratification, Acceptance(A), Accession(a)",Notification under article 21 (1)
            Afghanistan,13 Sep 1983 s,28 Mar 1984 C,6 Jul 1988,
            Albania,13 Sep 1983,,11 Sep 1987,22 Dec 1992
            """);
        Assert.Equal(
        [
            ("AFG", ActionKind.Sign, "1983-09-13", "UNTC marker 's' (signature ad referendum)"),
            ("AFG", ActionKind.Sign, "1984-03-28", "UNTC marker 'C' (confirmation of signature ad referendum) in the signature column"),
            ("AFG", ActionKind.Ratify, "1988-07-06", null),
            ("ALB", ActionKind.Sign, "1983-09-13", null),
            ("ALB", ActionKind.Ratify, "1987-09-11", null),
        ], Summary(r));
        Assert.Equal(UntcColumnRole.Other, r.Report.Columns[4].Role);
        Assert.Equal(1, r.Report.IgnoredCells);
    }

    [Fact]
    public void Consent_to_be_bound_and_participation_markers()
    {
        var r = Ok("""
            Participant,"Succession(d), Consent to be bound(P)"
            Albania,28 Aug 2002 P
            Serbia,12 Mar 2001 d
            """);
        Assert.Equal(
        [
            ("ALB", ActionKind.Accept, "2002-08-28", "UNTC marker 'P' (consent to be bound)"),
            ("SRB", ActionKind.Succeed, "2001-03-12", null),
        ], Summary(r));

        var p = Ok("""
            Participant,Signature,"Participation under article XI of the Protocol of 11 April 1980(P), Accession(a), Succession(d), Ratification"
            Belgium,14 Jun 1974,23 Jan 1997 P
            """);
        Assert.Equal(ActionKind.Accede, p.Actions[1].Kind);
        Assert.Equal("UNTC marker 'P' (participation under article XI of the Protocol of 11 April 1980)", p.Actions[1].Note);
    }

    [Fact]
    public void Simplified_procedure()
    {
        var r = Ok("""
            Participant,Signature,"Simplified procedure(p), Formal confirmation(c), Definitive signature(s), Accession(a), Succession(d), Ratification, Consent to be bound(P)"
            Austria,29 Jul 1994,28 Jul 1995 p
            """);
        Assert.Equal(("AUT", ActionKind.DefinitiveSignature, "1995-07-28", "UNTC marker 'p' (simplified procedure)"), Summary(r)[1]);
    }

    [Fact]
    public void Application_of_an_annex_is_the_closest_kind_accept()
    {
        var r = Ok("""
            Participant,Application
            Albania,4 Oct 2007
            """, "3-2-1.csv");
        Assert.Equal([("ALB", ActionKind.Accept, "2007-10-04", (string?)"UNTC act 'Application' recorded as accept")], Summary(r));
        Assert.Equal("untc-iii-2-1", r.Treaty!.Id);
    }

    [Fact]
    public void A_column_listing_several_unmarked_acts_is_flagged_ambiguous()
    {
        var r = Ok("""
            Participant,"Definitive signature of the Protocol, Acceptance of the Protocol"
            France,17 Mar 1949
            """, "7-1.csv");
        var a = Assert.Single(r.Actions);
        Assert.Equal(ActionKind.DefinitiveSignature, a.Kind);
        Assert.Contains("does not mark which of these acts", a.Note, StringComparison.Ordinal);
        Assert.Equal(1, r.Report.Ambiguous);
    }

    [Fact]
    public void A_table_without_status_columns_imports_nothing_and_says_why()
    {
        var r = Ok("""
            Participant,Resolution,Date of Adoption,Registration Date,Registration Number,UNTS Volume,UNTS Page
            Albania,995 (X),14 Dec 1955,14 Dec 1955,3050,223,51
            """, "1-2.csv");
        Assert.Empty(r.Actions);
        Assert.Equal(6, r.Report.IgnoredCells);
        Assert.Contains(r.Report.Notes, n => n.Contains("'UNTS Volume' is not a signature or an act of consent", StringComparison.Ordinal));
        Assert.Contains("the table has no signature or consent column: nothing to import", r.Report.Notes);
    }

    [Fact]
    public void Non_state_participants_are_skipped_and_reported()
    {
        var r = Ok("""
            Participant,Provisional acceptance/accession,Definitive acceptance
            Belgium,6 Nov 1991,
            European Union,,6 Nov 1991
            World Health Organization,,7 Nov 1991
            France,26 Nov 1991,7 Aug 1992
            """, "19-34.csv");
        Assert.Equal(
        [
            ("FRA", ActionKind.Accept, "1992-08-07", null),
        ], Summary(r));
        Assert.Equal(
        [
            new SkippedParticipant("European Union", "regional organisation", 3, 1),
            new SkippedParticipant("World Health Organization", "international organisation", 4, 1),
        ], r.Report.SkippedNonStates);
        Assert.Equal(2, r.Report.ProvisionalSkipped);
        Assert.Contains("skipped non-state participant 'European Union' (regional organisation) at 19-34.csv:3", r.Report.Notes);
    }

    [Fact]
    public void Footnote_numbers_after_a_name_are_stripped()
    {
        var r = Ok("""
            Participant,Signature,"Ratification, Accession(a)"
            "Germany 2,3",3 Dec 1997,23 Jul 1998
            Bolivia 4,,9 Jun 1998
            Serbia5,,18 Sep 2003 a
            """);
        Assert.Equal(["DEU", "DEU", "BOL", "SRB"], r.Actions.Select(a => a.State));
        Assert.Equal(3, r.Report.FootnotesStripped);
    }

    [Fact]
    public void Names_match_case_and_accent_insensitively_through_aliases()
    {
        var r = Ok("""
            Participant,"Ratification, Accession(a)"
            COTE D'IVOIRE,30 Jun 2000
            cote d’ivoire,1 Jul 2000
            Turkey,25 Sep 2003 a
            Moldova,8 Sep 2000
            """);
        Assert.Equal(["CIV", "CIV", "TUR", "MDA"], r.Actions.Select(a => a.State));
        Assert.Contains(r.Report.Notes, n => n.StartsWith("CIV is listed twice", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_participant_is_an_error_naming_file_and_line_and_nothing_is_returned()
    {
        var r = Import("""
            Participant,Signature,"Ratification, Accession(a)"
            Albania,8 Sep 1998,29 Feb 2000
            Xyzland,,1 Jan 2001 a
            Austria,3 Dec 1997,29 Jun 1998
            """);
        Assert.False(r.Ok);
        Assert.Empty(r.Actions);
        var e = Assert.Single(r.Errors);
        Assert.Equal(("26-5.csv", 3), (e.File, e.Line));
        Assert.Contains("unknown participant 'Xyzland' at 26-5.csv:3; add it to states.csv aliases", e.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("26-5.csv:3: ", e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30 Feb 2001", "'30 Feb 2001' does not exist: February 2001 has 28 days")]
    [InlineData("29 Feb 1999 a", "'29 Feb 1999 a' does not exist: February 1999 has 28 days")]
    [InlineData("31 Apr 2001", "'31 Apr 2001' does not exist: April 2001 has 30 days")]
    [InlineData("12 Foo 2001", "'12 Foo 2001': 'Foo' is not a month")]
    [InlineData("2001-02-03", "'2001-02-03' is not a date such as '11 Sep 2002'")]
    [InlineData("1 Jan 2001 x", "'1 Jan 2001 x': unknown marker 'x'")]
    public void A_bad_date_is_an_error_naming_file_line_and_cell(string cell, string expected)
    {
        var r = Import($"""
            Participant,Signature,"Ratification, Accession(a)"
            Albania,8 Sep 1998,29 Feb 2000
            Austria,,{cell}
            """);
        Assert.Empty(r.Actions);
        var e = Assert.Single(r.Errors);
        Assert.Equal(("26-5.csv", 3), (e.File, e.Line));
        Assert.Contains(expected, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_impossible_date_in_a_provisional_column_or_a_non_state_row_is_still_an_error()
    {
        var r = Import("""
            Participant,Signature,Provisional application(n),"Ratification, Accession(a)"
            Albania,8 Sep 1998,30 Feb 2001 n,
            European Union,31 Jun 2000,,
            """);
        Assert.Equal([2, 3], r.Errors.Select(e => e.Line));
        Assert.Empty(r.Actions);
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_with_its_line()
    {
        var r = Import("""
            Participant,Signature,"Ratification, Accession(a)"
            Albania,8 Sep 1998,29 Feb 2000
            "Austria,3 Dec 1997,29 Jun 1998
            """);
        Assert.Empty(r.Actions);
        var e = Assert.Single(r.Errors);
        Assert.Equal(3, e.Line);
        Assert.Contains("never closed", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_field_count_is_an_error_with_its_line()
    {
        var r = Import("""
            Participant,Signature,"Ratification, Accession(a)"
            Albania,8 Sep 1998,29 Feb 2000
            Austria,3 Dec 1997,29 Jun 1998,extra
            """);
        Assert.Empty(r.Actions);
        var e = Assert.Single(r.Errors);
        Assert.Equal("26-5.csv:3: 4 fields where the header has 3", e.ToString());
    }

    [Fact]
    public void A_table_without_a_participant_column_is_refused()
    {
        var r = Import("""
            Country,Signature
            Albania,8 Sep 1998
            """);
        Assert.Equal("26-5.csv:1: no 'Participant' column: this is not a UN Treaty Collection status table", Assert.Single(r.Errors).ToString());
    }

    [Fact]
    public void A_table_whose_treaty_cannot_be_identified_is_refused()
    {
        const string table = """
            Participant,Signature
            Albania,8 Sep 1998
            """;
        var r = Import(table, "status.csv");
        Assert.False(r.Ok);
        Assert.Empty(r.Actions);
        Assert.Null(r.Treaty);
        var e = Assert.Single(r.Errors);
        Assert.Equal(("status.csv", 1), (e.File, e.Line));
        Assert.Contains("cannot be identified", e.Reason, StringComparison.Ordinal);

        var given = Import(table, "status.csv", treatyId: "apmbc");
        Assert.True(given.Ok);
        Assert.Equal("apmbc", given.Treaty!.Id);
        Assert.True(given.Treaty.HasRules);
        Assert.Equal("XXVI-5", given.Treaty.Reference);
    }

    [Fact]
    public void A_table_maps_to_the_bundled_treaty_with_its_reference_or_to_a_new_id_without_rules()
    {
        const string table = """
            Participant,Signature
            Albania,8 Sep 1998
            """;
        Assert.Equal("apmbc", Import(table, "treaties/26-5.csv").Treaty!.Id);

        var r = Import(table, "27-7-a.csv");
        Assert.Equal(new UntcTreatyRef("untc-xxvii-7-a", "XXVII-7-a", null, null, false), r.Treaty);
        Assert.Contains(r.Report.Notes, n => n.StartsWith("treaty 'untc-xxvii-7-a' has no rules yet: its actions are carried, and its effective dates cannot be computed", StringComparison.Ordinal));
        Assert.Equal("untc-2015-xxvii-7-a", r.Source!.Key);

        var mismatch = Import(table, "26-6.csv", treatyId: "apmbc");
        Assert.Equal("26-6.csv:1: the table is UNTC XXVI-6, but treaty 'apmbc' is UNTC XXVI-5 (untc: in its definition)", Assert.Single(mismatch.Errors).ToString());

        var badId = Import(table, "26-6.csv", treatyId: "Not An Id");
        Assert.False(badId.Ok);
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_at_once()
    {
        var r = Import("""
            Participant,Signature,"Ratification, Accession(a)"
            Xyzland,,1 Jan 2001 a
            Albania,30 Feb 2001,
            Abcland,,
            """);
        Assert.Equal([2, 3, 4], r.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_read()
    {
        var r = Importer.Import("26-5.csv", "\uFEFFParticipant,Signature,\"Ratification, Accession(a)\"\r\nAlbania,8 Sep 1998,29 Feb 2000\r\n\r\nAfghanistan,,11 Sep 2002 a\r\n");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal(["26-5.csv:2", "26-5.csv:2", "26-5.csv:4"], r.Actions.Select(a => a.Origin));
        Assert.Equal(UntcColumnRole.Participant, r.Report.Columns[0].Role);
    }

    [Fact]
    public void The_edition_names_the_source()
    {
        var importer = new UntcTableImporter(TinyStates.All, [], new UntcImportOptions("2026", PartialDate.OfMonth(2026, 1)));
        var r = importer.Import("26-5.csv", "Participant,Signature\nAlbania,8 Sep 1998\n");
        Assert.Equal(new TreatyWatch.Engine.Actions.Source("untc-2026-xxvi-5", SourceKind.Depositary, "UN Treaty Collection, status of XXVI-5 (2026 table)", null, PartialDate.OfMonth(2026, 1)), r.Source);
        Assert.Equal("untc-xxvi-5", r.Treaty!.Id);
    }
}
