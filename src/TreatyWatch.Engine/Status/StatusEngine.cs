using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Rules;
using TreatyWatch.Engine.States;
using TreatyWatch.Engine.Treaties;

namespace TreatyWatch.Engine.Status;

/// <summary>
/// Computes, for one treaty, every state's status timeline from the treaty's rules, the actions on record and the
/// armed-conflict periods. Pure: everything comes in as arguments, nothing is read from files, clock or globals.
/// </summary>
public static class StatusEngine
{
    /// <summary>Builds the status book of a treaty.</summary>
    /// <param name="treaty">The definition (final clauses as rules).</param>
    /// <param name="actions">Actions on record for this treaty (other treaties' actions are ignored).</param>
    /// <param name="states">States by ISO3, for names and dates of succession.</param>
    /// <param name="conflicts">Armed-conflict periods.</param>
    /// <param name="asKnownOn">The second clock: only actions known by this day count; null = everything on record.</param>
    public static TreatyStatusBook Build(
        TreatyDefinition treaty,
        IEnumerable<TreatyAction> actions,
        IReadOnlyDictionary<string, State> states,
        IEnumerable<ArmedConflictPeriod> conflicts,
        LocalDate? asKnownOn = null)
    {
        var visible = actions.Where(a => a.TreatyId == treaty.Id && (asKnownOn is null || a.Known <= asKnownOn.Value)).ToList();
        var superseded = visible.Where(a => a.Supersedes is not null).Select(a => a.Supersedes!).ToHashSet(StringComparer.Ordinal);
        if (superseded.Count > 0) visible = visible.Where(a => !superseded.Contains(a.Id)).ToList();

        var builder = new Builder(treaty, visible, states, conflicts.ToList(), asKnownOn);
        return builder.Run();
    }

    private sealed class Builder(
        TreatyDefinition treaty,
        List<TreatyAction> actions,
        IReadOnlyDictionary<string, State> states,
        List<ArmedConflictPeriod> conflicts,
        LocalDate? asKnownOn)
    {
        private readonly List<string> _problems = [];
        private LocalDate? _treatyEif;
        private LocalDate? _nthInstrumentDate;
        private Reason? _treatyEifReason;

        private string NameOf(string iso3) => states.TryGetValue(iso3, out var s) ? s.Name : iso3;

        public TreatyStatusBook Run()
        {
            // Stable chronological order: by day, then the order the record gives.
            var ordered = actions.Select((a, i) => (a, i)).OrderBy(x => x.a.Date.FirstDay).ThenBy(x => x.i).Select(x => x.a).ToList();
            ComputeTreatyEntryIntoForce(ordered);

            var byState = ordered.GroupBy(a => a.State, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var plans = new Dictionary<string, StatePlan>(StringComparer.Ordinal);
            foreach (var (state, list) in byState) plans[state] = PlanState(state, list);

            // Objections belong to the story of the act they object to.
            foreach (var o in ordered.Where(a => a.Kind == ActionKind.Object && a.ObjectsTo is not null))
            {
                var target = ordered.FirstOrDefault(a => a.Id == o.ObjectsTo);
                if (target is null || !plans.TryGetValue(target.State, out var targetPlan)) continue;
                targetPlan.Annotations.Add((o.Known, new Reason(ReasonKind.NotProvidedFor,
                    $"{NameOf(o.State)} objected ({o.Date}) to {NameOf(target.State)}'s act of {target.Date} ({ActionKinds.Describe(target.Kind)})", Action: o)));
            }

            var (end, endReason) = TreatyEnd(ordered, plans);

            // Each state's timeline is finished when first asked for (a one-state answer finishes one), once.
            var timelines = new Dictionary<string, Lazy<StateTimeline>>(StringComparer.Ordinal);
            foreach (var (state, plan) in plans) timelines[state] = new Lazy<StateTimeline>(() => Finish(state, plan, end, endReason));

            return new TreatyStatusBook(treaty, timelines, _treatyEif, _treatyEifReason, end, endReason, asKnownOn, _problems, states);
        }

        private void ComputeTreatyEntryIntoForce(List<TreatyAction> ordered)
        {
            var consents = ordered.Where(a => ActionKinds.IsConsent(a.Kind) && a.Date.Precision == DatePrecision.Day).ToList();
            switch (treaty.EntryIntoForce)
            {
                case EntryIntoForceRule.AfterInstruments rule:
                {
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    TreatyAction? nth = null;
                    foreach (var c in consents)
                    {
                        if (!seen.Add(c.State)) continue;
                        if (seen.Count >= rule.Count && rule.RequiredStates.All(seen.Contains))
                        {
                            nth = c;
                            break;
                        }
                    }

                    if (nth is null)
                    {
                        var missing = rule.RequiredStates.Where(s => !seen.Contains(s)).Select(NameOf).ToList();
                        _treatyEifReason = new Reason(ReasonKind.Rule,
                            $"Not in force: {rule.Origin.Text} — {seen.Count} of {rule.Count} instruments on record" +
                            (missing.Count > 0 ? $"; still missing: {string.Join(", ", missing)}" : ""),
                            rule.Origin.Article);
                        return;
                    }

                    var date = nth.Date.FirstDay;
                    _nthInstrumentDate = date;
                    var eif = rule.Expression.Apply(date);
                    var floor = "";
                    if (rule.NotBefore is { } nb && nb > eif)
                    {
                        eif = nb;
                        floor = $"; not before {IsoDate.Long(nb)}";
                    }

                    _treatyEif = eif;
                    _treatyEifReason = new Reason(ReasonKind.Rule,
                        $"The {DateExpression.Ordinal(rule.Count)} instrument was deposited on {IsoDate.Long(date)} ({NameOf(nth.State)})" +
                        (rule.RequiredStates.Count > 0 ? $", with {string.Join(", ", rule.RequiredStates.Select(NameOf))} among them" : "") +
                        $"; {rule.Origin.Text}{floor} → the treaty entered into force on {IsoDate.Long(eif)}",
                        rule.Origin.Article);
                    return;
                }

                case EntryIntoForceRule.AfterAnnexStates rule:
                {
                    var first = consents.GroupBy(c => c.State).ToDictionary(g => g.Key, g => g.First());
                    var missing = rule.AnnexStates.Where(s => !first.ContainsKey(s)).ToList();
                    if (missing.Count > 0)
                    {
                        _treatyEifReason = new Reason(ReasonKind.Rule,
                            $"Not in force: it needs the instruments of all {rule.AnnexStates.Count} annex states; {missing.Count} are missing: {string.Join(", ", missing.Select(NameOf))}",
                            rule.Origin.Article);
                        return;
                    }

                    var last = rule.AnnexStates.Select(s => first[s]).MaxBy(a => a.Date.FirstDay)!;
                    var eif = rule.Expression.Apply(last.Date.FirstDay);
                    if (rule.NotBefore is { } nb && nb > eif) eif = nb;
                    _treatyEif = eif;
                    _treatyEifReason = new Reason(ReasonKind.Rule,
                        $"The last annex state's instrument was deposited on {IsoDate.Long(last.Date.FirstDay)} ({NameOf(last.State)}); {rule.Origin.Text} → in force on {IsoDate.Long(eif)}",
                        rule.Origin.Article);
                    return;
                }

                case EntryIntoForceRule.Stated rule:
                    _treatyEif = rule.Date;
                    _treatyEifReason = new Reason(ReasonKind.Rule,
                        $"The treaty entered into force on {IsoDate.Long(rule.Date)}, as the depositary states ({rule.Source ?? "no source key"}); the date is not derived here because {rule.Because}",
                        rule.Origin.Article);
                    return;
            }
        }

        private sealed class StatePlan
        {
            public readonly List<Transition> Transitions = [];
            public readonly List<(LocalDate Day, Reason Reason)> Annotations = [];
            public readonly List<TreatyAction> Domestic = [];
            public readonly List<(LocalDate EffectiveOn, TreatyAction Notice)> WithdrawalsTakingEffect = [];
        }

        private readonly record struct Transition(LocalDate Day, TreatyStatus Status, LocalDate? InForceSince, LocalDate? WithdrawalEffective, Reason[] Reasons);

        private StatePlan PlanState(string state, List<TreatyAction> list)
        {
            var plan = new StatePlan();
            var name = NameOf(state);
            var withdrawals = list.Where(a => a.Kind == ActionKind.DepositWithdrawal).ToList();
            var revocations = list.Where(a => a.Kind == ActionKind.RevokeWithdrawal).ToList();

            // Signature (and its withdrawal) matter only before consent.
            TreatyAction? consent = null;
            foreach (var a in list)
            {
                switch (ActionKinds.Family(a.Kind))
                {
                    case ActionFamily.Domestic:
                        plan.Domestic.Add(a);
                        continue;
                    case ActionFamily.NotProvidedFor:
                        plan.Annotations.Add((a.Date.FirstDay, ExplainNotProvidedFor(a, name)));
                        // A suspension or "de-ratification" is also the latest step the news reports; an objection is another state's act.
                        if (a.Kind != ActionKind.Object) plan.Domestic.Add(a);
                        continue;
                    case ActionFamily.Statement:
                        continue;
                }

                if (a.Kind == ActionKind.Sign)
                {
                    if (treaty.Signature is { } sr && SignatureClosed(sr) is { } closed && a.Date.FirstDay >= closed)
                        // "until entry into force" excludes that day; "until 31 December 2000" includes it (SignatureClosed returns the first closed day).
                        _problems.Add($"{a.Origin}: {name} is recorded as signing on {a.Date} but signature closed on {IsoDate.Format(closed)} ({sr.Origin.Article}: {sr.Origin.Text})");
                    if (consent is null)
                        plan.Transitions.Add(new(a.Date.FirstDay, TreatyStatus.Signatory, null, null, [ActionReason(a, name)]));
                }
                else if (a.Kind == ActionKind.WithdrawSignature && consent is null)
                {
                    plan.Transitions.Add(new(a.Date.FirstDay, TreatyStatus.None, null, null, [ActionReason(a, name)]));
                }
            }

            // Episodes: each instrument of consent, until a withdrawal takes effect.
            LocalDate? episodeEnd = null;
            var consents = list.Where(a => ActionKinds.IsConsent(a.Kind)).ToList();
            foreach (var c in consents)
            {
                if (c.Date.Precision != DatePrecision.Day)
                {
                    _problems.Add($"{c.Origin}: {name}'s {ActionKinds.Name(c.Kind)} is dated only to {c.Date}: a depositary act needs a day");
                    continue;
                }

                var d = c.Date.FirstDay;
                if (consent is not null && (episodeEnd is null || d < episodeEnd.Value))
                {
                    // A second instrument while the first still holds (e.g. acceptance after definitive signature) changes nothing.
                    plan.Annotations.Add((d, new Reason(ReasonKind.Note, $"{name} also {ActionKinds.Describe(c.Kind)} on {IsoDate.Long(d)}; it was already bound or contracting, so this changes nothing", Action: c)));
                    continue;
                }

                consent = c;
                episodeEnd = null;
                var consentReason = ActionReason(c, name);
                var (eifState, eifReasons) = StateEntryIntoForce(c, state, name);
                var reasons = new List<Reason> { consentReason };
                if (eifState is null)
                {
                    reasons.AddRange(eifReasons);
                    plan.Transitions.Add(new(d, TreatyStatus.Contracting, null, null, reasons.ToArray()));
                }
                else
                {
                    if (eifState.Value > d)
                        plan.Transitions.Add(new(d, TreatyStatus.Contracting, null, null, [consentReason, .. eifReasons]));
                    reasons.AddRange(eifReasons);
                    plan.Transitions.Add(new(eifState.Value, TreatyStatus.Party, eifState, null, reasons.ToArray()));
                }

                var bound = reasons.ToArray();
                // Withdrawal notices after this consent.
                var cursor = d;
                while (true)
                {
                    var w = withdrawals.FirstOrDefault(x => x.Date.FirstDay >= cursor && x.Date.Precision == DatePrecision.Day && !_handled.Contains(x));
                    if (w is null) break;
                    _handled.Add(w);
                    var r = w.Date.FirstDay;
                    var rule = treaty.WithdrawalRuleFor(state);
                    var noticeReason = ActionReason(w, name);
                    if (rule.NotProvided)
                    {
                        plan.Annotations.Add((r, new Reason(ReasonKind.NotProvidedFor,
                            $"{name} gave notice of withdrawal on {IsoDate.Long(r)}, but the treaty provides no withdrawal ({rule.Origin.Article}: {rule.Origin.Text}); the notice does not end its obligations under the treaty's terms",
                            rule.Origin.Article, w)));
                        cursor = r.PlusDays(1);
                        continue;
                    }

                    if (rule.NoticeOnlyAfterYears is { } years && eifState is { } since && r < since.PlusYears(years))
                    {
                        _problems.Add($"{w.Origin}: {name}'s notice of {IsoDate.Format(r)} came before {years} years from entry into force for it ({IsoDate.Format(since)}); {rule.Origin.Article} does not allow it");
                        plan.Annotations.Add((r, new Reason(ReasonKind.Rule,
                            $"{name}'s notice of withdrawal of {IsoDate.Long(r)} came earlier than {rule.Origin.Article} allows (notice only after {years} years from entry into force for the state, i.e. from {IsoDate.Long(since.PlusYears(years))}); it has no effect",
                            rule.Origin.Article, w)));
                        cursor = r.PlusDays(1);
                        continue;
                    }

                    var effective = rule.Expression!.Apply(r);
                    var effReasons = new List<Reason> { noticeReason };
                    var ruleText = $"{rule.Origin.Text} → {IsoDate.Long(effective)}";
                    if (rule.LaterDateAllowed && w.Effective is { } named && named > effective)
                    {
                        ruleText += $"; the notification names a later date, {IsoDate.Long(named)}";
                        effective = named;
                    }

                    effReasons.Add(new Reason(ReasonKind.Rule, ruleText, rule.Origin.Article));
                    var revoke = revocations.FirstOrDefault(v => v.Date.FirstDay >= r && v.Date.FirstDay < effective);
                    if (revoke is not null)
                    {
                        plan.Transitions.Add(new(r, TreatyStatus.WithdrawalPending, eifState, effective, [.. bound, .. effReasons]));
                        plan.Transitions.Add(new(revoke.Date.FirstDay, eifState is { } es && es <= revoke.Date.FirstDay ? TreatyStatus.Party : TreatyStatus.Contracting, eifState, null,
                            [.. bound, noticeReason, new Reason(ReasonKind.Action, $"{name} revoked its withdrawal on {IsoDate.Long(revoke.Date.FirstDay)}, before it took effect ({IsoDate.Long(effective)}): it stays bound", Action: revoke)]));
                        cursor = revoke.Date.FirstDay;
                        continue;
                    }

                    plan.Transitions.Add(new(r, TreatyStatus.WithdrawalPending, eifState, effective, [.. bound, .. effReasons]));

                    // Art. 20(3)-style clause: it delays the effect; it does not forbid the withdrawal.
                    var takesEffect = effective;
                    if (treaty.ArmedConflict is { } ac)
                    {
                        var day = effective;
                        ArmedConflictPeriod? holding = null;
                        while (conflicts.FirstOrDefault(p => p.State == state && p.Covers(day)) is { } p)
                        {
                            holding ??= p;
                            if (p.End is null)
                            {
                                day = LocalDate.MaxIsoValue;
                                break;
                            }

                            day = p.End.Value;
                        }

                        if (holding is null)
                        {
                            effReasons.Add(new Reason(ReasonKind.Rule,
                                $"No armed conflict engaging {name} is on record for {IsoDate.Long(effective)}, when the notice period ends; the armed-conflict clause does not delay the withdrawal",
                                ac.Origin.Article));
                        }
                        else
                        {
                            var held = new Reason(ReasonKind.Rule,
                                $"On {IsoDate.Long(effective)}, when the notice period ends, {name} is engaged in an armed conflict ({holding.Name}, since {IsoDate.Long(holding.Start)}); {ac.Origin.Text}" +
                                (day == LocalDate.MaxIsoValue ? ": the conflict has not ended, so the withdrawal has not taken effect" : $": the withdrawal takes effect when it ends, on {IsoDate.Long(day)}"),
                                ac.Origin.Article);
                            effReasons.Add(held);
                            plan.Transitions.Add(new(effective, TreatyStatus.WithdrawalSuspended, eifState, day == LocalDate.MaxIsoValue ? null : day, [.. bound, .. effReasons]));
                            takesEffect = day;
                        }
                    }

                    if (takesEffect == LocalDate.MaxIsoValue)
                    {
                        episodeEnd = LocalDate.MaxIsoValue;
                        break;
                    }

                    plan.Transitions.Add(new(takesEffect, TreatyStatus.Withdrawn, null, takesEffect,
                        [.. bound, .. effReasons, new Reason(ReasonKind.Rule, $"The withdrawal took effect on {IsoDate.Long(takesEffect)}; {name} was bound from {(eifState is { } s0 ? IsoDate.Long(s0) : "—")} until then", rule.Origin.Article)]));
                    plan.WithdrawalsTakingEffect.Add((takesEffect, w));
                    episodeEnd = takesEffect;
                    break;
                }

                if (episodeEnd == LocalDate.MaxIsoValue) break;
            }

            foreach (var w in withdrawals.Where(x => !_handled.Contains(x)))
                _problems.Add($"{w.Origin}: {name}'s notice of withdrawal of {w.Date} does not follow any instrument of consent on record, or is not dated to the day");

            // Checks against dates that sources state.
            foreach (var s in list.Where(a => a.Kind == ActionKind.StatedWithdrawalEffective))
            {
                var computed = plan.WithdrawalsTakingEffect.Select(x => (LocalDate?)x.EffectiveOn).FirstOrDefault(x => s.Date.AgreesWith(PartialDate.OfDay(x!.Value)));
                if (computed is not null)
                    plan.Annotations.Add((s.Date.FirstDay, new Reason(ReasonKind.Check, $"The computed effective date {IsoDate.Long(computed.Value)} agrees with the date a source states ({s.Date})", Action: s)));
                else
                {
                    var all = string.Join(", ", plan.WithdrawalsTakingEffect.Select(x => IsoDate.Format(x.EffectiveOn)));
                    _problems.Add($"{s.Origin}: a source states {name}'s withdrawal took effect on {s.Date}; the rules give {(all.Length > 0 ? all : "no effective withdrawal")}");
                }
            }

            foreach (var s in list.Where(a => a.Kind == ActionKind.StatedEntryIntoForce))
            {
                var inForce = plan.Transitions.Where(t => t.Status == TreatyStatus.Party).Select(t => t.Day).ToList();
                if (inForce.Any(x => s.Date.AgreesWith(PartialDate.OfDay(x))))
                    plan.Annotations.Add((s.Date.FirstDay, new Reason(ReasonKind.Check, $"The computed date of entry into force agrees with the date a source states ({s.Date})", Action: s)));
                else
                    _problems.Add($"{s.Origin}: a source states the treaty entered into force for {name} on {s.Date}; the rules give {(inForce.Count > 0 ? string.Join(", ", inForce.Select(IsoDate.Format)) : "no entry into force")}");
            }

            return plan;
        }

        private readonly HashSet<TreatyAction> _handled = [];

        private LocalDate? SignatureClosed(SignatureRule rule) => rule.UntilEntryIntoForce ? _treatyEif : rule.Until?.PlusDays(1);

        private (LocalDate? Date, Reason[] Reasons) StateEntryIntoForce(TreatyAction consent, string state, string name)
        {
            var d = consent.Date.FirstDay;
            if (_treatyEif is null)
                return (null, _treatyEifReason is null ? [] : [_treatyEifReason]);

            var treatyEif = _treatyEif.Value;
            if (consent.Kind == ActionKind.Succeed && treaty.Succession.FromDateOfSuccession)
            {
                var origin = treaty.Succession.Origin;
                if (states.TryGetValue(state, out var s) && s.From is { } from)
                {
                    var date = from > treatyEif ? from : treatyEif;
                    return (date, [new Reason(ReasonKind.Rule,
                        $"A successor state is bound from the date of succession: {name} came into being on {IsoDate.Long(from)}" +
                        (from < treatyEif ? $", before the treaty entered into force ({IsoDate.Long(treatyEif)}), so from that date" : "") +
                        $" → in force for {name} from {IsoDate.Long(date)}, although the notification was deposited on {IsoDate.Long(d)}",
                        origin.Article)]);
                }

                var fallback = d > treatyEif ? d : treatyEif;
                return (fallback, [new Reason(ReasonKind.Note,
                    $"{name} notified succession on {IsoDate.Long(d)}; the date it came into being is not on record, so the date of the notification is used ({IsoDate.Long(fallback)}) — the true date may be earlier",
                    origin.Article)]);
            }

            var rule = treaty.StateEntryIntoForce;
            var early = rule.Cutoff == LaterStateCutoff.AfterNthInstrument
                ? _nthInstrumentDate is { } nth && d <= nth
                : d <= treatyEif;
            if (early)
            {
                var why = rule.Cutoff == LaterStateCutoff.AfterNthInstrument
                    ? $"{name}'s instrument was among the first counted (deposited {IsoDate.Long(d)})"
                    : $"{name}'s instrument was deposited on {IsoDate.Long(d)}, before the treaty entered into force";
                var list = new List<Reason>();
                if (_treatyEifReason is not null) list.Add(_treatyEifReason);
                list.Add(new Reason(ReasonKind.Rule, $"{why} → in force for {name} from the treaty's entry into force, {IsoDate.Long(treatyEif)}", treaty.EntryIntoForce.Origin.Article));
                return (treatyEif, list.ToArray());
            }

            var computed = rule.Expression.Apply(d);
            var result = computed > treatyEif ? computed : treatyEif;
            return (result, [new Reason(ReasonKind.Rule,
                $"{rule.Origin.Text}: deposited {IsoDate.Long(d)} → in force for {name} from {IsoDate.Long(result)}",
                rule.Origin.Article)]);
        }

        private Reason ExplainNotProvidedFor(TreatyAction a, string name)
        {
            var day = a.Date.ToString();
            var withdrawal = treaty.Withdrawal;
            var how = withdrawal.NotProvided
                ? "the treaty provides no withdrawal at all"
                : $"the only way out the treaty provides is withdrawal under {withdrawal.Origin.Article} ({withdrawal.Origin.Text})";
            var text = a.Kind switch
            {
                ActionKind.Suspend =>
                    $"{name} declared the treaty suspended on {day}. The treaty does not provide for suspension, and {how}; a suspension is not a withdrawal, so {name} remains bound by the treaty's terms",
                ActionKind.Deratify =>
                    $"{name} revoked its ratification (\"de-ratification\") on {day}. The treaty provides no revocation of a ratification, and {how}; the act is recorded as what it is, not as a withdrawal",
                ActionKind.Unsign =>
                    $"{name} declared on {day} that it does not intend to become a party (\"unsigning\"). The signature stays on the depositary's record; under VCLT Art. 18 the declaration frees it from the duty not to defeat the treaty's object and purpose",
                ActionKind.Object =>
                    $"{name} objected on {day}{(a.ObjectsTo is null ? "" : $" to {a.ObjectsTo}")}",
                _ => $"{name}: {ActionKinds.Describe(a.Kind)} on {day}",
            };
            if (a.Note is { Length: > 0 } note) text += $". {note}";
            return new Reason(ReasonKind.NotProvidedFor, text, withdrawal.NotProvided ? null : withdrawal.Origin.Article, a);
        }

        private static Reason ActionReason(TreatyAction a, string name)
        {
            var text = $"{name}: {ActionKinds.Describe(a.Kind)} on {(a.Date.ExactDay is { } d ? IsoDate.Long(d) : a.Date.ToString())}";
            if (a.Effective is { } e && a.Kind == ActionKind.DepositWithdrawal) text += $" (the notification names {IsoDate.Long(e)})";
            return new Reason(ReasonKind.Action, text, Action: a);
        }

        private (LocalDate? End, Reason? Reason) TreatyEnd(List<TreatyAction> ordered, Dictionary<string, StatePlan> plans)
        {
            LocalDate? end = null;
            Reason? reason = null;
            if (treaty.Duration is { Years: { } years } duration && _treatyEif is { } eif)
            {
                var extension = ordered.LastOrDefault(a => a.Kind == ActionKind.Extend && a.Effective is not null);
                if (extension is not null)
                {
                    end = extension.Effective!.Value;
                    reason = new Reason(ReasonKind.Rule,
                        $"{duration.Origin.Text}; extended on {extension.Date} until {IsoDate.Long(end.Value)}: the treaty expired on that day and binds no one after it",
                        duration.Origin.Article, extension);
                }
                else
                {
                    end = eif.PlusYears(years);
                    reason = new Reason(ReasonKind.Rule, $"{duration.Origin.Text}: the treaty expired on {IsoDate.Long(end.Value)} and binds no one after it", duration.Origin.Article);
                }
            }

            if (treaty.Termination is { } termination)
            {
                var first = plans.SelectMany(p => p.Value.WithdrawalsTakingEffect).OrderBy(x => x.EffectiveOn).FirstOrDefault();
                if (first.Notice is not null && (end is null || first.EffectiveOn < end))
                {
                    end = first.EffectiveOn;
                    reason = new Reason(ReasonKind.Rule,
                        $"{NameOf(first.Notice.State)}'s withdrawal took effect on {IsoDate.Long(first.EffectiveOn)}; {termination.Origin.Text}: the treaty terminated that day for every party",
                        termination.Origin.Article, first.Notice);
                }
            }

            return (end, reason);
        }

        private StateTimeline Finish(string state, StatePlan plan, LocalDate? end, Reason? endReason)
        {
            var transitions = plan.Transitions.OrderBy(t => t.Day).ToList(); // stable: later-planned wins on the same day
            if (end is { } e && endReason is not null)
            {
                transitions = transitions.Where(t => t.Day < e || (t.Day == e && t.Status == TreatyStatus.Withdrawn)).ToList();
                var wasBound = transitions.Count > 0 && transitions[^1].Status != TreatyStatus.None;
                if (wasBound && !(transitions[^1].Day == e && transitions[^1].Status == TreatyStatus.Withdrawn))
                    transitions.Add(new(e, TreatyStatus.None, null, null, [endReason]));
            }

            if (states.TryGetValue(state, out var s) && s.Until is { } ceased && transitions.Count > 0 && transitions[^1].Status != TreatyStatus.None)
            {
                transitions = transitions.Where(t => t.Day < ceased).ToList();
                transitions.Add(new(ceased, TreatyStatus.None, null, null,
                    [new Reason(ReasonKind.Note, $"{s.Name} ceased to exist on {IsoDate.Long(ceased)}; its successors' positions are recorded under their own names")]));
            }

            var annotations = plan.Annotations.OrderBy(a => a.Day).ToList();
            var breakpoints = transitions.Select(t => t.Day).Concat(annotations.Select(a => a.Day)).Distinct().Order().ToList();
            var segments = new List<StatusSegment>(breakpoints.Count + 1);
            var first = breakpoints.Count > 0 ? breakpoints[0] : LocalDate.MaxIsoValue;
            segments.Add(new StatusSegment(LocalDate.MinIsoValue, breakpoints.Count > 0 ? first : null, TreatyStatus.None, null, null,
                [new Reason(ReasonKind.Note, $"No signature or instrument of {NameOf(state)} is on record before {(breakpoints.Count > 0 ? IsoDate.Long(first) : "any date")}")]));

            var ti = 0;
            var ai = 0;
            Transition? current = null;
            var notes = new List<Reason>();
            for (var b = 0; b < breakpoints.Count; b++)
            {
                var day = breakpoints[b];
                while (ti < transitions.Count && transitions[ti].Day <= day) current = transitions[ti++];
                while (ai < annotations.Count && annotations[ai].Day <= day) notes.Add(annotations[ai++].Reason);
                var until = b + 1 < breakpoints.Count ? breakpoints[b + 1] : (LocalDate?)null;
                var status = current?.Status ?? TreatyStatus.None;
                var reasons = new List<Reason>(current?.Reasons ?? []);
                reasons.AddRange(notes);
                if (current is null) reasons.Insert(0, new Reason(ReasonKind.Note, $"No signature or instrument of {NameOf(state)} is in effect"));
                segments.Add(new StatusSegment(day, until, status, current?.InForceSince, current?.WithdrawalEffective, reasons));
            }

            var domestic = plan.Domestic.OrderBy(a => a.Date.LastDay).ToArray();
            return new StateTimeline(state, segments.ToArray(), domestic, transitions.Select(t => (t.Day, t.Status)).ToArray());
        }
    }
}

/// <summary>One state's statuses under one treaty over all time, as segments.</summary>
public sealed class StateTimeline
{
    internal StateTimeline(string state, StatusSegment[] segments, TreatyAction[] domesticSteps, (LocalDate Day, TreatyStatus Status)[] transitions)
    {
        State = state;
        Segments = segments;
        _segments = segments;
        DomesticSteps = domesticSteps;
        Transitions = transitions;
        _starts = segments.Select(s => s.From).ToArray();
        _domesticLastDays = domesticSteps.Select(d => d.Date.LastDay).ToArray();
    }

    private readonly StatusSegment[] _segments;
    private readonly LocalDate[] _starts;
    private readonly LocalDate[] _domesticLastDays;

    public string State { get; }
    /// <summary>Segments in order; the first starts at the beginning of time.</summary>
    public IReadOnlyList<StatusSegment> Segments { get; }
    /// <summary>Domestic steps, ordered by the last day their date can mean.</summary>
    public IReadOnlyList<TreatyAction> DomesticSteps { get; }
    /// <summary>Legal changes of status, in order.</summary>
    public IReadOnlyList<(LocalDate Day, TreatyStatus Status)> Transitions { get; }

    /// <summary>The segment holding on a day.</summary>
    public StatusSegment SegmentOn(LocalDate day)
    {
        var i = Array.BinarySearch(_starts, day);
        if (i < 0) i = ~i - 1;
        return Segments[i];
    }

    /// <summary>
    /// Writes the status of each day into <paramref name="days"/>: <c>days[i]</c> is the status (as a byte) on
    /// <c>from + i days</c>. Walks the segments forward (one pass, no search per day); same answers as <see cref="SegmentOn"/>.
    /// </summary>
    public void Fill(LocalDate from, Span<byte> days)
    {
        var segments = _segments;
        var start = 0;
        for (var k = 0; k < segments.Length && start < days.Length; k++)
        {
            var end = days.Length;
            if (k + 1 < segments.Length)
            {
                var next = Period.DaysBetween(from, _starts[k + 1]);
                if (next <= 0) continue; // this segment ends before the range begins
                if (next < end) end = next;
            }

            days[start..end].Fill((byte)segments[k].Status);
            start = end;
        }
    }

    /// <summary>The latest domestic step certainly taken by a day (its whole date range is on or before it).</summary>
    public TreatyAction? LatestDomesticStepOn(LocalDate day)
    {
        if (_domesticLastDays.Length == 0) return null;
        var i = Array.BinarySearch(_domesticLastDays, day);
        if (i < 0) i = ~i - 1;
        else while (i + 1 < _domesticLastDays.Length && _domesticLastDays[i + 1] == day) i++;
        return i >= 0 ? DomesticSteps[i] : null;
    }
}

/// <summary>Every state's status timeline under one treaty, and the treaty-wide facts.</summary>
public sealed class TreatyStatusBook
{
    private readonly Dictionary<string, Lazy<StateTimeline>> _timelines;
    private readonly IReadOnlyDictionary<string, State> _states;
    private readonly StatusSegment _noRecord;
    private readonly StatusSegment _unknown;

    internal TreatyStatusBook(TreatyDefinition treaty, Dictionary<string, Lazy<StateTimeline>> timelines, LocalDate? entryIntoForce, Reason? entryIntoForceReason,
        LocalDate? end, Reason? endReason, LocalDate? asKnownOn, IReadOnlyList<string> problems, IReadOnlyDictionary<string, State> states)
    {
        Treaty = treaty;
        _timelines = timelines;
        EntryIntoForce = entryIntoForce;
        EntryIntoForceReason = entryIntoForceReason;
        End = end;
        EndReason = endReason;
        AsKnownOn = asKnownOn;
        Problems = problems;
        _states = states;
        _noRecord = new StatusSegment(LocalDate.MinIsoValue, null, TreatyStatus.None, null, null,
            [new Reason(ReasonKind.Note, $"No signature or instrument is on record, and the record of the {treaty.ShortName}'s participants is complete")]);
        _unknown = new StatusSegment(LocalDate.MinIsoValue, null, TreatyStatus.Unknown, null, null,
            [new Reason(ReasonKind.Note, $"Nothing is on record for this state, but the record of the {treaty.ShortName}'s participants is incomplete{(treaty.ParticipantsNote is { } n ? $" ({n})" : "")}: this is not evidence that it is not a party")]);
    }

    public TreatyDefinition Treaty { get; }
    /// <summary>The treaty-wide date of entry into force, derived from the instruments on record; null if not in force.</summary>
    public LocalDate? EntryIntoForce { get; }
    public Reason? EntryIntoForceReason { get; }
    /// <summary>The day the treaty expired or terminated, if it did.</summary>
    public LocalDate? End { get; }
    public Reason? EndReason { get; }
    public LocalDate? AsKnownOn { get; }
    /// <summary>Data that does not make sense under the rules (a signature after signature closed; a stated date the rules contradict).</summary>
    public IReadOnlyList<string> Problems { get; }
    /// <summary>States with anything on record.</summary>
    public IEnumerable<StateTimeline> Timelines => _timelines.Values.Select(t => t.Value);

    /// <summary>The timeline of a state, or null when nothing is on record for it.</summary>
    public StateTimeline? TimelineOf(string iso3) => _timelines.TryGetValue(iso3, out var t) ? t.Value : null;

    /// <summary>Status of a state on a day, with reasons. Cost: one dictionary look-up and two binary searches.</summary>
    public StatusAnswer StatusOf(string iso3, LocalDate on)
    {
        if (TimelineOf(iso3) is not { } t)
        {
            var seg = Treaty.ParticipantsComplete ? _noRecord : _unknown;
            return new StatusAnswer(iso3, Treaty.Id, on, AsKnownOn, seg.Status, null, null, null, seg.Reasons, seg, Treaty.ParticipantsComplete);
        }

        var s = t.SegmentOn(on);
        return new StatusAnswer(iso3, Treaty.Id, on, AsKnownOn, s.Status, s.InForceSince, s.WithdrawalEffective, t.LatestDomesticStepOn(on), s.Reasons, s, Treaty.ParticipantsComplete);
    }

    /// <summary>Status only (no answer object): for counting and matrices.</summary>
    public TreatyStatus StatusCode(string iso3, LocalDate on) =>
        TimelineOf(iso3) is { } t ? t.SegmentOn(on).Status : Treaty.ParticipantsComplete ? TreatyStatus.None : TreatyStatus.Unknown;

    /// <summary>
    /// Status only, for every day from <paramref name="from"/>: <c>days[i]</c> is <see cref="StatusCode"/> of
    /// <c>from + i days</c>, as a byte. For matrices: one pass over the state's segments.
    /// </summary>
    public void Fill(string iso3, LocalDate from, Span<byte> days)
    {
        if (TimelineOf(iso3) is { } t) t.Fill(from, days);
        else days.Fill((byte)(Treaty.ParticipantsComplete ? TreatyStatus.None : TreatyStatus.Unknown));
    }

    internal IReadOnlyDictionary<string, State> States => _states;
}
