using TreatyWatch.Engine.Actions;
using TreatyWatch.Ledger.Import;

namespace TreatyWatch.Ledger.Tests.Import;

/// <summary>Headers as the 324 tables print them, and what each column is read as.</summary>
public sealed class UntcColumnsTests
{
    [Theory]
    [InlineData("Participant", UntcColumnRole.Participant)]
    [InlineData("Signature", UntcColumnRole.Signature)]
    [InlineData("Signature, Succession to signature(d)", UntcColumnRole.Signature)]
    [InlineData("Signature ad referendum (s)", UntcColumnRole.Signature)]
    [InlineData("Signature, Signature ad referendum (s)", UntcColumnRole.Signature)]
    [InlineData("Confirmation of signature ad referendum(C)", UntcColumnRole.Signature)]
    [InlineData("Signature by non-regional members under Section 3 (c) (i) of resolution 07-79", UntcColumnRole.Signature)]
    [InlineData("Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)", UntcColumnRole.Consent)]
    [InlineData("Acceptance(A)", UntcColumnRole.Consent)]
    [InlineData("Accession(a), Succession(d)", UntcColumnRole.Consent)]
    [InlineData("Definitive signature(s), Acceptance(A), Succession(d)", UntcColumnRole.Consent)]
    [InlineData("Definitive signature(s), Confirmation of signature", UntcColumnRole.Consent)]
    [InlineData("Formal confirmation(c), Accession(a), Ratification", UntcColumnRole.Consent)]
    [InlineData("Succession(d), Consent to be bound(P)", UntcColumnRole.Consent)]
    [InlineData("Simplified procedure(p), Formal confirmation(c), Definitive signature(s), Accession(a), Succession(d), Ratification, Consent to be bound(P)", UntcColumnRole.Consent)]
    [InlineData("Application", UntcColumnRole.Consent)]
    [InlineData("Definitive acceptance", UntcColumnRole.Consent)]
    [InlineData("Participation in the Convention by virtue of ratification, accession or succession to the Protocol of 25 March 1972 or to the 1961 Convention after the entry into force of the Protocol", UntcColumnRole.Consent)]
    [InlineData("Provisional application(n)", UntcColumnRole.Provisional)]
    [InlineData("Provisional application under article 23(n)", UntcColumnRole.Provisional)]
    [InlineData("Provisional acceptance", UntcColumnRole.Provisional)]
    [InlineData("Provisional acceptance/accession", UntcColumnRole.Provisional)]
    [InlineData("Undertaking of provisional application in accordance with article 31", UntcColumnRole.Provisional)]
    [InlineData("Notification of non-provisional application under article 7 (1) (b)", UntcColumnRole.Other)]
    [InlineData("Notification under article 25", UntcColumnRole.Other)]
    [InlineData("Extension", UntcColumnRole.Other)]
    [InlineData("Resolution", UntcColumnRole.Other)]
    [InlineData("Date of Adoption", UntcColumnRole.Other)]
    [InlineData("UNTS Volume", UntcColumnRole.Other)]
    public void Headers_are_classified(string header, UntcColumnRole role) =>
        Assert.Equal(role, UntcColumns.Classify(1, header).Role);

    [Fact]
    public void Items_split_at_commas_but_not_inside_parentheses_or_before_a_lower_case_word()
    {
        var items = UntcColumns.Items(
            "Definitive signature of the Protocol, Succession to the Convention and the Protocol, Acceptance ipso facto by virtue of article 10 (1) of the Convention of 12 September 1923, as amended(A)");
        Assert.Equal(
        [
            new UntcHeaderItem("Definitive signature of the Protocol", null),
            new UntcHeaderItem("Succession to the Convention and the Protocol", null),
            new UntcHeaderItem("Acceptance ipso facto by virtue of article 10 (1) of the Convention of 12 September 1923, as amended", "A"),
        ], items);
        Assert.Equal(new UntcHeaderItem("Participation under articles 3 (2) and (3)", "P"), UntcColumns.Items("Ratification, Participation under articles 3 (2) and (3)(P)")[1]);
        Assert.Equal(new UntcHeaderItem("Signature ad referendum", "s"), UntcColumns.Items("Signature ad referendum (s)")[0]);
    }

    [Theory]
    [InlineData("Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)", null, ActionKind.Ratify)]
    [InlineData("Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)", "a", ActionKind.Accede)]
    [InlineData("Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)", "A", ActionKind.Accept)]
    [InlineData("Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)", "AA", ActionKind.Approve)]
    [InlineData("Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)", "d", ActionKind.Succeed)]
    [InlineData("Definitive signature(s), Acceptance(A)", "s", ActionKind.DefinitiveSignature)]
    [InlineData("Ratification of the Convention as amended, Accession to the Convention as amended(a)", null, ActionKind.Ratify)]
    [InlineData("Definitive acceptance", null, ActionKind.Accept)]
    [InlineData("Signature", null, ActionKind.Sign)]
    [InlineData("Signature, Succession to signature(d)", "d", ActionKind.Sign)]
    [InlineData("Formal confirmation(c), Accession(a), Ratification", "c", ActionKind.Ratify)]
    [InlineData("Simplified procedure(p), Ratification", "p", ActionKind.DefinitiveSignature)]
    [InlineData("Definitive signature or acceptance of the Protocol", null, ActionKind.DefinitiveSignature)]
    public void Markers_and_unmarked_dates_map_to_kinds(string header, string? marker, ActionKind kind) =>
        Assert.Equal(kind, UntcColumns.Meaning(UntcColumns.Classify(1, header), marker).Kind);

    [Fact]
    public void Only_approximate_or_ambiguous_kinds_carry_a_note()
    {
        var usual = UntcColumns.Classify(2, "Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)");
        Assert.All(new string?[] { null, "a", "A", "AA", "d" }, m => Assert.Null(UntcColumns.Meaning(usual, m).Note));
        var either = UntcColumns.Meaning(UntcColumns.Classify(1, "Definitive signature or acceptance of the Protocol"), null);
        Assert.True(either.Ambiguous);
        Assert.Null(UntcColumns.Meaning(UntcColumns.Classify(1, "Provisional application(n)"), "n").Kind);
    }
}
