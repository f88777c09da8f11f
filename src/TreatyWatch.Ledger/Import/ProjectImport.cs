using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.States;
using TreatyWatch.Ledger.Export;

namespace TreatyWatch.Ledger.Import;

/// <summary>
/// Reads what <see cref="ProjectExport"/> writes: the CSV files (<c>actions/&lt;id&gt;.csv</c>, <c>sources/*.csv</c>, the bundled
/// data's formats, checked as the catalog loader checks them) or the JSON document. Pure: text in, data out. Any problem
/// throws <see cref="DataException"/> listing every error with its file and line, and nothing is returned.
/// </summary>
public static partial class ProjectImport
{
    /// <summary>Reads CSV files: only <c>actions/*.csv</c> and <c>sources/*.csv</c> are read (paths relative, with '/').</summary>
    /// <param name="states">The states actions may name (ISO3).</param>
    /// <param name="knownSources">Sources already on record that actions may cite besides those in the files.</param>
    public static ProjectData FromCsv(IEnumerable<DataFile> files, IReadOnlyDictionary<string, State> states, IReadOnlyDictionary<string, Source>? knownSources = null)
    {
        var list = files.ToList();
        var errors = new List<DataError>();
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        var listed = new List<Source>();
        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in list.Where(f => IsCsvUnder(f.Path, "sources/")).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            foreach (var (s, line) in Guard(errors, () => ReadSources(f, broken)) ?? [])
            {
                if (sources.TryAdd(s.Key, s)) listed.Add(s);
                else errors.Add(new DataError(f.Path, line, $"source key '{s.Key}' is defined twice"));
            }
        }

        var resolver = new SourceResolver(sources, knownSources, broken);
        var treaties = new List<ProjectTreaty>();
        foreach (var f in list.Where(f => IsCsvUnder(f.Path, "actions/")).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var id = f.Path["actions/".Length..^".csv".Length];
            if (!TreatyIdPattern().IsMatch(id))
            {
                errors.Add(new DataError(f.Path, 0, $"'{id}' is not a treaty id (lower-case letters, digits and '-')"));
                continue;
            }

            var actions = Guard(errors, () => ReadActions(f, id, states, resolver));
            if (actions is not null) treaties.Add(new ProjectTreaty(id, actions));
        }

        if (errors.Count > 0) throw new DataException(errors);
        return new ProjectData(treaties, listed);
    }

    /// <summary>Reads the JSON document.</summary>
    /// <param name="fileName">Named in errors.</param>
    public static ProjectData FromJson(string fileName, string json, IReadOnlyDictionary<string, State> states, IReadOnlyDictionary<string, Source>? knownSources = null)
    {
        JsonTree.Node root;
        try
        {
            root = JsonTree.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DataException([new DataError(fileName, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}")]);
        }

        var errors = new List<DataError>();
        var doc = new JsonFields(fileName, root, "the document", errors, ["treaties", "sources"]);
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        var listed = new List<Source>();
        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in doc.Array("sources", required: true))
        {
            var o = new JsonFields(fileName, node, "a source", errors, ["key", "kind", "title", "url", "published", "cnNumber", "outlet", "quote", "quoteStart", "quoteEnd"]);
            var key = o.String("key", required: true);
            var kindText = o.String("kind", required: true);
            var title = o.String("title", required: true);
            var url = o.String("url");
            var publishedText = o.String("published");
            var cnNumber = o.String("cnNumber");
            var outlet = o.String("outlet");
            var quote = o.String("quote");
            var quoteStart = o.Int("quoteStart");
            var quoteEnd = o.Int("quoteEnd");
            if (quoteStart < 0) errors.Add(new DataError(fileName, o.LineOf("quoteStart"), $"a source: 'quoteStart' {quoteStart} is below 0"));
            if (quoteEnd < quoteStart) errors.Add(new DataError(fileName, o.LineOf("quoteEnd"), $"a source: 'quoteEnd' {quoteEnd} is before 'quoteStart' {quoteStart}"));
            if (key is not null && !o.Ok) broken.Add(key);
            if (!o.Ok || key is null || kindText is null || title is null) continue;
            if (key.Length == 0)
            {
                errors.Add(new DataError(fileName, node.Line, "a source with an empty key"));
                continue;
            }

            if (!TryParseSourceKind(kindText, out var kind))
            {
                errors.Add(new DataError(fileName, o.LineOf("kind"), $"kind '{kindText}' is not one of depositary, official, monitor, news, dataset"));
                broken.Add(key);
                continue;
            }

            PartialDate? published = null;
            if (publishedText is not null)
            {
                if (PartialDate.TryParse(publishedText, out var p, out var pe)) published = p;
                else
                {
                    errors.Add(new DataError(fileName, o.LineOf("published"), $"published: {pe}"));
                    broken.Add(key);
                }
            }

            var s = new Source(key, kind, title, url, published) { CnNumber = cnNumber, Outlet = outlet, Quote = quote, QuoteStart = quoteStart, QuoteEnd = quoteEnd };
            if (sources.TryAdd(key, s)) listed.Add(s);
            else errors.Add(new DataError(fileName, node.Line, $"source key '{key}' is defined twice"));
        }

        var resolver = new SourceResolver(sources, knownSources, broken);
        var treaties = new List<ProjectTreaty>();
        var treatyIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tnode in doc.Array("treaties", required: true))
        {
            var t = new JsonFields(fileName, tnode, "a treaty", errors, ["id", "actions"]);
            var id = t.String("id", required: true);
            var actionNodes = t.Array("actions", required: true);
            if (id is null) continue;
            if (!TreatyIdPattern().IsMatch(id))
            {
                errors.Add(new DataError(fileName, t.LineOf("id"), $"'{id}' is not a treaty id (lower-case letters, digits and '-')"));
                continue;
            }

            if (!treatyIds.Add(id)) errors.Add(new DataError(fileName, tnode.Line, $"treaty '{id}' is listed twice"));
            var checker = new ActionChecker(fileName, id, states, resolver, errors);
            foreach (var anode in actionNodes)
            {
                var a = new JsonFields(fileName, anode, "an action", errors,
                    ["id", "state", "action", "date", "known", "sources", "votes", "effective", "supersedes", "by", "objectsTo", "note", "origin"]);
                var actionId = a.String("id", required: true);
                var state = a.String("state", required: true);
                var kind = a.String("action", required: true);
                var date = a.String("date", required: true);
                var known = a.String("known");
                var cited = a.Array("sources", required: true).Select(n => JsonFields.AsString(fileName, n, "a source reference", errors)).ToList();
                Votes? votes = null;
                if (a.Object("votes") is { } vnode)
                {
                    var v = new JsonFields(fileName, vnode, "votes", errors, ["for", "against", "abstain", "required"]);
                    votes = new Votes(v.Int("for"), v.Int("against"), v.Int("abstain"), v.Int("required"));
                }

                var effective = a.String("effective");
                var supersedes = a.String("supersedes");
                var by = a.String("by");
                var objectsTo = a.String("objectsTo");
                var note = a.String("note");
                var origin = a.String("origin");
                if (!a.Ok || actionId is null || state is null || kind is null || date is null || cited.Any(c => c is null)) continue;
                checker.Add(anode.Line, actionId, state, kind, date, known, cited!, votes, effective, supersedes, by, objectsTo, note, origin,
                    lineOf: a.LineOf);
            }

            var actions = checker.Finish();
            if (actions is not null) treaties.Add(new ProjectTreaty(id, actions));
        }

        if (errors.Count > 0) throw new DataException(errors);
        return new ProjectData(treaties, listed);
    }

    private static bool IsCsvUnder(string path, string folder) =>
        path.StartsWith(folder, StringComparison.Ordinal) && path.EndsWith(".csv", StringComparison.Ordinal) && path.IndexOf('/', folder.Length) < 0;

    private static T? Guard<T>(List<DataError> errors, Func<T> f) where T : class
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

    private static bool TryParseSourceKind(string text, out SourceKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && kind != SourceKind.Web && !int.TryParse(text, out _);

    private static List<(Source Source, int Line)> ReadSources(DataFile f, HashSet<string> broken)
    {
        var rows = Csv.Read(f.Path, f.Text, "key", "kind", "title", "url", "published");
        var errors = new List<DataError>();
        var result = new List<(Source, int)>();
        foreach (var r in rows)
        {
            var key = r["key"];
            if (key.Length == 0)
            {
                errors.Add(new DataError(f.Path, r.Line, "empty key"));
                continue;
            }

            if (!TryParseSourceKind(r["kind"], out var kind))
            {
                errors.Add(new DataError(f.Path, r.Line, $"kind '{r["kind"]}' is not one of depositary, official, monitor, news, dataset"));
                broken.Add(key);
                continue;
            }

            PartialDate? published = null;
            if (r["published"].Length > 0)
            {
                if (PartialDate.TryParse(r["published"], out var p, out var e)) published = p;
                else
                {
                    errors.Add(new DataError(f.Path, r.Line, $"published: {e}"));
                    broken.Add(key);
                }
            }

            var before = errors.Count;
            var source = CatalogParser.WithDetails(new Source(key, kind, r["title"], r["url"].Length > 0 ? r["url"] : null, published), r, f.Path, errors);
            if (errors.Count > before) broken.Add(key);
            result.Add((source, r.Line));
        }

        if (errors.Count > 0) throw new DataException(errors);
        return result;
    }

    private static List<TreatyAction> ReadActions(DataFile f, string treatyId, IReadOnlyDictionary<string, State> states, SourceResolver resolver)
    {
        var rows = Csv.Read(f.Path, f.Text, "state", "action", "date", "known", "detail", "source", "note");
        var errors = new List<DataError>();
        var checker = new ActionChecker(f.Path, treatyId, states, resolver, errors);
        foreach (var r in rows)
        {
            var detail = ActionDetail.Parse(r["detail"], f.Path, r.Line, errors);
            if (detail is null) continue;
            var (votes, effective, id, supersedes, by, objectsTo) = detail;
            checker.Add(r.Line, id ?? $"{treatyId}:{r.Line.ToString(CultureInfo.InvariantCulture)}", r["state"], r["action"], r["date"],
                r["known"].Length > 0 ? r["known"] : null, Csv.List(r["source"]), votes, effective, supersedes, by, objectsTo,
                r["note"].Length > 0 ? r["note"] : null, $"{f.Path}:{r.Line.ToString(CultureInfo.InvariantCulture)}", sourceFieldEmpty: r["source"].Length == 0);
        }

        var actions = checker.Finish();
        if (errors.Count > 0 || actions is null) throw new DataException(errors);
        return actions;
    }

    /// <summary>Resolves a cited source: a key in the imported sources, then in the sources on record, or a bare URL.</summary>
    private sealed class SourceResolver(IReadOnlyDictionary<string, Source> imported, IReadOnlyDictionary<string, Source>? known, IReadOnlySet<string> broken)
    {
        /// <summary>A key whose source had an error of its own: citing it is not a second error.</summary>
        public bool IsBroken(string key) => broken.Contains(key);

        public Source? Resolve(string key)
        {
            if (key.StartsWith("http://", StringComparison.Ordinal) || key.StartsWith("https://", StringComparison.Ordinal))
                return new Source(key, SourceKind.Web, key, key, null);
            return imported.GetValueOrDefault(key) ?? known?.GetValueOrDefault(key);
        }
    }

    /// <summary>The checks the catalog loader makes on an action, shared by the CSV and JSON readers.</summary>
    private sealed class ActionChecker(string file, string treatyId, IReadOnlyDictionary<string, State> states, SourceResolver resolver, List<DataError> errors)
    {
        private readonly List<(TreatyAction Action, int Line)> _actions = [];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly int _errorsBefore = errors.Count;

        /// <param name="lineOf">The line of a field, for JSON (a CSV row is one line).</param>
        public void Add(int line, string id, string state, string action, string dateText, string? knownText, IReadOnlyList<string> cited,
            Votes? votes, string? effectiveText, string? supersedes, string? by, string? objectsTo, string? note, string? origin,
            bool sourceFieldEmpty = false, Func<string, int>? lineOf = null)
        {
            var before = errors.Count;
            void Error(string reason, string? field = null) => errors.Add(new DataError(file, field is not null && lineOf is not null ? lineOf(field) : line, reason));

            if (!states.ContainsKey(state)) Error($"state '{state}' is not in states/states.csv", "state");
            if (!ActionKinds.TryParse(action, out var kind))
            {
                Error($"action '{action}' is not one of: {string.Join(", ", ActionKinds.AllNames)}", "action");
                return;
            }

            if (!PartialDate.TryParse(dateText, out var date, out var de))
            {
                Error($"date: {de}", "date");
                return;
            }

            if (ActionKinds.Family(kind) == ActionFamily.Depositary && date.Precision != DatePrecision.Day)
                Error($"{action} is a depositary act: its date needs a day, not '{date}'", "date");

            var known = date.LastDay;
            if (knownText is not null)
            {
                if (IsoDate.TryParse(knownText, out var k, out var ke))
                {
                    known = k;
                    if (k < date.FirstDay) Error($"known {knownText} is before the act's date {date}", "known");
                }
                else Error($"known: {ke}", "known");
            }

            LocalDate? effective = null;
            if (effectiveText is not null)
            {
                if (IsoDate.TryParse(effectiveText, out var e, out var ee)) effective = e;
                else Error($"effective: {ee}", "effective");
            }

            var sources = new List<Source>();
            foreach (var key in cited)
            {
                if (resolver.Resolve(key) is { } s) sources.Add(s);
                else if (!resolver.IsBroken(key)) Error($"source '{key}' is not defined in sources/*.csv", "sources");
            }

            if (sources.Count == 0 && (sourceFieldEmpty || cited.Count == 0)) Error("every action needs a source", "sources");
            if (id.Length == 0) Error("empty id");
            else if (!_ids.Add(id)) Error($"id '{id}' is used twice");
            if (errors.Count > before) return;

            _actions.Add((new TreatyAction
            {
                Id = id,
                TreatyId = treatyId,
                State = state,
                Kind = kind,
                Date = date,
                Known = known,
                Sources = sources,
                Votes = votes,
                Effective = effective,
                Supersedes = supersedes,
                By = by,
                ObjectsTo = objectsTo,
                Note = note,
                Origin = origin,
            }, line));
        }

        /// <summary>The actions, or null when any had an error; checks that corrections name an id of this treaty.</summary>
        public List<TreatyAction>? Finish()
        {
            foreach (var (a, line) in _actions.Where(x => x.Action.Supersedes is not null && !_ids.Contains(x.Action.Supersedes!)))
                errors.Add(new DataError(file, line, $"supersedes '{a.Supersedes}', which is not an id of treaty '{treatyId}'"));
            return errors.Count > _errorsBefore ? null : _actions.Select(x => x.Action).ToList();
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex TreatyIdPattern();

}
