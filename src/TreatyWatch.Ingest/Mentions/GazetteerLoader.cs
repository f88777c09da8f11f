using TreatyWatch.Engine.Data;

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
        foreach (var row in Rows(csv, fileName, "iso3", "name"))
        {
            string iso3 = row["iso3"];
            if (iso3.Length != 3) throw new FormatException($"{fileName}:{row.Line}: iso3 '{iso3}' is not three letters");
            yield return new StateName(iso3, row["name"], Csv.List(row["aliases"]), Csv.List(row["demonyms"]),
                Csv.List(row["capitals"]), Csv.List(row["parliaments"]));
        }
    }

    public static IEnumerable<StateGroup> ReadGroups(string csv, string fileName = "groups.csv")
    {
        foreach (var row in Rows(csv, fileName, "name", "members"))
        {
            var members = Csv.List(row["members"]);
            if (members.Count == 0) throw new FormatException($"{fileName}:{row.Line}: group '{row["name"]}' has no members");
            yield return new StateGroup(row["name"], Csv.List(row["aliases"]), members);
        }
    }

    /// <summary>The rows of the engine's CSV reader (the one the catalog is parsed with); its errors as <see cref="FormatException"/> with file and line.</summary>
    private static IReadOnlyList<Csv.Row> Rows(string csv, string fileName, params string[] required)
    {
        if (string.IsNullOrWhiteSpace(csv)) return [];
        try
        {
            return Csv.Read(fileName, csv, required);
        }
        catch (DataException e)
        {
            throw new FormatException(e.Message, e);
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
}
