using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.States;
using TreatyWatch.Engine.Status;
using TreatyWatch.Engine.Treaties;

namespace TreatyWatch.Engine.Data;

/// <summary>A data file's path (relative to the data folder, with '/') and its text.</summary>
public sealed record DataFile(string Path, string Text);

/// <summary>Everything the engine knows: states, groups, treaties, actions, sources and armed conflicts.</summary>
public sealed class Catalog
{
    public required IReadOnlyDictionary<string, State> States { get; init; }
    public required IReadOnlyList<StateGroup> Groups { get; init; }
    public required IReadOnlyList<TreatyDefinition> Treaties { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<TreatyAction>> Actions { get; init; }
    public required IReadOnlyDictionary<string, Source> Sources { get; init; }
    public required IReadOnlyList<ArmedConflictPeriod> Conflicts { get; init; }

    private readonly Dictionary<(string, LocalDate?), TreatyStatusBook> _books = [];
    private IReadOnlyList<TreatyNames>? _names;

    /// <summary>
    /// The names of <see cref="Treaties"/>, in the same order. A catalog whose definitions are parsed on first use
    /// (<c>LedgerStore.LoadCatalog</c> with lazy reading) is given them read from the name lines, so finding a treaty
    /// by name parses no definition; otherwise they are taken from the definitions.
    /// </summary>
    public IReadOnlyList<TreatyNames> TreatyNames
    {
        get => _names ??= Treaties.Select(global::TreatyWatch.Engine.Treaties.TreatyNames.Of).ToList();
        init => _names = value;
    }

    /// <summary>The treaty with this id (its definition alone is parsed, when the catalog parses them on first use).</summary>
    public TreatyDefinition? Treaty(string id)
    {
        var names = TreatyNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Id == id) return Treaties[i];
        }

        return null;
    }

    /// <summary>Actions on record for a treaty.</summary>
    public IReadOnlyList<TreatyAction> ActionsOf(string treatyId) => Actions.GetValueOrDefault(treatyId) ?? [];

    /// <summary>The status book of a treaty under the second clock (cached per treaty and knowledge day).</summary>
    public TreatyStatusBook Book(string treatyId, LocalDate? asKnownOn = null)
    {
        lock (_books)
        {
            if (_books.TryGetValue((treatyId, asKnownOn), out var b)) return b;
            var treaty = Treaty(treatyId) ?? throw new ArgumentException($"unknown treaty '{treatyId}'", nameof(treatyId));
            b = StatusEngine.Build(treaty, ActionsOf(treatyId), States, Conflicts, asKnownOn);
            _books[(treatyId, asKnownOn)] = b;
            return b;
        }
    }
}

/// <summary>Parses the data folder's files (docs/data-format.md) into a <see cref="Catalog"/>. Pure: the caller reads the files.</summary>
public static partial class CatalogParser
{
    /// <summary>Parses and cross-checks every file; throws <see cref="DataException"/> listing every problem with file and line.</summary>
    /// <param name="files">The data files.</param>
    /// <param name="lazyActions">
    /// Parse each treaty's actions file only when its actions are first asked for (a one-treaty query at start-up
    /// reads one file instead of all). Problems in such a file then surface, with file and line, at that moment.
    /// </param>
    public static Catalog Parse(IEnumerable<DataFile> files, bool lazyActions = false)
    {
        var list = files.ToList();
        var errors = new List<DataError>();

        T? Guard<T>(Func<T> f) where T : class
        {
            try
            {
                return f();
            }
            catch (DataException e)
            {
                errors.AddRange(e.Errors);
                return null;
            }
        }

        var statesFile = list.FirstOrDefault(f => f.Path == "states/states.csv");
        var states = statesFile is null
            ? new Dictionary<string, State>()
            : Guard(() => ParseStates(statesFile)) ?? new Dictionary<string, State>();
        if (statesFile is null) errors.Add(new DataError("states/states.csv", 0, "missing: the list of states is required"));

        var groupsFile = list.FirstOrDefault(f => f.Path == "states/groups.csv");
        var groups = groupsFile is null ? [] : Guard(() => ParseGroups(groupsFile, states)) ?? [];

        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var f in list.Where(f => f.Path.StartsWith("sources/", StringComparison.Ordinal) && f.Path.EndsWith(".csv", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
            Guard(() => ParseSources(f, sources));

        var treaties = new List<TreatyDefinition>();
        foreach (var f in list.Where(f => f.Path.StartsWith("treaties/", StringComparison.Ordinal) && f.Path.EndsWith(".treaty", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var t = Guard(() => TreatyDefinitionParser.Parse(f.Path, f.Text));
            if (t is null) continue;
            var expected = f.Path["treaties/".Length..^".treaty".Length];
            if (t.Id != expected) errors.Add(new DataError(f.Path, 0, $"the file is named '{expected}' but its id is '{t.Id}'"));
            else treaties.Add(t);
        }

        var actions = new LazyActions();
        foreach (var f in list.Where(f => f.Path.StartsWith("actions/", StringComparison.Ordinal) && f.Path.EndsWith(".csv", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var id = f.Path["actions/".Length..^".csv".Length];
            if (treaties.All(t => t.Id != id))
            {
                errors.Add(new DataError(f.Path, 0, $"no treaty definition treaties/{id}.treaty for these actions"));
                continue;
            }

            if (lazyActions)
            {
                var file = f;
                actions.Add(id, new Lazy<IReadOnlyList<TreatyAction>>(() => ParseActions(file, id, states, sources)));
            }
            else
            {
                var a = Guard(() => ParseActions(f, id, states, sources));
                if (a is not null) actions.Add(id, new Lazy<IReadOnlyList<TreatyAction>>(a));
            }
        }

        var conflictsFile = list.FirstOrDefault(f => f.Path == "armed-conflicts.csv");
        var conflicts = conflictsFile is null ? [] : Guard(() => ParseConflicts(conflictsFile, states)) ?? [];

        foreach (var t in treaties)
        {
            foreach (var code in t.Annex.Concat(t.WithdrawalFor.Keys).Concat(t.EntryIntoForce is Rules.EntryIntoForceRule.AfterInstruments ai ? ai.RequiredStates : []))
            {
                if (!states.ContainsKey(code)) errors.Add(new DataError($"treaties/{t.Id}.treaty", 0, $"'{code}' is not a state in states/states.csv"));
            }
        }

        if (errors.Count > 0) throw new DataException(errors);
        return new Catalog
        {
            States = states,
            Groups = groups,
            Treaties = treaties,
            Actions = actions,
            Sources = sources,
            Conflicts = conflicts,
        };
    }

    private static LocalDate? OptionalDay(Csv.Row row, string column, string file, List<DataError> errors)
    {
        var v = row[column];
        if (v.Length == 0) return null;
        if (IsoDate.TryParse(v, out var d, out var e)) return d;
        errors.Add(new DataError(file, row.Line, $"{column}: {e}"));
        return null;
    }

    private static Dictionary<string, State> ParseStates(DataFile f)
    {
        var rows = Csv.Read(f.Path, f.Text, "iso3", "name", "aliases", "demonyms", "capitals", "parliaments", "from", "until", "predecessors", "note");
        var errors = new List<DataError>();
        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var iso3 = r["iso3"];
            if (!Iso3().IsMatch(iso3))
            {
                errors.Add(new DataError(f.Path, r.Line, $"iso3 '{iso3}' is not three capital letters"));
                continue;
            }

            if (r["name"].Length == 0) errors.Add(new DataError(f.Path, r.Line, $"{iso3} has no name"));
            var state = new State
            {
                Iso3 = iso3,
                Name = r["name"],
                Aliases = Csv.List(r["aliases"]),
                Demonyms = Csv.List(r["demonyms"]),
                Capitals = Csv.List(r["capitals"]),
                Parliaments = Csv.List(r["parliaments"]),
                From = OptionalDay(r, "from", f.Path, errors),
                Until = OptionalDay(r, "until", f.Path, errors),
                Predecessors = Csv.List(r["predecessors"]),
                Note = r["note"].Length > 0 ? r["note"] : null,
            };
            if (!states.TryAdd(iso3, state)) errors.Add(new DataError(f.Path, r.Line, $"{iso3} is listed twice"));
        }

        if (errors.Count > 0) throw new DataException(errors);
        return states;
    }

    private static List<StateGroup> ParseGroups(DataFile f, IReadOnlyDictionary<string, State> states)
    {
        var rows = Csv.Read(f.Path, f.Text, "name", "aliases", "members");
        var errors = new List<DataError>();
        var groups = new List<StateGroup>();
        foreach (var r in rows)
        {
            var members = Csv.List(r["members"]);
            foreach (var m in members.Where(m => !states.ContainsKey(m)))
                errors.Add(new DataError(f.Path, r.Line, $"group '{r["name"]}': '{m}' is not a state in states/states.csv"));
            groups.Add(new StateGroup(r["name"], Csv.List(r["aliases"]), members, r["note"].Length > 0 ? r["note"] : null));
        }

        if (errors.Count > 0) throw new DataException(errors);
        return groups;
    }

    private static Dictionary<string, Source> ParseSources(DataFile f, Dictionary<string, Source> sources)
    {
        var rows = Csv.Read(f.Path, f.Text, "key", "kind", "title", "url", "published");
        var errors = new List<DataError>();
        foreach (var r in rows)
        {
            var key = r["key"];
            if (key.Length == 0)
            {
                errors.Add(new DataError(f.Path, r.Line, "empty key"));
                continue;
            }

            if (!Enum.TryParse<SourceKind>(r["kind"], ignoreCase: true, out var kind))
            {
                errors.Add(new DataError(f.Path, r.Line, $"kind '{r["kind"]}' is not one of depositary, official, monitor, news, dataset"));
                continue;
            }

            PartialDate? published = null;
            if (r["published"].Length > 0)
            {
                if (PartialDate.TryParse(r["published"], out var p, out var e)) published = p;
                else errors.Add(new DataError(f.Path, r.Line, $"published: {e}"));
            }

            var source = WithDetails(new Source(key, kind, r["title"], r["url"].Length > 0 ? r["url"] : null, published), r, f.Path, errors);
            if (!sources.TryAdd(key, source))
                errors.Add(new DataError(f.Path, r.Line, $"source key '{key}' is defined twice"));
        }

        if (errors.Count > 0) throw new DataException(errors);
        return sources;
    }

    /// <summary>
    /// A sources row's optional details (columns <c>cn_number</c>, <c>outlet</c>, <c>quote</c>, <c>quote_start</c>,
    /// <c>quote_end</c>; absent or empty = none) on <paramref name="source"/>; offsets that are not whole numbers, or
    /// an end before the start, are errors naming the file and line.
    /// </summary>
    public static Source WithDetails(Source source, Csv.Row r, string path, List<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(errors);
        var quoteStart = Offset(r, "quote_start", path, errors);
        var quoteEnd = Offset(r, "quote_end", path, errors);
        if (quoteStart is { } qs && quoteEnd is { } qe && qe < qs)
            errors.Add(new DataError(path, r.Line, $"quote_end {qe} is before quote_start {qs}"));
        return source with
        {
            CnNumber = NullIfEmpty(r["cn_number"]), Outlet = NullIfEmpty(r["outlet"]), Quote = NullIfEmpty(r["quote"]), QuoteStart = quoteStart, QuoteEnd = quoteEnd,
        };
    }

    private static string? NullIfEmpty(string s) => s.Length > 0 ? s : null;

    private static int? Offset(Csv.Row r, string column, string path, List<DataError> errors)
    {
        var v = r[column];
        if (v.Length == 0) return null;
        if (int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(new DataError(path, r.Line, $"{column} '{v}' is not a whole number of characters (0 or more)"));
        return null;
    }

    private static List<TreatyAction> ParseActions(DataFile f, string treatyId, IReadOnlyDictionary<string, State> states, IReadOnlyDictionary<string, Source> sources)
    {
        var rows = Csv.Read(f.Path, f.Text, "state", "action", "date", "known", "detail", "source", "note");
        var errors = new List<DataError>();
        var result = new List<TreatyAction>(rows.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var before = errors.Count;
            var state = r["state"];
            if (!states.ContainsKey(state)) errors.Add(new DataError(f.Path, r.Line, $"state '{state}' is not in states/states.csv"));
            if (!ActionKinds.TryParse(r["action"], out var kind))
            {
                errors.Add(new DataError(f.Path, r.Line, $"action '{r["action"]}' is not one of: {string.Join(", ", ActionKinds.AllNames)}"));
                continue;
            }

            if (!PartialDate.TryParse(r["date"], out var date, out var de))
            {
                errors.Add(new DataError(f.Path, r.Line, $"date: {de}"));
                continue;
            }

            if (ActionKinds.Family(kind) == ActionFamily.Depositary && date.Precision != DatePrecision.Day)
                errors.Add(new DataError(f.Path, r.Line, $"{r["action"]} is a depositary act: its date needs a day, not '{date}'"));

            var known = date.LastDay;
            if (r["known"].Length > 0)
            {
                if (IsoDate.TryParse(r["known"], out var k, out var ke))
                {
                    known = k;
                    if (k < date.FirstDay) errors.Add(new DataError(f.Path, r.Line, $"known {r["known"]} is before the act's date {date}"));
                }
                else errors.Add(new DataError(f.Path, r.Line, $"known: {ke}"));
            }

            var detail = ActionDetail.Parse(r["detail"], f.Path, r.Line, errors);
            var votes = detail?.Votes;
            string? id = detail?.Id, supersedes = detail?.Supersedes, by = detail?.By, objectsTo = detail?.ObjectsTo;
            LocalDate? effective = null;
            if (detail?.Effective is { } eff)
            {
                if (IsoDate.TryParse(eff, out var e, out var ee)) effective = e;
                else errors.Add(new DataError(f.Path, r.Line, $"effective: {ee}"));
            }

            var cited = new List<Source>();
            foreach (var key in Csv.List(r["source"]))
            {
                if (key.StartsWith("http://", StringComparison.Ordinal) || key.StartsWith("https://", StringComparison.Ordinal))
                    cited.Add(new Source(key, SourceKind.Web, key, key, null));
                else if (sources.TryGetValue(key, out var s)) cited.Add(s);
                else errors.Add(new DataError(f.Path, r.Line, $"source '{key}' is not defined in sources/*.csv"));
            }

            if (cited.Count == 0 && r["source"].Length == 0) errors.Add(new DataError(f.Path, r.Line, "every action needs a source"));

            id ??= $"{treatyId}:{r.Line}";
            if (!ids.Add(id)) errors.Add(new DataError(f.Path, r.Line, $"id '{id}' is used twice"));
            if (errors.Count > before) continue;

            result.Add(new TreatyAction
            {
                Id = id,
                TreatyId = treatyId,
                State = state,
                Kind = kind,
                Date = date,
                Known = known,
                Sources = cited,
                Votes = votes,
                Effective = effective,
                Supersedes = supersedes,
                By = by,
                ObjectsTo = objectsTo,
                Note = r["note"].Length > 0 ? r["note"] : null,
                Origin = $"{f.Path}:{r.Line}",
            });
        }

        foreach (var a in result.Where(a => a.Supersedes is not null && !ids.Contains(a.Supersedes!)))
            errors.Add(new DataError(f.Path, int.Parse(a.Origin!.Split(':')[^1], CultureInfo.InvariantCulture), $"supersedes '{a.Supersedes}', which is not an id in this file"));

        if (errors.Count > 0) throw new DataException(errors);
        return result;
    }

    private static List<ArmedConflictPeriod> ParseConflicts(DataFile f, IReadOnlyDictionary<string, State> states)
    {
        var rows = Csv.Read(f.Path, f.Text, "state", "start", "end", "name", "source", "note");
        var errors = new List<DataError>();
        var list = new List<ArmedConflictPeriod>();
        foreach (var r in rows)
        {
            if (!states.ContainsKey(r["state"])) errors.Add(new DataError(f.Path, r.Line, $"state '{r["state"]}' is not in states/states.csv"));
            var start = OptionalDay(r, "start", f.Path, errors);
            var end = OptionalDay(r, "end", f.Path, errors);
            if (start is null)
            {
                errors.Add(new DataError(f.Path, r.Line, "start is required"));
                continue;
            }

            if (end is not null && end <= start) errors.Add(new DataError(f.Path, r.Line, "end is not after start"));
            list.Add(new ArmedConflictPeriod(r["state"], start.Value, end, r["name"], Csv.List(r["source"]), r["note"].Length > 0 ? r["note"] : null));
        }

        if (errors.Count > 0) throw new DataException(errors);
        return list;
    }

    /// <summary>Actions by treaty, each list parsed on first access when the catalog was parsed lazily.</summary>
    private sealed class LazyActions : IReadOnlyDictionary<string, IReadOnlyList<TreatyAction>>
    {
        private readonly Dictionary<string, Lazy<IReadOnlyList<TreatyAction>>> _map = new(StringComparer.Ordinal);

        public void Add(string id, Lazy<IReadOnlyList<TreatyAction>> actions) => _map[id] = actions;

        public IReadOnlyList<TreatyAction> this[string key] => _map[key].Value;
        public IEnumerable<string> Keys => _map.Keys;
        public IEnumerable<IReadOnlyList<TreatyAction>> Values => _map.Values.Select(v => v.Value);
        public int Count => _map.Count;
        public bool ContainsKey(string key) => _map.ContainsKey(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IReadOnlyList<TreatyAction> value)
        {
            if (_map.TryGetValue(key, out var lazy))
            {
                value = lazy.Value;
                return true;
            }

            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, IReadOnlyList<TreatyAction>>> GetEnumerator() =>
            _map.Select(kv => new KeyValuePair<string, IReadOnlyList<TreatyAction>>(kv.Key, kv.Value.Value)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Iso3();

}
