namespace TreatyWatch.Ingest.Mentions;

public enum MentionKind
{
    State,
    Demonym,
    Capital,
    Parliament,
    Group,
    Treaty,
    /// <summary>A treaty noun naming a treaty the gazetteer does not know ("the Vienna Convention").</summary>
    UnknownTreaty,
    /// <summary>"the convention", "the Treaty": the last treaty named.</summary>
    TreatyAnaphor,
}

/// <summary>
/// A name found in the text, over tokens [<see cref="FirstToken"/>, <see cref="EndToken"/>).
/// <see cref="Ids"/> holds the state codes (several for a group) or the treaty id.
/// </summary>
public readonly record struct Mention(MentionKind Kind, int FirstToken, int EndToken, int Start, int End, string[] Ids)
{
    public bool IsStateLike => Kind is MentionKind.State or MentionKind.Demonym or MentionKind.Capital
        or MentionKind.Parliament or MentionKind.Group;
    public bool IsTreatyLike => Kind is MentionKind.Treaty or MentionKind.UnknownTreaty or MentionKind.TreatyAnaphor;
}

/// <summary>
/// Finds the states and treaties an article names: gazetteer names, subject-matter descriptions
/// beside a treaty noun ("the convention banning cluster bombs") and definite treaty nouns that
/// refer back ("the convention"). Context-dependent state references ("the four nations") are
/// resolved later, by the event extractor, which knows the discourse.
/// </summary>
public static class MentionFinder
{
    private static readonly System.Collections.Frozen.FrozenSet<string> TreatyNouns = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["convention", "conventions", "treaty", "treaties", "pact", "accord", "accords", "agreement",
        "agreements", "protocol", "statute", "ban"], StringComparer.Ordinal);

    // Nouns that can refer back to the last treaty named when definite ("the ban" is too vague).
    private static readonly System.Collections.Frozen.FrozenSet<string> AnaphoricTreatyNouns = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["convention", "treaty", "pact", "accord", "agreement", "protocol", "statute"], StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenSet<string> Determiners = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["the", "this", "that", "said", "same", "its", "their", "la", "le", "l", "cette"], StringComparer.Ordinal);

    // A treaty noun followed by one of these describes a treaty ("the convention on the rights of ...").
    private static readonly System.Collections.Frozen.FrozenSet<string> DescriptiveComplement = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["on", "of", "for", "against", "banning", "prohibiting", "governing", "regulating", "to", "between", "sur", "relative"], StringComparer.Ordinal);

    /// <summary>Groups larger than this are not read as a list of states acting together.</summary>
    public const int MaxGroupSize = 10;

    public static List<Mention> Find(Gazetteer gazetteer, TokenizedText text)
    {
        var found = new List<Mention>();
        var topics = new List<Mention>();
        for (int i = 0; i < text.Count;)
        {
            var hit = gazetteer.LongestAt(text, i);
            if (hit is not { } h) { i++; continue; }
            var e = h.Entry;
            int end = i + h.Length;
            var m = new Mention(ToKind(e.Kind), i, end, text.Tokens[i].Start, text.Tokens[end - 1].End,
                e.Kind == NameKind.Group ? e.Ids[0].Split(';') : e.Ids);
            if (e.Kind == NameKind.TreatyTopic) topics.Add(m);
            // The EU, NATO, the G20: an act "by NATO" is no act of each member, and the EU is a party in its own right.
            else if (m.Kind == MentionKind.Group && m.Ids.Length > MaxGroupSize) { }
            else if (m.Kind != MentionKind.Treaty && e.Ids.Length > 1) { /* one name, several states: leave it */ }
            else if (m.Kind == MentionKind.Capital && IsDateline(text, i)) { }
            // "Soviet-ruled", "Russian-made", "US-led": a name inside a compound adjective refers to no actor
            else if (m.Kind is MentionKind.Demonym or MentionKind.State && end < text.Count && IsCompoundModifier(text, end - 1)) { }
            else found.Add(m);
            i = end;
        }

        var used = new bool[text.Count];
        foreach (var m in found) if (m.Kind == MentionKind.Treaty) Mark(used, m);

        // Subject-matter words become a treaty mention beside a treaty noun. Two topics may share one noun:
        // "the anti-personnel mines and cluster munitions conventions" names two treaties.
        var headsOfTopics = new List<int>();
        foreach (var t in topics)
        {
            // "the nuclear test ban", "the mine ban": the topic carries its own treaty noun
            if (text.Is(t.EndToken - 1, "ban"))
            {
                found.Add(new Mention(MentionKind.Treaty, t.FirstToken, t.EndToken, t.Start, t.End, t.Ids));
                continue;
            }
            int head = HeadFor(text, t, used);
            // A noun already part of a named treaty ("the Ottawa Convention, which bans landmines") is described, not named.
            if (head < 0 || used[head]) continue;
            headsOfTopics.Add(head);
            int first = head < t.FirstToken && t.FirstToken - head <= 3 ? head : t.FirstToken;
            int end = head >= t.EndToken && head - t.EndToken <= 3 ? head + 1 : t.EndToken;
            found.Add(new Mention(MentionKind.Treaty, first, end, text.Tokens[first].Start, text.Tokens[end - 1].End, t.Ids));
        }
        foreach (int h in headsOfTopics) used[h] = true;
        foreach (var m in found) if (m.Kind == MentionKind.Treaty) Mark(used, m);

        // Remaining treaty nouns: a definite one refers back; one with its own name or description is unknown.
        for (int i = 0; i < text.Count; i++)
        {
            if (used[i] || !text.IsAny(i, AnaphoricTreatyNouns)) continue;
            var kind = ClassifyBareTreatyNoun(text, i);
            if (kind is null) continue;
            found.Add(new Mention(kind.Value, i, i + 1, text.Tokens[i].Start, text.Tokens[i].End, []));
        }

        found.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        return found;
    }

    private static MentionKind ToKind(NameKind k) => k switch
    {
        NameKind.State => MentionKind.State,
        NameKind.Demonym => MentionKind.Demonym,
        NameKind.Capital => MentionKind.Capital,
        NameKind.Parliament => MentionKind.Parliament,
        NameKind.Group => MentionKind.Group,
        _ => MentionKind.Treaty,
    };

    private static void Mark(bool[] used, Mention m)
    {
        for (int k = m.FirstToken; k < m.EndToken; k++) used[k] = true;
    }

    // "VILNIUS (Reuters) -", "Riga, December 28 (Xinhua) —": the place a report was filed from.
    private static bool IsDateline(TokenizedText text, int i)
    {
        int start = text.Tokens[i].Start;
        int lineStart = text.Text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start > 0 && text.Text.AsSpan(lineStart, start - lineStart).Trim().Length > 0) return false;
        var gap = text.Gap(i);
        if (gap.Contains('(') || gap.Contains('\u2014') || gap.Contains('\u2013') || gap.Contains('-')) return true;
        // "Riga, December 28", "YEREVAN, JUNE 7," — but not "Ankara, which signed the accord"
        return gap.Contains(',') && i + 1 < text.Count && (char.IsDigit(text.Text[text.Tokens[i + 1].Start]) || IsMonthName(text.Span(i + 1)));
    }

    private static bool IsMonthName(ReadOnlySpan<char> w)
    {
        foreach (var m in (ReadOnlySpan<string>)["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                     "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"])
            if (w.Equals(m, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsCompoundModifier(TokenizedText text, int last)
    {
        var gap = text.Gap(last);
        return gap.Length == 1 && gap[0] is '-' or '\u2010' or '\u2011' && char.IsLower(text.Text[text.Tokens[last + 1].Start]);
    }

    private static int HeadFor(TokenizedText text, Mention topic, bool[] used)
    {
        // "the cluster munitions convention", "anti-personnel mine ban treaty"
        for (int k = topic.EndToken; k < Math.Min(text.Count, topic.EndToken + 4); k++)
        {
            if (HardBreak(text.Gap(k - 1))) break;
            if (text.IsAny(k, TreatyNouns))
            {
                // prefer the last noun of "mine ban treaty"
                while (k + 1 < text.Count && text.IsAny(k + 1, TreatyNouns) && !HardBreak(text.Gap(k))) k++;
                return k;
            }
            if (!IsConnector(text, k) && !IsTopicWord(text, k)) break;
        }
        // "the convention banning the use, production ... of anti-personnel mines"
        for (int k = topic.FirstToken - 1; k >= Math.Max(0, topic.FirstToken - 12); k--)
        {
            if (HardBreak(text.Gap(k))) break;
            if (text.IsAny(k, TreatyNouns) && !text.Is(k, "ban")) return k;
        }
        return -1;
    }

    private static bool IsConnector(TokenizedText text, int k) => text.Is(k, "and") || text.Is(k, "or");

    // Words that can sit between a topic and its noun: "anti-personnel mines and cluster munitions conventions".
    private static bool IsTopicWord(TokenizedText text, int k) => !text.IsCapitalized(k) || text.Span(k).Length > 2;

    private static bool HardBreak(ReadOnlySpan<char> gap)
    {
        foreach (char c in gap)
            if (c is '.' or ';' or ':' or '(' or ')' or '\n' or '"' or '\u201C' or '\u201D' or '?' or '!' or '|') return true;
        return false;
    }

    private static MentionKind? ClassifyBareTreatyNoun(TokenizedText text, int i)
    {
        int k = i - 1;
        // "the 1997 treaty", "the landmark treaty", "the international convention"
        int skipped = 0;
        while (k >= 0 && skipped < 3 && !HardBreak(text.Gap(k)) && !text.IsAny(k, Determiners)
               && (!text.IsCapitalized(k) || IsSentenceStart(text, k)) && !text.Is(k, "a") && !text.Is(k, "an"))
        {
            k--; skipped++;
        }
        bool capitalModifier = i > 0 && text.IsCapitalized(i - 1) && !IsSentenceStart(text, i - 1) && !text.IsAny(i - 1, Determiners)
                               && !HardBreak(text.Gap(i - 1));
        if (capitalModifier) return MentionKind.UnknownTreaty;
        bool definite = k >= 0 && text.IsAny(k, Determiners) && (k == i - 1 || !HardBreak(text.Gap(k)));
        bool describes = text.IsAny(i + 1, DescriptiveComplement) && !HardBreak(text.Gap(i))
                         && !text.Is(i + 1, "to") && !text.Is(i + 1, "of") // "the treaty to ...", "the treaty of 1997"
                         ;
        if (describes && text.IsCapitalized(i)) return MentionKind.UnknownTreaty;
        if (describes) return null;
        return definite ? MentionKind.TreatyAnaphor : null;
    }

    private static bool IsSentenceStart(TokenizedText text, int k)
    {
        if (k == 0) return true;
        var gap = text.Gap(k - 1);
        foreach (char c in gap) if (c is '.' or '\n' or '!' or '?' or ':' or '"' or '\u201C') return true;
        return false;
    }
}
