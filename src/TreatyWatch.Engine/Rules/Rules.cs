using NodaTime;

namespace TreatyWatch.Engine.Rules;

/// <summary>Where a rule comes from: the article it cites and the words it was written in.</summary>
/// <param name="Article">"Art. 17(1)".</param>
/// <param name="Text">The rule as written in the definition file.</param>
/// <param name="Line">Line in the definition file.</param>
public sealed record RuleOrigin(string Article, string Text, int Line);

/// <summary>How the treaty as a whole enters into force.</summary>
public abstract record EntryIntoForceRule(RuleOrigin Origin)
{
    /// <summary>In force by a count of instruments: "first day of the 6th month after the month of the 40th instrument".</summary>
    /// <param name="Count">N: the Nth instrument.</param>
    /// <param name="Expression">Applied to the date of the Nth instrument.</param>
    /// <param name="RequiredStates">States whose instruments must be among them (NPT: the depositaries); the count is reached at the first deposit where both hold.</param>
    /// <param name="NotBefore">A floor ("in no case earlier than two years after opening for signature").</param>
    public sealed record AfterInstruments(RuleOrigin Origin, int Count, DateExpression Expression, IReadOnlyList<string> RequiredStates, LocalDate? NotBefore)
        : EntryIntoForceRule(Origin);

    /// <summary>In force once every state of a named annex has deposited (CTBT Annex 2).</summary>
    public sealed record AfterAnnexStates(RuleOrigin Origin, IReadOnlyList<string> AnnexStates, DateExpression Expression, LocalDate? NotBefore)
        : EntryIntoForceRule(Origin);

    /// <summary>A date stated by the depositary because the condition is not a count of instruments (emissions shares).</summary>
    public sealed record Stated(RuleOrigin Origin, LocalDate Date, string Because, string? Source) : EntryIntoForceRule(Origin);
}

/// <summary>Which instruments the "later state" rule applies to.</summary>
public enum LaterStateCutoff
{
    /// <summary>Instruments deposited after the date of the Nth instrument (APMBC Art. 17(2)).</summary>
    AfterNthInstrument,
    /// <summary>Instruments deposited after the treaty entered into force (CWC Art. XXI(2)).</summary>
    AfterEntryIntoForce,
}

/// <summary>Entry into force for a state that deposits later: "first day of the 6th month after deposit, for instruments after the 40th".</summary>
public sealed record StateEntryIntoForceRule(RuleOrigin Origin, DateExpression Expression, LaterStateCutoff Cutoff);

/// <summary>When signature is open.</summary>
public sealed record SignatureRule(RuleOrigin Origin, bool UntilEntryIntoForce, LocalDate? Until);

/// <summary>When a successor state is bound.</summary>
public sealed record SuccessionRule(RuleOrigin Origin, bool FromDateOfSuccession);

/// <summary>When a withdrawal (denunciation) takes effect.</summary>
/// <param name="Expression">Applied to the depositary's receipt; null when the treaty provides no withdrawal.</param>
/// <param name="LaterDateAllowed">"or a later date named in the notification".</param>
/// <param name="NoticeOnlyAfterYears">"at any time after three years from the date on which this Agreement has entered into force for a Party".</param>
public sealed record WithdrawalRule(RuleOrigin Origin, DateExpression? Expression, bool LaterDateAllowed, int? NoticeOnlyAfterYears)
{
    /// <summary>True when the treaty has no withdrawal clause.</summary>
    public bool NotProvided => Expression is null;
}

/// <summary>"If on the expiry of that period the withdrawing State is engaged in an armed conflict, not before the end of the armed conflict."</summary>
public sealed record ArmedConflictRule(RuleOrigin Origin);

/// <summary>How long the treaty lasts.</summary>
/// <param name="Years">Null for unlimited duration; otherwise it expires N years after entry into force unless extended.</param>
public sealed record DurationRule(RuleOrigin Origin, int? Years);

/// <summary>Bilateral treaties end for both when one party's withdrawal takes effect.</summary>
public sealed record TerminationRule(RuleOrigin Origin);
