namespace TreatyWatch.Ingest.Mentions;

/// <summary>What a gazetteer entry names.</summary>
public enum NameKind
{
    State,
    Demonym,
    Capital,
    Parliament,
    Group,
    Treaty,
    /// <summary>Subject-matter words that name a treaty only beside a treaty noun.</summary>
    TreatyTopic,
}

/// <summary>How the case of the text must agree with the entry.</summary>
internal enum CaseRule
{
    /// <summary>"landmines", "Landmines", "LANDMINES".</summary>
    Insensitive,
    /// <summary>A proper name: the first letter in the text must be a capital ("Chad", not "chad").</summary>
    Capitalized,
    /// <summary>A short acronym: exactly as written ("US", not "us"; "WHO", not "who").</summary>
    Exact,
}

internal sealed class NameEntry(string[] words, NameKind kind, string[] ids, CaseRule caseRule)
{
    public string[] Words { get; } = words;
    public string[] LowerWords { get; } = [.. words.Select(w => w.ToLowerInvariant())];
    public NameKind Kind { get; } = kind;
    public string[] Ids { get; set; } = ids;
    public CaseRule Case { get; } = caseRule;
}

/// <summary>
/// The names of states, groups and treaties, compiled once into a word index so that finding every
/// mention in an article is one pass over its words.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, NameEntry[]> _byFirstWord;
    private readonly Dictionary<string, NameEntry[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public IReadOnlyList<StateName> States { get; }
    public IReadOnlyList<StateGroup> Groups { get; }
    public IReadOnlyList<TreatyName> Treaties { get; }
    public IReadOnlyDictionary<string, StateName> StatesByCode { get; }

    public Gazetteer(IEnumerable<StateName> states, IEnumerable<StateGroup> groups, IEnumerable<TreatyName> treaties)
    {
        States = [.. states];
        Groups = [.. groups];
        Treaties = [.. treaties];
        StatesByCode = States.ToDictionary(s => s.Iso3, StringComparer.OrdinalIgnoreCase);

        var entries = new Dictionary<string, NameEntry>(StringComparer.OrdinalIgnoreCase);
        void Add(string phrase, NameKind kind, string id, bool properName)
        {
            var words = TokenizedText.Words(phrase);
            // "the Netherlands", "The Gambia": the article is matched, or not, by the caller.
            if (words.Length > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase)) words = words[1..];
            if (words.Length == 0) return;
            // "ban treaty" is what any treaty is called; such an alias names nothing in running text
            if (kind == NameKind.Treaty && words.All(w => GenericTreatyWords.Contains(w))) return;
            var caseRule = !properName ? CaseRule.Insensitive
                : IsAcronym(phrase) ? CaseRule.Exact
                : char.IsUpper(words[0][0]) ? CaseRule.Capitalized : CaseRule.Insensitive;
            string key = $"{(int)kind}|{caseRule}|{string.Join(' ', words)}";
            if (entries.TryGetValue(key, out var existing))
            {
                if (!existing.Ids.Contains(id)) existing.Ids = [.. existing.Ids, id];
                return;
            }
            entries[key] = new NameEntry(words, kind, [id], caseRule);
        }

        foreach (var s in States)
        {
            Add(s.Name, NameKind.State, s.Iso3, true);
            foreach (var a in s.Aliases) Add(a, NameKind.State, s.Iso3, true);
            foreach (var d in s.Demonyms) Add(d, NameKind.Demonym, s.Iso3, true);
            foreach (var c in s.Capitals) Add(c, NameKind.Capital, s.Iso3, true);
            foreach (var p in s.Parliaments) Add(p, NameKind.Parliament, s.Iso3, true);
        }
        foreach (var g in Groups)
        {
            string members = string.Join(';', g.Members);
            foreach (var n in g.Aliases.Prepend(g.Name)) Add(n, NameKind.Group, members, false);
        }
        foreach (var t in Treaties)
        {
            foreach (var n in t.Names) Add(n, NameKind.Treaty, t.Id, true);
            foreach (var n in t.Topics) Add(n, NameKind.TreatyTopic, t.Id, false);
        }

        _byFirstWord = entries.Values
            .GroupBy(e => e.LowerWords[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Length).ToArray(), StringComparer.Ordinal);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly HashSet<string> GenericTreatyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ban", "treaty", "treaties", "convention", "conventions", "agreement", "accord", "pact", "protocol", "statute",
        "the", "a", "international", "global", "un", "nuclear",
    };

    private static bool IsAcronym(string phrase)
    {
        int letters = 0;
        foreach (char c in phrase)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters is >= 2 and <= 6;
    }

    /// <summary>The longest entry that starts at token <paramref name="i"/>, and how many tokens it covers.</summary>
    internal (NameEntry Entry, int Length)? LongestAt(TokenizedText text, int i)
    {
        if (!_lookup.TryGetValue(text.LowerSpan(i), out var candidates)) return null;
        foreach (var e in candidates)
        {
            if (i + e.Words.Length > text.Count) continue;
            if (!CaseAgrees(text, i, e)) continue;
            bool ok = true;
            for (int k = 1; k < e.Words.Length && ok; k++)
                ok = text.LowerSpan(i + k).SequenceEqual(e.LowerWords[k])
                     && IsJoiningGap(text.Gap(i + k - 1));
            if (ok) return (e, e.Words.Length);
        }
        return null;
    }

    private static bool CaseAgrees(TokenizedText text, int i, NameEntry e) => e.Case switch
    {
        CaseRule.Exact => Exact(text, i, e),
        CaseRule.Capitalized => text.IsCapitalized(i),
        _ => true,
    };

    private static bool Exact(TokenizedText text, int i, NameEntry e)
    {
        for (int k = 0; k < e.Words.Length; k++)
            if (!text.Span(i + k).SequenceEqual(e.Words[k])) return false;
        return true;
    }

    // Words of one name are joined by spaces, hyphens, apostrophes or the dots of "U.S.", never by a line break.
    private static bool IsJoiningGap(ReadOnlySpan<char> gap)
    {
        if (gap.Length is 0 or > 3) return false;
        int dots = 0;
        foreach (char c in gap)
        {
            if (c == '.') { if (++dots > 1) return false; continue; }
            if (c is ' ' or '\u00A0' or '-' or '\u2010' or '\u2011' or '\'' or '\u2019') continue;
            return false;
        }
        return true;
    }
}
