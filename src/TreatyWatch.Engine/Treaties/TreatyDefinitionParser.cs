using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Rules;

namespace TreatyWatch.Engine.Treaties;

/// <summary>
/// Reads a treaty definition file (docs/data-format.md): <c>key: value</c> lines and rule lines
/// <c>rule [Art. N]: expression</c> in the rules vocabulary. Refuses a definition that does not parse or does
/// not make sense, naming the file, the line and the reason.
/// </summary>
public static partial class TreatyDefinitionParser
{
    private static readonly HashSet<string> RepeatableKeys = ["alias", "annex", "note"];

    private static readonly HashSet<string> KnownKeys =
    [
        "id", "title", "short", "alias", "depositary", "untc", "adopted", "opened-for-signature", "kind", "participants",
        "participants-note", "participants-source", "annex", "note", "entry-into-force", "entry-into-force-source",
        "entry-into-force-for-state", "signature", "succession", "withdrawal", "denunciation", "armed-conflict", "duration",
        "termination",
    ];

    /// <summary>Parses one definition. Throws <see cref="DataException"/> with every problem found.</summary>
    public static TreatyDefinition Parse(string fileName, string text)
    {
        var errors = new List<DataError>();
        var values = new Dictionary<string, (string Value, string? Article, int Line)>(StringComparer.Ordinal);
        var repeated = new Dictionary<string, List<(string Value, int Line)>>(StringComparer.Ordinal);
        var withdrawalFor = new List<(string State, string? Article, string Value, int Line)>();

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var line = StripComment(lines[i]).Trim();
            if (line.Length == 0) continue;
            var m = KeyLine().Match(line);
            if (!m.Success)
            {
                errors.Add(new(fileName, lineNo, $"expected 'key: value' or 'rule [Art. N]: expression', found '{Shorten(line)}'"));
                continue;
            }

            var key = m.Groups["key"].Value.ToLowerInvariant();
            var article = m.Groups["article"].Success ? m.Groups["article"].Value.Trim() : null;
            var value = m.Groups["value"].Value.Trim();
            var forState = m.Groups["for"].Success ? m.Groups["for"].Value.ToUpperInvariant() : null;

            if (forState is not null)
            {
                if (key is not ("withdrawal" or "denunciation"))
                {
                    errors.Add(new(fileName, lineNo, $"'{key} for {forState}': only withdrawal can be given for one state"));
                    continue;
                }

                withdrawalFor.Add((forState, article, value, lineNo));
                continue;
            }

            if (!KnownKeys.Contains(key))
            {
                errors.Add(new(fileName, lineNo, $"unknown key '{key}'; known keys: {string.Join(", ", KnownKeys.Order())}"));
                continue;
            }

            if (key == "denunciation") key = "withdrawal";
            if (value.Length == 0)
            {
                errors.Add(new(fileName, lineNo, $"'{key}' has no value"));
                continue;
            }

            if (RepeatableKeys.Contains(key))
            {
                if (!repeated.TryGetValue(key, out var list)) repeated[key] = list = [];
                list.Add((value, lineNo));
            }
            else if (values.TryGetValue(key, out var previous))
            {
                errors.Add(new(fileName, lineNo, $"'{key}' is given twice (first on line {previous.Line})"));
            }
            else
            {
                values[key] = (value, article, lineNo);
            }
        }

        string? Get(string key) => values.TryGetValue(key, out var v) ? v.Value : null;
        int LineOf(string key) => values.TryGetValue(key, out var v) ? v.Line : 0;
        RuleOrigin Origin(string key) => values.TryGetValue(key, out var v)
            ? new RuleOrigin(v.Article ?? "(no article cited)", v.Value, v.Line)
            : new RuleOrigin("", "", 0);

        var isBilateral = (values.TryGetValue("kind", out var kv) ? kv.Value : "") == "bilateral";
        // A bilateral treaty enters into force for both parties at once; it has no "later state" rule.
        foreach (var required in new[] { "id", "title", "entry-into-force", "withdrawal" }.Concat(isBilateral ? [] : new[] { "entry-into-force-for-state" }))
        {
            if (!values.ContainsKey(required)) errors.Add(new(fileName, 0, $"required key '{required}' is missing"));
        }

        var id = Get("id") ?? "";
        if (id.Length > 0 && !IdPattern().IsMatch(id))
            errors.Add(new(fileName, LineOf("id"), $"id '{id}' must be lower-case letters, digits and '-'"));

        LocalDate? DateOf(string key)
        {
            var v = Get(key);
            if (v is null) return null;
            if (IsoDate.TryParse(v, out var d, out var e)) return d;
            errors.Add(new(fileName, LineOf(key), $"'{key}': {e}"));
            return null;
        }

        var adopted = DateOf("adopted");
        var opened = DateOf("opened-for-signature");

        var participants = Get("participants") ?? "incomplete";
        if (participants is not ("complete" or "incomplete"))
            errors.Add(new(fileName, LineOf("participants"), $"participants must be 'complete' or 'incomplete', not '{participants}'"));

        var kind = Get("kind") ?? "multilateral";
        if (kind is not ("multilateral" or "bilateral"))
            errors.Add(new(fileName, LineOf("kind"), $"kind must be 'multilateral' or 'bilateral', not '{kind}'"));

        var annex = new List<string>();
        foreach (var (value, line) in repeated.GetValueOrDefault("annex") ?? [])
        {
            foreach (var code in value.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Iso3Pattern().IsMatch(code)) errors.Add(new(fileName, line, $"annex: '{code}' is not an ISO 3166 alpha-3 code"));
                else annex.Add(code);
            }
        }

        var ctx = new RuleContext(fileName, errors);
        EntryIntoForceRule? eif = values.ContainsKey("entry-into-force")
            ? ParseEntryIntoForce(ctx, Origin("entry-into-force"), annex, Get("entry-into-force-source"))
            : null;
        StateEntryIntoForceRule? stateEif = values.ContainsKey("entry-into-force-for-state")
            ? ParseStateEntryIntoForce(ctx, Origin("entry-into-force-for-state"), eif)
            : isBilateral ? new StateEntryIntoForceRule(new RuleOrigin("(bilateral)", "on the treaty's entry into force", 0), new DateExpression.On(), LaterStateCutoff.AfterEntryIntoForce) : null;
        WithdrawalRule? withdrawal = values.ContainsKey("withdrawal") ? ParseWithdrawal(ctx, Origin("withdrawal")) : null;

        var withdrawalForRules = new Dictionary<string, WithdrawalRule>(StringComparer.Ordinal);
        foreach (var (state, article, value, line) in withdrawalFor)
        {
            if (!Iso3Pattern().IsMatch(state))
            {
                errors.Add(new(fileName, line, $"'withdrawal for {state}': '{state}' is not an ISO 3166 alpha-3 code"));
                continue;
            }

            var rule = ParseWithdrawal(ctx, new RuleOrigin(article ?? "(no basis cited)", value, line));
            if (rule is not null && !withdrawalForRules.TryAdd(state, rule))
                errors.Add(new(fileName, line, $"'withdrawal for {state}' is given twice"));
        }

        SignatureRule? signature = null;
        if (values.ContainsKey("signature"))
        {
            var o = Origin("signature");
            var v = Normalise(o.Text);
            if (v == "until entry into force") signature = new SignatureRule(o, true, null);
            else if (v == "open") signature = new SignatureRule(o, false, null);
            else if (v.StartsWith("until ", StringComparison.Ordinal) && IsoDate.TryParse(v[6..], out var until, out _)) signature = new SignatureRule(o, false, until);
            else errors.Add(new(fileName, o.Line, $"signature: expected 'until entry into force', 'until YYYY-MM-DD' or 'open', found '{o.Text}'"));
        }

        SuccessionRule? succession = null;
        if (values.ContainsKey("succession"))
        {
            var o = Origin("succession");
            var v = Normalise(o.Text);
            if (v == "from the date of succession") succession = new SuccessionRule(o, true);
            else if (v == "on deposit") succession = new SuccessionRule(o, false);
            else errors.Add(new(fileName, o.Line, $"succession: expected 'from the date of succession' or 'on deposit', found '{o.Text}'"));
        }

        ArmedConflictRule? armedConflict = null;
        if (values.ContainsKey("armed-conflict"))
        {
            var o = Origin("armed-conflict");
            if (Normalise(o.Text) == "not before the end of the armed conflict") armedConflict = new ArmedConflictRule(o);
            else errors.Add(new(fileName, o.Line, $"armed-conflict: expected 'not before the end of the armed conflict', found '{o.Text}'"));
            if (withdrawal is { NotProvided: true })
                errors.Add(new(fileName, o.Line, "armed-conflict: the treaty provides no withdrawal, so an armed-conflict clause on withdrawal makes no sense"));
        }

        DurationRule? duration = null;
        if (values.ContainsKey("duration"))
        {
            var o = Origin("duration");
            var v = Normalise(o.Text);
            var dm = DurationYears().Match(v);
            if (v == "unlimited") duration = new DurationRule(o, null);
            else if (dm.Success) duration = new DurationRule(o, int.Parse(dm.Groups[1].Value, CultureInfo.InvariantCulture));
            else errors.Add(new(fileName, o.Line, $"duration: expected 'unlimited' or 'N years after entry into force', found '{o.Text}'"));
        }

        TerminationRule? termination = null;
        if (values.ContainsKey("termination"))
        {
            var o = Origin("termination");
            if (Normalise(o.Text) == "when a party's withdrawal takes effect") termination = new TerminationRule(o);
            else errors.Add(new(fileName, o.Line, $"termination: expected \"when a party's withdrawal takes effect\", found '{o.Text}'"));
        }

        if (adopted is { } a && opened is { } op && op < a)
            errors.Add(new(fileName, LineOf("opened-for-signature"), $"opened for signature ({IsoDate.Format(op)}) before it was adopted ({IsoDate.Format(a)})"));

        if (eif is EntryIntoForceRule.AfterAnnexStates && annex.Count == 0)
            errors.Add(new(fileName, eif.Origin.Line, "entry-into-force counts the annex states, but no 'annex:' lines list them"));

        if (errors.Count > 0) throw new DataException(errors);

        var shortName = Get("short") ?? Get("title")!;
        return new TreatyDefinition
        {
            Id = id,
            Title = Get("title")!,
            ShortName = shortName,
            Aliases = (repeated.GetValueOrDefault("alias") ?? []).Select(x => x.Value).ToList(),
            Depositary = Get("depositary"),
            UntcReference = Get("untc"),
            Adopted = adopted,
            OpenedForSignature = opened,
            Bilateral = kind == "bilateral",
            ParticipantsComplete = participants == "complete",
            ParticipantsNote = Get("participants-note"),
            Annex = annex,
            Notes = (repeated.GetValueOrDefault("note") ?? []).Select(x => x.Value).ToList(),
            EntryIntoForce = eif!,
            StateEntryIntoForce = stateEif!,
            Signature = signature,
            Succession = succession ?? new SuccessionRule(new RuleOrigin("customary law (VCSST Art. 23)", "from the date of succession", 0), true),
            Withdrawal = withdrawal!,
            WithdrawalFor = withdrawalForRules,
            ArmedConflict = armedConflict,
            Duration = duration,
            Termination = termination,
        };
    }

    private sealed record RuleContext(string File, List<DataError> Errors)
    {
        public void Error(RuleOrigin o, string reason) => Errors.Add(new(File, o.Line, reason));
    }

    private enum AnchorKind { Deposit, Receipt, NthInstrument, AnnexStates, EntryIntoForceForState }

    private static (DateExpression Expression, AnchorKind Anchor, int N)? ParseExpression(RuleContext ctx, RuleOrigin o, string text)
    {
        foreach (var (regex, make) in ExpressionShapes)
        {
            var m = regex.Match(text);
            if (!m.Success) continue;
            var n = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
            if (m.Groups["n"].Success && n <= 0)
            {
                ctx.Error(o, $"'{text}': a period of {n} makes no sense");
                return null;
            }

            var anchor = ParseAnchor(m.Groups["anchor"].Value, out var count);
            if (anchor is null)
            {
                ctx.Error(o, $"'{m.Groups["anchor"].Value}' is not an anchor; write deposit, receipt, the Nth instrument, the month of the Nth instrument, the instruments of all annex states, or entry into force for the state");
                return null;
            }

            return (make(n), anchor.Value, count);
        }

        ctx.Error(o, $"'{text}' is not a date expression of the vocabulary (see docs/data-format.md): e.g. '6 months after receipt', 'first day of the 6th month after deposit', '30 days after deposit'");
        return null;
    }

    // Source-generated, like the patterns below: constructed at run time they were parsed and compiled to the
    // interpreter on every command's start (docs/benchmarks.md, "Cold start").
    private static readonly (Regex, Func<int, DateExpression>)[] ExpressionShapes =
    [
        (FirstDayOfMonthAfterDays(), n => new DateExpression.FirstDayOfMonthAfterDays(n)),
        (FirstDayOfMonthAfterMonths(), n => new DateExpression.FirstDayOfMonthAfterMonths(n)),
        (FirstDayOfNthMonthAfter(), n => new DateExpression.FirstDayOfNthMonthAfter(n)),
        (DaysAfter(), n => new DateExpression.DaysAfter(n)),
        (MonthsAfter(), n => new DateExpression.MonthsAfter(n)),
        (YearsAfter(), n => new DateExpression.YearsAfter(n)),
        (On(), _ => new DateExpression.On()),
    ];

    [GeneratedRegex(@"^first day of the month after (?<n>\d+) days? after (?<anchor>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FirstDayOfMonthAfterDays();

    [GeneratedRegex(@"^first day of the month after (?<n>\d+) months? after (?<anchor>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FirstDayOfMonthAfterMonths();

    [GeneratedRegex(@"^first day of the (?<n>\d+)(st|nd|rd|th) month after (?<anchor>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FirstDayOfNthMonthAfter();

    [GeneratedRegex(@"^(the )?(?<n>\d+)(st|nd|rd|th)? days? (after|following) (?<anchor>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DaysAfter();

    [GeneratedRegex(@"^(?<n>\d+) months? after (?<anchor>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthsAfter();

    [GeneratedRegex(@"^(?<n>\d+) years? after (?<anchor>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex YearsAfter();

    [GeneratedRegex(@"^on (?<anchor>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex On();

    private static AnchorKind? ParseAnchor(string anchor, out int count)
    {
        count = 0;
        anchor = anchor.Trim();
        if (anchor is "deposit" or "the date of deposit" or "the deposit") return AnchorKind.Deposit;
        if (anchor is "receipt" or "the date of receipt" or "the receipt") return AnchorKind.Receipt;
        if (anchor is "entry into force for the state") return AnchorKind.EntryIntoForceForState;
        if (AnnexAnchor().IsMatch(anchor)) return AnchorKind.AnnexStates;
        var m = InstrumentAnchor().Match(anchor);
        if (m.Success)
        {
            count = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            return count > 0 ? AnchorKind.NthInstrument : null;
        }

        return null;
    }

    private static EntryIntoForceRule? ParseEntryIntoForce(RuleContext ctx, RuleOrigin o, IReadOnlyList<string> annex, string? source)
    {
        var text = Normalise(o.Text);
        var stated = StatedPattern().Match(text);
        if (stated.Success)
        {
            if (!IsoDate.TryParse(stated.Groups["date"].Value, out var date, out var e))
            {
                ctx.Error(o, $"entry-into-force: {e}");
                return null;
            }

            var because = o.Text[(o.Text.IndexOf("because", StringComparison.OrdinalIgnoreCase) + "because".Length)..].Trim();
            return new EntryIntoForceRule.Stated(o, date, because, source);
        }

        if (text.StartsWith("stated", StringComparison.Ordinal))
        {
            ctx.Error(o, "entry-into-force: write 'stated YYYY-MM-DD, because <why the date cannot be derived from the instruments>'");
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parsed = ParseExpression(ctx, o, parts[0]);
        if (parsed is null) return null;
        var (expr, anchor, n) = parsed.Value;

        var required = new List<string>();
        LocalDate? notBefore = null;
        foreach (var option in parts.Skip(1))
        {
            if (option.StartsWith("including ", StringComparison.Ordinal))
            {
                foreach (var code in option["including ".Length..].Split([' ', ';', '/'], StringSplitOptions.RemoveEmptyEntries))
                {
                    var c = code.ToUpperInvariant();
                    if (c == "AND") continue;
                    if (!Iso3Pattern().IsMatch(c)) ctx.Error(o, $"entry-into-force: '{code}' is not an ISO 3166 alpha-3 code");
                    else required.Add(c);
                }
            }
            else if (option.StartsWith("not before ", StringComparison.Ordinal))
            {
                if (IsoDate.TryParse(option["not before ".Length..].Trim(), out var d, out var e)) notBefore = d;
                else ctx.Error(o, $"entry-into-force: not before: {e}");
            }
            else
            {
                ctx.Error(o, $"entry-into-force: unknown option '{option}'; options are 'including <ISO3 ...>' and 'not before YYYY-MM-DD'");
            }
        }

        switch (anchor)
        {
            case AnchorKind.NthInstrument:
                if (required.Count > n) ctx.Error(o, $"entry-into-force: {required.Count} required states cannot be among {n} instruments");
                return new EntryIntoForceRule.AfterInstruments(o, n, expr, required, notBefore);
            case AnchorKind.AnnexStates:
                return new EntryIntoForceRule.AfterAnnexStates(o, annex, expr, notBefore);
            default:
                ctx.Error(o, "entry-into-force counts instruments: its anchor must be 'the Nth instrument', 'the month of the Nth instrument' or 'the instruments of all annex states', not a state's deposit or a receipt");
                return null;
        }
    }

    private static StateEntryIntoForceRule? ParseStateEntryIntoForce(RuleContext ctx, RuleOrigin o, EntryIntoForceRule? eif)
    {
        var parts = Normalise(o.Text).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parsed = ParseExpression(ctx, o, parts[0]);
        if (parsed is null) return null;
        if (parsed.Value.Anchor != AnchorKind.Deposit)
        {
            ctx.Error(o, "entry-into-force-for-state runs from the state's deposit: write '... after deposit' or 'on deposit'");
            return null;
        }

        var cutoff = LaterStateCutoff.AfterEntryIntoForce;
        foreach (var option in parts.Skip(1))
        {
            var m = CutoffPattern().Match(option);
            if (option == "for instruments after entry into force") cutoff = LaterStateCutoff.AfterEntryIntoForce;
            else if (m.Success)
            {
                cutoff = LaterStateCutoff.AfterNthInstrument;
                var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                if (eif is EntryIntoForceRule.AfterInstruments ai && ai.Count != n)
                    ctx.Error(o, $"entry-into-force-for-state applies after the {DateExpression.Ordinal(n)} instrument, but entry-into-force counts {DateExpression.Ordinal(ai.Count)}");
                else if (eif is not EntryIntoForceRule.AfterInstruments)
                    ctx.Error(o, "entry-into-force-for-state names the Nth instrument, but entry-into-force does not count instruments");
            }
            else ctx.Error(o, $"entry-into-force-for-state: unknown option '{option}'; write 'for instruments after the Nth' or 'for instruments after entry into force'");
        }

        return new StateEntryIntoForceRule(o, parsed.Value.Expression, cutoff);
    }

    private static WithdrawalRule? ParseWithdrawal(RuleContext ctx, RuleOrigin o)
    {
        var text = Normalise(o.Text);
        if (text == "not provided") return new WithdrawalRule(o, null, false, null);
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parsed = ParseExpression(ctx, o, parts[0]);
        if (parsed is null) return null;
        if (parsed.Value.Anchor != AnchorKind.Receipt)
        {
            ctx.Error(o, "withdrawal runs from the depositary's receipt of the notification: write '... after receipt'");
            return null;
        }

        var later = false;
        int? onlyAfter = null;
        foreach (var option in parts.Skip(1))
        {
            var m = NoticeOnlyAfter().Match(option);
            if (option is "or a later date named in the notification" or "or a later date specified in the notification") later = true;
            else if (m.Success) onlyAfter = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            else ctx.Error(o, $"withdrawal: unknown option '{option}'; options are 'or a later date named in the notification' and 'notice only after N years from entry into force for the state'");
        }

        return new WithdrawalRule(o, parsed.Value.Expression, later, onlyAfter);
    }

    /// <summary>
    /// The names of a definition (id, title, short name, aliases), read from its name lines alone: the same values
    /// <see cref="Parse"/> gives a definition that parses, without parsing the rules. Nothing is checked; a definition
    /// that does not parse is refused when it is parsed.
    /// </summary>
    public static TreatyNames Names(string text)
    {
        string? id = null, title = null, shortName = null;
        var aliases = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = StripComment(raw).Trim();
            // A name line starts with its key (any case): skip the rest without matching them.
            if (!(line.StartsWith("id", StringComparison.OrdinalIgnoreCase) || line.StartsWith("title", StringComparison.OrdinalIgnoreCase) ||
                  line.StartsWith("short", StringComparison.OrdinalIgnoreCase) || line.StartsWith("alias", StringComparison.OrdinalIgnoreCase)))
                continue;
            var m = KeyLine().Match(line);
            if (!m.Success || m.Groups["for"].Success) continue;
            var value = m.Groups["value"].Value.Trim();
            if (value.Length == 0) continue;
            switch (m.Groups["key"].Value.ToLowerInvariant())
            {
                case "id":
                    id ??= value;
                    break;
                case "title":
                    title ??= value;
                    break;
                case "short":
                    shortName ??= value;
                    break;
                case "alias":
                    aliases.Add(value);
                    break;
            }
        }

        return new TreatyNames(id ?? "", title ?? "", shortName ?? title ?? "", aliases);
    }

    private static string StripComment(string line)
    {
        var i = line.IndexOf('#', StringComparison.Ordinal);
        return i < 0 ? line : line[..i];
    }

    private static string Normalise(string s) => Whitespace().Replace(s.Trim().ToLowerInvariant(), " ").TrimEnd('.');

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    [GeneratedRegex(@"^(?<key>[A-Za-z][A-Za-z-]*)(\s+for\s+(?<for>[A-Za-z]{3}))?\s*(\[(?<article>[^\]]*)\])?\s*:\s*(?<value>.*)$")]
    private static partial Regex KeyLine();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Iso3Pattern();

    [GeneratedRegex(@"^(the )?(month of the )?(?<n>\d+)(st|nd|rd|th) instrument$")]
    private static partial Regex InstrumentAnchor();

    [GeneratedRegex(@"^(the )?(last )?instruments? of all annex(-?\d+)? states$")]
    private static partial Regex AnnexAnchor();

    [GeneratedRegex(@"^stated (?<date>\d{4}-\d{2}-\d{2})\s*,\s*because\s+.+$")]
    private static partial Regex StatedPattern();

    [GeneratedRegex(@"^for instruments after the (?<n>\d+)(st|nd|rd|th)( instrument)?$")]
    private static partial Regex CutoffPattern();

    [GeneratedRegex(@"^notice only after (?<n>\d+) years? from entry into force for the state$")]
    private static partial Regex NoticeOnlyAfter();

    [GeneratedRegex(@"^(\d+) years? after entry into force$")]
    private static partial Regex DurationYears();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
