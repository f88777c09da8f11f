using System.Data.Common;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.States;
using static TreatyWatch.Ledger.Sql;

namespace TreatyWatch.Ledger;

// Rows as the tables hold them: every date is text (LedgerText), every enum its lower-case name.
// Each is read by its Read(DbDataReader), column by column in the order of its Columns (explicit: no run-time code
// generation, so the Native AOT CLI can run it); Bulk reads their properties as the @Parameters of the inserts.

internal sealed class ActionRow
{
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string TreatyId { get; set; } = "";
    public string State { get; set; } = "";
    public string Action { get; set; } = "";
    public string Date { get; set; } = "";
    public string Known { get; set; } = "";
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstain { get; set; }
    public int? VotesRequired { get; set; }
    public string? Effective { get; set; }
    public string? ByWhom { get; set; }
    public string? ObjectsTo { get; set; }
    public string? Note { get; set; }
    public string? Origin { get; set; }
    public string ReviewState { get; set; } = "";
    public string Certainty { get; set; } = "";
    public long? ImportId { get; set; }
    public string RecordedAt { get; set; } = "";
    public string RecordedBy { get; set; } = "";

    public const string Columns =
        "seq, id, treaty_id, state, action, date, known, votes_for, votes_against, votes_abstain, votes_required, effective, by_whom, objects_to, note, origin, review_state, certainty, import_id, recorded_at, recorded_by";

    public const string Insert =
        """
        INSERT INTO actions (id, treaty_id, state, action, date, known, votes_for, votes_against, votes_abstain, votes_required,
                             effective, by_whom, objects_to, note, origin, review_state, certainty, import_id, recorded_at, recorded_by)
        VALUES (@Id, @TreatyId, @State, @Action, @Date, @Known, @VotesFor, @VotesAgainst, @VotesAbstain, @VotesRequired,
                @Effective, @ByWhom, @ObjectsTo, @Note, @Origin, @ReviewState, @Certainty, @ImportId, @RecordedAt, @RecordedBy)
        """;

    public static ActionRow Read(DbDataReader r) => new()
    {
        Seq = L(r, 0), Id = S(r, 1), TreatyId = S(r, 2), State = S(r, 3), Action = S(r, 4), Date = S(r, 5), Known = S(r, 6),
        VotesFor = IN(r, 7), VotesAgainst = IN(r, 8), VotesAbstain = IN(r, 9), VotesRequired = IN(r, 10),
        Effective = SN(r, 11), ByWhom = SN(r, 12), ObjectsTo = SN(r, 13), Note = SN(r, 14), Origin = SN(r, 15),
        ReviewState = S(r, 16), Certainty = S(r, 17), ImportId = LN(r, 18), RecordedAt = S(r, 19), RecordedBy = S(r, 20),
    };

    public ReviewState Review => LedgerText.ParseEnum<ReviewState>(ReviewState);

    public static ActionRow From(TreatyAction a, ReviewState state, string who, string at, long? importId) => new()
    {
        Id = a.Id,
        TreatyId = a.TreatyId,
        State = a.State,
        Action = ActionKinds.Name(a.Kind),
        Date = a.Date.ToString(),
        Known = LedgerText.Day(a.Known),
        VotesFor = a.Votes?.For,
        VotesAgainst = a.Votes?.Against,
        VotesAbstain = a.Votes?.Abstain,
        VotesRequired = a.Votes?.Required,
        Effective = LedgerText.Day(a.Effective),
        ByWhom = a.By,
        ObjectsTo = a.ObjectsTo,
        Note = a.Note,
        Origin = a.Origin,
        ReviewState = LedgerText.Lower(state),
        Certainty = LedgerText.Lower(a.Certainty),
        ImportId = importId,
        RecordedAt = at,
        RecordedBy = who,
    };

    public TreatyAction ToAction(IReadOnlyList<Source> sources, string? supersedes)
    {
        if (!ActionKinds.TryParse(Action, out var kind)) throw new LedgerException($"action {Id}: '{Action}' is not an action kind this program knows");
        return new TreatyAction
        {
            Id = Id,
            TreatyId = TreatyId,
            State = State,
            Kind = kind,
            Date = LedgerText.ParsePartial(Date),
            Known = LedgerText.ParseDay(Known),
            Sources = sources,
            // A vote with no number at all ("?-?-?") carries nothing: it is stored, and read back, as no vote.
            Votes = VotesFor is null && VotesAgainst is null && VotesAbstain is null && VotesRequired is null
                ? null
                : new Votes(VotesFor, VotesAgainst, VotesAbstain, VotesRequired),
            Effective = LedgerText.ParseDayOrNull(Effective),
            Supersedes = supersedes,
            By = ByWhom,
            ObjectsTo = ObjectsTo,
            Note = Note,
            Origin = Origin,
        };
    }
}

internal sealed class ActionSourceRow
{
    public string ActionId { get; set; } = "";
    public int Position { get; set; }
    public string SourceKey { get; set; } = "";

    public const string Columns = "action_id, position, source_key";

    public static ActionSourceRow Read(DbDataReader r) => new() { ActionId = S(r, 0), Position = I(r, 1), SourceKey = S(r, 2) };

    public const string Insert = "INSERT INTO action_sources (action_id, position, source_key) VALUES (@ActionId, @Position, @SourceKey)";
}

internal sealed class SourceRow
{
    public string Key { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Url { get; set; }
    public string? Published { get; set; }
    public long? ImportId { get; set; }
    public string RecordedAt { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public string? CnNumber { get; set; }
    public string? Outlet { get; set; }
    public string? Quote { get; set; }
    public int? QuoteStart { get; set; }
    public int? QuoteEnd { get; set; }

    public const string Columns = "key, kind, title, url, published, import_id, recorded_at, recorded_by, cn_number, outlet, quote, quote_start, quote_end";

    public const string Insert =
        "INSERT INTO sources (key, kind, title, url, published, import_id, recorded_at, recorded_by, cn_number, outlet, quote, quote_start, quote_end) " +
        "VALUES (@Key, @Kind, @Title, @Url, @Published, @ImportId, @RecordedAt, @RecordedBy, @CnNumber, @Outlet, @Quote, @QuoteStart, @QuoteEnd)";

    public static SourceRow Read(DbDataReader r) => new()
    {
        Key = S(r, 0), Kind = S(r, 1), Title = S(r, 2), Url = SN(r, 3), Published = SN(r, 4), ImportId = LN(r, 5), RecordedAt = S(r, 6), RecordedBy = S(r, 7),
        CnNumber = SN(r, 8), Outlet = SN(r, 9), Quote = SN(r, 10), QuoteStart = IN(r, 11), QuoteEnd = IN(r, 12),
    };

    public static SourceRow From(Source s, string who, string at, long? importId) => new()
    {
        Key = s.Key,
        Kind = LedgerText.Lower(s.Kind),
        Title = s.Title,
        Url = s.Url,
        Published = s.Published?.ToString(),
        ImportId = importId,
        RecordedAt = at,
        RecordedBy = who,
        CnNumber = s.CnNumber,
        Outlet = s.Outlet,
        Quote = s.Quote,
        QuoteStart = s.QuoteStart,
        QuoteEnd = s.QuoteEnd,
    };

    public Source ToSource() => new(Key, LedgerText.ParseEnum<SourceKind>(Kind), Title, Url, Published is null ? null : LedgerText.ParsePartial(Published))
    {
        CnNumber = CnNumber, Outlet = Outlet, Quote = Quote, QuoteStart = QuoteStart, QuoteEnd = QuoteEnd,
    };

    /// <summary>
    /// Whether <paramref name="given"/> (from a file being imported, or a report) is this record's source: the same kind,
    /// title, URL and date, and each detail it gives (C.N. number, outlet, quote and offsets) the same. A detail it leaves
    /// out is not a difference: an export made before the details were exported names the same source.
    /// </summary>
    public static bool Same(Source onRecord, Source given) =>
        onRecord.Key == given.Key && onRecord.Kind == given.Kind && onRecord.Title == given.Title && onRecord.Url == given.Url && onRecord.Published == given.Published
        && (given.CnNumber is null || given.CnNumber == onRecord.CnNumber) && (given.Outlet is null || given.Outlet == onRecord.Outlet)
        && (given.Quote is null || given.Quote == onRecord.Quote) && (given.QuoteStart is null || given.QuoteStart == onRecord.QuoteStart)
        && (given.QuoteEnd is null || given.QuoteEnd == onRecord.QuoteEnd);
}

internal sealed class SupersessionRow
{
    public long Id { get; set; }
    public string OldId { get; set; } = "";
    public string NewId { get; set; } = "";
    public string Why { get; set; } = "";
    public string RecordedAt { get; set; } = "";
    public string RecordedBy { get; set; } = "";

    public const string Columns = "id, old_id, new_id, why, recorded_at, recorded_by";

    public const string Insert =
        "INSERT INTO supersessions (old_id, new_id, why, recorded_at, recorded_by) VALUES (@OldId, @NewId, @Why, @RecordedAt, @RecordedBy)";

    public static SupersessionRow Read(DbDataReader r) => new()
    {
        Id = L(r, 0), OldId = S(r, 1), NewId = S(r, 2), Why = S(r, 3), RecordedAt = S(r, 4), RecordedBy = S(r, 5),
    };

    public Supersession ToSupersession() => new(OldId, NewId, Why, LedgerText.ParseInstant(RecordedAt), RecordedBy);
}

internal sealed class StateRow
{
    public long Seq { get; set; }
    public string Iso3 { get; set; } = "";
    public string Name { get; set; } = "";
    public string Aliases { get; set; } = "";
    public string Demonyms { get; set; } = "";
    public string Capitals { get; set; } = "";
    public string Parliaments { get; set; } = "";
    public string? FromDate { get; set; }
    public string? UntilDate { get; set; }
    public string Predecessors { get; set; } = "";
    public string? Note { get; set; }
    public long? ImportId { get; set; }
    public string RecordedAt { get; set; } = "";
    public string RecordedBy { get; set; } = "";

    public const string Columns = "seq, iso3, name, aliases, demonyms, capitals, parliaments, from_date, until_date, predecessors, note, import_id, recorded_at, recorded_by";

    public const string Insert =
        """
        INSERT INTO states (iso3, name, aliases, demonyms, capitals, parliaments, from_date, until_date, predecessors, note, import_id, recorded_at, recorded_by)
        VALUES (@Iso3, @Name, @Aliases, @Demonyms, @Capitals, @Parliaments, @FromDate, @UntilDate, @Predecessors, @Note, @ImportId, @RecordedAt, @RecordedBy)
        """;

    public static StateRow Read(DbDataReader r) => new()
    {
        Seq = L(r, 0), Iso3 = S(r, 1), Name = S(r, 2), Aliases = S(r, 3), Demonyms = S(r, 4), Capitals = S(r, 5), Parliaments = S(r, 6),
        FromDate = SN(r, 7), UntilDate = SN(r, 8), Predecessors = S(r, 9), Note = SN(r, 10), ImportId = LN(r, 11), RecordedAt = S(r, 12), RecordedBy = S(r, 13),
    };

    public static StateRow From(State s, string who, string at, long? importId) => new()
    {
        Iso3 = s.Iso3,
        Name = s.Name,
        Aliases = LedgerText.List(s.Aliases),
        Demonyms = LedgerText.List(s.Demonyms),
        Capitals = LedgerText.List(s.Capitals),
        Parliaments = LedgerText.List(s.Parliaments),
        FromDate = LedgerText.Day(s.From),
        UntilDate = LedgerText.Day(s.Until),
        Predecessors = LedgerText.List(s.Predecessors),
        Note = s.Note,
        ImportId = importId,
        RecordedAt = at,
        RecordedBy = who,
    };

    public State ToState() => new()
    {
        Iso3 = Iso3,
        Name = Name,
        Aliases = LedgerText.ParseList(Aliases),
        Demonyms = LedgerText.ParseList(Demonyms),
        Capitals = LedgerText.ParseList(Capitals),
        Parliaments = LedgerText.ParseList(Parliaments),
        From = LedgerText.ParseDayOrNull(FromDate),
        Until = LedgerText.ParseDayOrNull(UntilDate),
        Predecessors = LedgerText.ParseList(Predecessors),
        Note = Note,
    };
}

internal sealed class GroupRow
{
    public long Seq { get; set; }
    public string Name { get; set; } = "";
    public string Aliases { get; set; } = "";
    public string Members { get; set; } = "";
    public string? Note { get; set; }
    public long? ImportId { get; set; }
    public string RecordedAt { get; set; } = "";
    public string RecordedBy { get; set; } = "";

    public const string Columns = "seq, name, aliases, members, note, import_id, recorded_at, recorded_by";

    public const string Insert =
        "INSERT INTO state_groups (name, aliases, members, note, import_id, recorded_at, recorded_by) VALUES (@Name, @Aliases, @Members, @Note, @ImportId, @RecordedAt, @RecordedBy)";

    public static GroupRow Read(DbDataReader r) => new()
    {
        Seq = L(r, 0), Name = S(r, 1), Aliases = S(r, 2), Members = S(r, 3), Note = SN(r, 4), ImportId = LN(r, 5), RecordedAt = S(r, 6), RecordedBy = S(r, 7),
    };

    public StateGroup ToGroup() => new(Name, LedgerText.ParseList(Aliases), LedgerText.ParseList(Members), Note);
}

internal sealed class DefinitionRow
{
    public long Seq { get; set; }
    public string TreatyId { get; set; } = "";
    public string Definition { get; set; } = "";
    public string? Origin { get; set; }
    public long? ImportId { get; set; }
    public string LoadedAt { get; set; } = "";
    public string LoadedBy { get; set; } = "";

    public const string Columns = "seq, treaty_id, definition, origin, import_id, loaded_at, loaded_by";

    public const string Insert =
        "INSERT INTO treaty_definitions (treaty_id, definition, origin, import_id, loaded_at, loaded_by) VALUES (@TreatyId, @Definition, @Origin, @ImportId, @LoadedAt, @LoadedBy)";

    public static DefinitionRow Read(DbDataReader r) => new()
    {
        Seq = L(r, 0), TreatyId = S(r, 1), Definition = S(r, 2), Origin = SN(r, 3), ImportId = LN(r, 4), LoadedAt = S(r, 5), LoadedBy = S(r, 6),
    };
}

internal sealed class ConflictRow
{
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string State { get; set; } = "";
    public string StartDate { get; set; } = "";
    public string? EndDate { get; set; }
    public string Name { get; set; } = "";
    public string Sources { get; set; } = "";
    public string? Note { get; set; }
    public string? Supersedes { get; set; }
    public string? Why { get; set; }
    public long? ImportId { get; set; }
    public string RecordedAt { get; set; } = "";
    public string RecordedBy { get; set; } = "";

    public const string Columns = "seq, id, state, start_date, end_date, name, sources, note, supersedes, why, import_id, recorded_at, recorded_by";

    public const string Insert =
        """
        INSERT INTO armed_conflicts (id, state, start_date, end_date, name, sources, note, supersedes, why, import_id, recorded_at, recorded_by)
        VALUES (@Id, @State, @StartDate, @EndDate, @Name, @Sources, @Note, @Supersedes, @Why, @ImportId, @RecordedAt, @RecordedBy)
        """;

    public static ConflictRow Read(DbDataReader r) => new()
    {
        Seq = L(r, 0), Id = S(r, 1), State = S(r, 2), StartDate = S(r, 3), EndDate = SN(r, 4), Name = S(r, 5), Sources = S(r, 6), Note = SN(r, 7),
        Supersedes = SN(r, 8), Why = SN(r, 9), ImportId = LN(r, 10), RecordedAt = S(r, 11), RecordedBy = S(r, 12),
    };

    public ArmedConflictPeriod ToPeriod() =>
        new(State, LedgerText.ParseDay(StartDate), LedgerText.ParseDayOrNull(EndDate), Name, LedgerText.ParseList(Sources), Note);
}

/// <summary>A source added to an action already on record (schema v3): it comes after the action's own sources.</summary>
internal sealed class SourceAdditionRow
{
    public long Seq { get; set; }
    public string ActionId { get; set; } = "";
    public string SourceKey { get; set; } = "";
    public long? ImportId { get; set; }
    public string RecordedAt { get; set; } = "";
    public string RecordedBy { get; set; } = "";

    public const string Columns = "seq, action_id, source_key, import_id, recorded_at, recorded_by";

    public const string Insert =
        "INSERT INTO action_source_additions (action_id, source_key, import_id, recorded_at, recorded_by) VALUES (@ActionId, @SourceKey, @ImportId, @RecordedAt, @RecordedBy)";

    public static SourceAdditionRow Read(DbDataReader r) => new()
    {
        Seq = L(r, 0), ActionId = S(r, 1), SourceKey = S(r, 2), ImportId = LN(r, 3), RecordedAt = S(r, 4), RecordedBy = S(r, 5),
    };
}

/// <summary>A review decision on a reported action (schema v3).</summary>
internal sealed class ActionReviewRow
{
    public long Id { get; set; }
    public string ReportedId { get; set; } = "";
    public string Decision { get; set; } = "";
    public string? MergedInto { get; set; }
    public string ActionId { get; set; } = "";
    public string Reason { get; set; } = "";
    public string ReviewedAt { get; set; } = "";
    public string ReviewedBy { get; set; } = "";

    public const string Columns = "id, reported_id, decision, merged_into, action_id, reason, reviewed_at, reviewed_by";

    public const string Insert =
        "INSERT INTO action_reviews (reported_id, decision, merged_into, action_id, reason, reviewed_at, reviewed_by) VALUES (@ReportedId, @Decision, @MergedInto, @ActionId, @Reason, @ReviewedAt, @ReviewedBy)";

    public static ActionReviewRow Read(DbDataReader r) => new()
    {
        Id = L(r, 0), ReportedId = S(r, 1), Decision = S(r, 2), MergedInto = SN(r, 3), ActionId = S(r, 4), Reason = S(r, 5), ReviewedAt = S(r, 6), ReviewedBy = S(r, 7),
    };
}
