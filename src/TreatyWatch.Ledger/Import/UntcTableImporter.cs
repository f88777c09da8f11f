using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.States;
using TreatyWatch.Engine.Treaties;

namespace TreatyWatch.Ledger.Import;

/// <summary>Settings of a UN Treaty Collection import.</summary>
/// <param name="Edition">Which copy of the tables: named in the source ("UN Treaty Collection, status of XXVI-5 (2015 table)") and its key.</param>
/// <param name="Published">When that copy was taken, if known; kept on the source.</param>
public sealed record UntcImportOptions(string Edition = "2015", PartialDate? Published = null);

/// <summary>The treaty a table was mapped to.</summary>
/// <param name="Id">The treaty id: the one given, the bundled treaty whose <c>untc:</c> matches, or <c>untc-xxvi-5</c> for a new one.</param>
/// <param name="Reference">The UNTC reference (<c>XXVI-5</c>), when the index or the file name gives it.</param>
/// <param name="Title">The title from index.csv, when an index was given.</param>
/// <param name="Url">The UNTC page from index.csv.</param>
/// <param name="HasRules">False for a treaty without a definition yet: its actions are carried, its effective dates cannot be computed.</param>
public sealed record UntcTreatyRef(string Id, string? Reference, string? Title, string? Url, bool HasRules);

/// <summary>A non-state participant the import skipped (an organisation or a territory).</summary>
public sealed record SkippedParticipant(string Name, string Category, int Line, int Dates);

/// <summary>What an import did: counts, skipped participants, and notes on every judgement it made.</summary>
public sealed record UntcImportReport
{
    /// <summary>Participant rows read (states and non-states).</summary>
    public int Rows { get; init; }
    /// <summary>Actions produced, by kind.</summary>
    public IReadOnlyDictionary<ActionKind, int> CountsByKind { get; init; } = new Dictionary<ActionKind, int>();
    /// <summary>Organisations and territories, skipped.</summary>
    public IReadOnlyList<SkippedParticipant> SkippedNonStates { get; init; } = [];
    /// <summary>Dates of provisional application or acceptance: no legal act kind exists for them.</summary>
    public int ProvisionalSkipped { get; init; }
    /// <summary>Actions whose kind is only the closest one (formal confirmation, participation...): each keeps the UNTC marker in its note.</summary>
    public int Approximate { get; init; }
    /// <summary>Actions from a column that lists several unmarked acts (the kind is the first one's; the note says so).</summary>
    public int Ambiguous { get; init; }
    /// <summary>Participant names whose trailing footnote numbers were removed.</summary>
    public int FootnotesStripped { get; init; }
    /// <summary>Non-empty cells of columns that are not acts (resolutions, UNTS volumes, notifications): ignored.</summary>
    public int IgnoredCells { get; init; }
    /// <summary>How each column was read.</summary>
    public IReadOnlyList<UntcColumn> Columns { get; init; } = [];
    /// <summary>Everything a reviewer should know, in words.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Total actions.</summary>
    public int Actions => CountsByKind.Values.Sum();
}

/// <summary>
/// The outcome of importing one table. When <see cref="Errors"/> is not empty, <see cref="Actions"/> is empty: the caller
/// stores nothing of the file.
/// </summary>
public sealed record UntcImportResult(
    string File,
    UntcTreatyRef? Treaty,
    Source? Source,
    IReadOnlyList<TreatyAction> Actions,
    UntcImportReport Report,
    IReadOnlyList<DataError> Errors)
{
    /// <summary>True when the table imported without error.</summary>
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Reads a UN Treaty Collection status table (as in <c>../shared/untc-2015/treaties/*.csv</c>) into actions. Pure: text in,
/// result out. Participant names map to ISO3 through the states' names and aliases, never by guess; dates read
/// <c>11 Sep 2002 a</c>, the marker giving the kind of act. Build one importer and use it for many tables.
/// </summary>
public sealed partial class UntcTableImporter
{
    private readonly UntcParticipants _participants;
    private readonly IReadOnlyList<TreatyDefinition> _treaties;
    private readonly UntcImportOptions _options;

    public UntcTableImporter(IEnumerable<State> states, IEnumerable<TreatyDefinition> treaties, UntcImportOptions? options = null)
    {
        _participants = new UntcParticipants(states);
        _treaties = treaties.ToList();
        _options = options ?? new UntcImportOptions();
    }

    /// <summary>An importer over a catalog's states and treaties.</summary>
    public UntcTableImporter(Catalog catalog, UntcImportOptions? options = null)
        : this(catalog.States.Values, catalog.Treaties, options)
    {
    }

    /// <summary>Imports one table.</summary>
    /// <param name="fileName">The table's file name (or path), used in errors and, without an index entry, for the UNTC reference (<c>26-5.csv</c> → XXVI-5).</param>
    /// <param name="text">The table.</param>
    /// <param name="index">The table's row of index.csv, when importing from a folder: gives the reference, title and url.</param>
    /// <param name="treatyId">A treaty id to import into, overriding the mapping by reference.</param>
    public UntcImportResult Import(string fileName, string text, UntcIndexEntry? index = null, string? treatyId = null)
    {
        var errors = new List<DataError>();
        var treaty = IdentifyTreaty(fileName, index, treatyId, errors);
        if (treaty is null) return Failed(fileName, null, errors);

        var source = MakeSource(fileName, treaty);
        IReadOnlyList<string> header;
        IReadOnlyList<Csv.Row> rows;
        try
        {
            header = Header(fileName, text);
            rows = Csv.Read(fileName, text);
        }
        catch (DataException e)
        {
            return Failed(fileName, treaty, e.Errors);
        }

        var columns = header.Select((h, i) => UntcColumns.Classify(i, h)).ToList();
        var participant = columns.FindIndex(c => c.Role == UntcColumnRole.Participant);
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) errors.Add(new DataError(fileName, 1, $"column '{duplicate.Key}' appears twice"));
        if (participant < 0) errors.Add(new DataError(fileName, 1, "no 'Participant' column: this is not a UN Treaty Collection status table"));
        if (errors.Count > 0) return Failed(fileName, treaty, errors);

        var actions = new List<TreatyAction>();
        var skipped = new List<SkippedParticipant>();
        var notes = new List<string>();
        var noteCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int provisional = 0, approximate = 0, ambiguous = 0, footnotes = 0, ignored = 0;
        var provisionalByColumn = new int[columns.Count];
        var ignoredByColumn = new int[columns.Count];
        var meanings = new Dictionary<(int, string), UntcCellMeaning>();

        foreach (var row in rows)
        {
            var name = row[header[participant]];
            var resolved = name.Length == 0 ? null : _participants.Resolve(name);
            if (resolved is null)
            {
                if (columns.Any(c => c.Role != UntcColumnRole.Participant && row[c.Header].Length > 0))
                    errors.Add(new DataError(fileName, row.Line, "a row with dates but no participant name"));
                continue;
            }

            if (resolved.FootnoteStripped) footnotes++;
            if (resolved.Kind == ParticipantKind.Unknown)
            {
                var why = _participants.IsAmbiguous(name)
                    ? $"participant '{resolved.Name}' matches aliases of two states at {fileName}:{row.Line}; make the aliases in states.csv unambiguous"
                    : $"unknown participant '{resolved.Name}' at {fileName}:{row.Line}; add it to states.csv aliases (or, for an organisation or territory, to the non-state list)";
                errors.Add(new DataError(fileName, row.Line, why));
            }

            if (resolved.Kind == ParticipantKind.State && seen.TryGetValue(resolved.Iso3!, out var firstLine))
                notes.Add($"{resolved.Iso3} is listed twice, on lines {firstLine} and {row.Line} ('{resolved.Name}')");
            else if (resolved.Kind == ParticipantKind.State) seen[resolved.Iso3!] = row.Line;

            var dates = 0;
            foreach (var column in columns)
            {
                if (column.Role == UntcColumnRole.Participant) continue;
                var cell = row[column.Header];
                if (cell.Length == 0) continue;
                if (column.Role == UntcColumnRole.Other)
                {
                    ignored++;
                    ignoredByColumn[column.Index]++;
                    continue;
                }

                if (!TryParseCell(cell, out var date, out var marker, out var error))
                {
                    errors.Add(new DataError(fileName, row.Line, $"column '{column.Header}': {error}"));
                    continue;
                }

                dates++;
                var key = (column.Index, marker ?? "");
                if (!meanings.TryGetValue(key, out var meaning)) meanings[key] = meaning = UntcColumns.Meaning(column, marker);
                if (meaning.Kind is not { } kind)
                {
                    provisional++;
                    provisionalByColumn[column.Index]++;
                    continue;
                }

                if (resolved.Kind != ParticipantKind.State) continue;
                if (meaning.Approximate) approximate++;
                if (meaning.Ambiguous) ambiguous++;
                if (meaning.Note is not null) noteCounts[meaning.Note] = noteCounts.GetValueOrDefault(meaning.Note) + 1;
                actions.Add(new TreatyAction
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"{treaty.Id}:{source.Key}:{row.Line}.{column.Index}"),
                    TreatyId = treaty.Id,
                    State = resolved.Iso3!,
                    Kind = kind,
                    Date = PartialDate.OfDay(date),
                    Known = date,
                    Sources = [source],
                    Note = meaning.Note,
                    Origin = $"{fileName}:{row.Line}",
                });
            }

            if (resolved.Kind == ParticipantKind.NonState) skipped.Add(new SkippedParticipant(resolved.Name, resolved.Category!, row.Line, dates));
        }

        if (errors.Count > 0) return Failed(fileName, treaty, errors);

        foreach (var c in columns)
        {
            if (c.Role == UntcColumnRole.Other)
                notes.Add($"column {c.Index + 1} '{c.Header}' is not a signature or an act of consent: ignored ({Count(ignoredByColumn[c.Index], "non-empty cell")})");
            else if (c.Role == UntcColumnRole.Provisional)
                notes.Add($"column {c.Index + 1} '{c.Header}': provisional application or acceptance has no legal act kind; {Count(provisionalByColumn[c.Index], "date")} skipped");
            else if (provisionalByColumn[c.Index] > 0)
                notes.Add($"column {c.Index + 1} '{c.Header}': {Count(provisionalByColumn[c.Index], "date")} marked 'n' (provisional application) skipped: no legal act kind");
        }

        if (!columns.Any(c => c.Role is UntcColumnRole.Signature or UntcColumnRole.Consent))
            notes.Add("the table has no signature or consent column: nothing to import");
        foreach (var (note, n) in noteCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            notes.Add($"{note}: {Count(n, "action")}");
        foreach (var s in skipped)
            notes.Add($"skipped non-state participant '{s.Name}' ({s.Category}) at {fileName}:{s.Line}");
        if (footnotes > 0) notes.Add($"footnote numbers removed from {Count(footnotes, "participant name")}");
        if (!treaty.HasRules)
            notes.Add($"treaty '{treaty.Id}' has no rules yet: its actions are carried, and its effective dates cannot be computed until a definition with 'untc: {treaty.Reference}' is added");

        var report = new UntcImportReport
        {
            Rows = rows.Count(r => r[header[participant]].Length > 0),
            CountsByKind = actions.GroupBy(a => a.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            SkippedNonStates = skipped,
            ProvisionalSkipped = provisional,
            Approximate = approximate,
            Ambiguous = ambiguous,
            FootnotesStripped = footnotes,
            IgnoredCells = ignored,
            Columns = columns,
            Notes = notes,
        };
        return new UntcImportResult(fileName, treaty, source, actions, report, []);
    }

    /// <summary>
    /// Parses a cell: <c>11 Sep 2002</c>, optionally followed by a marker (a, A, AA, d, s, c, C, P, p, n). Refuses
    /// impossible dates (<c>30 Feb 2001</c>) and unknown markers with a message naming the cell.
    /// </summary>
    public static bool TryParseCell(string cell, out LocalDate date, out string? marker, out string? error)
    {
        date = default;
        marker = null;
        error = null;
        var m = CellPattern().Match(cell.Trim());
        if (!m.Success)
        {
            error = $"'{cell.Trim()}' is not a date such as '11 Sep 2002', with an optional marker ({string.Join(", ", UntcColumns.Markers.Keys)})";
            return false;
        }

        if (!Months.TryGetValue(m.Groups["month"].Value.ToLowerInvariant(), out var month))
        {
            error = $"'{cell.Trim()}': '{m.Groups["month"].Value}' is not a month";
            return false;
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            error = $"'{cell.Trim()}' does not exist: {new LocalDate(year, month, 1).ToString("MMMM uuuu", CultureInfo.InvariantCulture)} has {days} days";
            return false;
        }

        if (m.Groups["marker"].Success)
        {
            marker = m.Groups["marker"].Value;
            if (!UntcColumns.Markers.ContainsKey(marker))
            {
                error = $"'{cell.Trim()}': unknown marker '{marker}' (known: {string.Join(", ", UntcColumns.Markers.Keys)})";
                return false;
            }
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private UntcTreatyRef? IdentifyTreaty(string fileName, UntcIndexEntry? index, string? treatyId, List<DataError> errors)
    {
        var reference = index?.Reference ?? UntcIndex.ReferenceFromFileName(fileName);
        if (treatyId is not null)
        {
            if (!TreatyId().IsMatch(treatyId))
            {
                errors.Add(new DataError(fileName, 1, $"treaty id '{treatyId}' is not lower-case letters, digits and '-'"));
                return null;
            }

            var given = _treaties.FirstOrDefault(t => t.Id == treatyId);
            if (given?.UntcReference is { } r && reference is not null && !SameReference(r, reference))
            {
                errors.Add(new DataError(fileName, 1, $"the table is UNTC {reference}, but treaty '{treatyId}' is UNTC {r} (untc: in its definition)"));
                return null;
            }

            return new UntcTreatyRef(treatyId, reference ?? given?.UntcReference, index?.Title ?? given?.Title, index?.Url, given is not null);
        }

        if (reference is null)
        {
            errors.Add(new DataError(fileName, 1,
                "the treaty of this table cannot be identified: it has no entry in index.csv, its name is not a UNTC chapter and number (such as 26-5.csv), and no treaty id was given"));
            return null;
        }

        var bundled = _treaties.FirstOrDefault(t => t.UntcReference is { } r && SameReference(r, reference));
        return new UntcTreatyRef(bundled?.Id ?? DerivedId(reference), reference, index?.Title ?? bundled?.Title, index?.Url, bundled is not null);
    }

    /// <summary>The id of a treaty known only by its UNTC reference: <c>XXVI-5</c> → <c>untc-xxvi-5</c>.</summary>
    public static string DerivedId(string reference) =>
        "untc-" + NotIdChars().Replace(reference.Trim().ToLowerInvariant(), "-").Trim('-');

    private Source MakeSource(string fileName, UntcTreatyRef treaty)
    {
        var edition = _options.Edition;
        if (treaty.Reference is { } r)
        {
            return new Source($"untc-{edition}-{NotIdChars().Replace(r.ToLowerInvariant(), "-")}", SourceKind.Depositary,
                $"UN Treaty Collection, status of {r} ({edition} table)", treaty.Url, _options.Published);
        }

        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return new Source($"untc-{edition}-{treaty.Id}", SourceKind.Depositary, $"UN Treaty Collection, status table {name} ({edition} table)", treaty.Url, _options.Published);
    }

    private static bool SameReference(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : string.Create(CultureInfo.InvariantCulture, $"{n} {what}s");

    private static UntcImportResult Failed(string fileName, UntcTreatyRef? treaty, IReadOnlyList<DataError> errors) =>
        new(fileName, treaty, null, [], new UntcImportReport(), errors);

    /// <summary>
    /// The header row's fields in order (Csv gives fields by name; the order of the columns and a repeated name matter
    /// here). A malformed header is left to <see cref="Csv.Read"/> to report.
    /// </summary>
    private static List<string> Header(string fileName, string text)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"') inQuotes = false;
                else field.Append(c);
                continue;
            }

            if (c == '"' && field.Length == 0) inQuotes = true;
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n') break;
            else if (c != '\r') field.Append(c);
        }

        if (inQuotes) throw new DataException([new DataError(fileName, 1, "a quoted field is never closed")]);
        fields.Add(field.ToString());
        return fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
    }

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3, ["apr"] = 4, ["april"] = 4,
        ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7, ["aug"] = 8, ["august"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10, ["october"] = 10, ["nov"] = 11, ["november"] = 11,
        ["dec"] = 12, ["december"] = 12,
    };

    [GeneratedRegex(@"^(?<day>\d{1,2})\s+(?<month>[A-Za-z]+)\.?\s+(?<year>\d{4})(?:\s+(?<marker>[A-Za-z]{1,2}))?$")]
    private static partial Regex CellPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex TreatyId();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotIdChars();
}
