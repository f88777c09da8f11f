namespace TreatyWatch.Ingest.Mentions;

/// <summary>
/// Reads the names the bundled data defines (docs/data-format.md): <c>states/states.csv</c>,
/// <c>states/groups.csv</c> and the <c>title:</c>, <c>short:</c> and <c>alias:</c> lines of
/// <c>treaties/*.treaty</c>, and adds the reporters' names of <see cref="TreatyLexicon"/>.
/// A missing file gives no names of that kind; a malformed one is refused with file and line.
/// </summary>
public static class GazetteerLoader
{
    public static Gazetteer Load(string dataDirectory)
    {
        var states = new List<StateName>();
        var groups = new List<StateGroup>();
        var treaties = new List<TreatyName>();

        string statesCsv = Path.Combine(dataDirectory, "states", "states.csv");
        if (File.Exists(statesCsv)) states.AddRange(ReadStates(File.ReadAllText(statesCsv), statesCsv));

        string groupsCsv = Path.Combine(dataDirectory, "states", "groups.csv");
        if (File.Exists(groupsCsv)) groups.AddRange(ReadGroups(File.ReadAllText(groupsCsv), groupsCsv));

        string treatyDir = Path.Combine(dataDirectory, "treaties");
        if (Directory.Exists(treatyDir))
            foreach (var f in Directory.EnumerateFiles(treatyDir, "*.treaty").Order(StringComparer.Ordinal))
                treaties.Add(ReadTreaty(File.ReadAllText(f), f));

        return new Gazetteer(states, groups, TreatyLexicon.Merge(treaties));
    }

    public static IEnumerable<StateName> ReadStates(string csv, string fileName = "states.csv")
    {
        foreach (var row in Csv.Read(csv, fileName, "iso3", "name"))
        {
            string iso3 = row.Get("iso3");
            if (iso3.Length != 3) throw new FormatException($"{fileName}:{row.Line}: iso3 '{iso3}' is not three letters");
            yield return new StateName(iso3, row.Get("name"), row.List("aliases"), row.List("demonyms"),
                row.List("capitals"), row.List("parliaments"));
        }
    }

    public static IEnumerable<StateGroup> ReadGroups(string csv, string fileName = "groups.csv")
    {
        foreach (var row in Csv.Read(csv, fileName, "name", "members"))
        {
            var members = row.List("members");
            if (members.Length == 0) throw new FormatException($"{fileName}:{row.Line}: group '{row.Get("name")}' has no members");
            yield return new StateGroup(row.Get("name"), row.List("aliases"), members);
        }
    }

    public static TreatyName ReadTreaty(string text, string fileName = "treaty")
    {
        string? id = null;
        var names = new List<string>();
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            string line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            int colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"{fileName}:{lineNo}: expected 'key: value'");
            string key = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "id": id = value; break;
                case "title" or "short" or "alias" when value.Length > 0: names.Add(value); break;
            }
        }
        if (string.IsNullOrEmpty(id)) throw new FormatException($"{fileName}: no 'id:' line");
        return new TreatyName(id, names, []);
    }

    /// <summary>RFC 4180 with a header row; lists inside a field are separated by ';'.</summary>
    private static class Csv
    {
        public sealed class Row(Dictionary<string, int> columns, List<string> fields, int line)
        {
            public int Line { get; } = line;
            public string Get(string column) =>
                columns.TryGetValue(column, out int i) && i < fields.Count ? fields[i].Trim() : "";
            public string[] List(string column) =>
                Get(column).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        public static IEnumerable<Row> Read(string text, string fileName, params string[] required)
        {
            var records = Records(text, fileName).GetEnumerator();
            if (!records.MoveNext()) yield break;
            var header = records.Current.Fields;
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.Count; i++) columns[header[i].Trim().TrimStart('\uFEFF')] = i;
            foreach (var r in required)
                if (!columns.ContainsKey(r)) throw new FormatException($"{fileName}:1: missing column '{r}'");
            while (records.MoveNext())
            {
                var (fields, line) = records.Current;
                if (fields.Count == 1 && fields[0].Trim().Length == 0) continue;
                yield return new Row(columns, fields, line);
            }
        }

        private static IEnumerable<(List<string> Fields, int Line)> Records(string text, string fileName)
        {
            int i = 0, line = 1;
            while (i < text.Length)
            {
                int startLine = line;
                var fields = new List<string>();
                var field = new System.Text.StringBuilder();
                bool quoted = false, endOfRecord = false;
                while (i < text.Length && !endOfRecord)
                {
                    char c = text[i++];
                    if (quoted)
                    {
                        if (c == '"' && i < text.Length && text[i] == '"') { field.Append('"'); i++; }
                        else if (c == '"') quoted = false;
                        else { if (c == '\n') line++; field.Append(c); }
                    }
                    else if (c == '"') quoted = true;
                    else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                    else if (c == '\n') { line++; endOfRecord = true; }
                    else if (c != '\r') field.Append(c);
                }
                if (quoted) throw new FormatException($"{fileName}:{startLine}: unterminated quoted field");
                fields.Add(field.ToString());
                yield return (fields, startLine);
            }
        }
    }
}
