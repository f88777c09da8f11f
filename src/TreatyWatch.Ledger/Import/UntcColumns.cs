using System.Text.RegularExpressions;
using TreatyWatch.Engine.Actions;

namespace TreatyWatch.Ledger.Import;

/// <summary>What a column of a UN Treaty Collection status table holds, read from its header.</summary>
public enum UntcColumnRole
{
    /// <summary>The participant's name.</summary>
    Participant,
    /// <summary>Signatures ("Signature", "Signature, Succession to signature(d)", "Signature ad referendum (s)").</summary>
    Signature,
    /// <summary>Instruments of consent ("Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)", "Acceptance(A)", "Application").</summary>
    Consent,
    /// <summary>Provisional application or acceptance: no legal act kind exists; its dates are skipped and counted.</summary>
    Provisional,
    /// <summary>Anything else (resolutions, UNTS volumes, notifications under an article, extensions): ignored with a note.</summary>
    Other,
}

/// <summary>One act a header names, with the marker that flags it in the cells ("Accession(a)" → label "Accession", marker "a").</summary>
public sealed record UntcHeaderItem(string Label, string? Marker);

/// <summary>A classified column.</summary>
/// <param name="Index">0-based position in the header.</param>
/// <param name="Header">The header as printed.</param>
/// <param name="Items">The acts the header names, in order (empty for participant and other columns).</param>
public sealed record UntcColumn(int Index, string Header, UntcColumnRole Role, IReadOnlyList<UntcHeaderItem> Items)
{
    /// <summary>The label the header gives a marker, if it names it.</summary>
    public string? LabelOf(string marker) => Items.FirstOrDefault(i => i.Marker == marker)?.Label;
}

/// <summary>What one cell of a signature or consent column means.</summary>
/// <param name="Kind">The action kind; null when the act has no legal kind (provisional application).</param>
/// <param name="Note">Kept on the action when the kind is only the closest one, or the table is ambiguous.</param>
/// <param name="Approximate">True when the marker or column names an act with no kind of its own.</param>
/// <param name="Ambiguous">True when the header lists several unmarked acts, so the table does not say which one a date is.</param>
public sealed record UntcCellMeaning(ActionKind? Kind, string? Note, bool Approximate, bool Ambiguous);

/// <summary>Reads the headers of UN Treaty Collection status tables and the markers of their cells.</summary>
public static partial class UntcColumns
{
    /// <summary>The markers the UN prints after a date, with their usual meaning.</summary>
    public static IReadOnlyDictionary<string, string> Markers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["a"] = "accession",
        ["A"] = "acceptance",
        ["AA"] = "approval",
        ["d"] = "succession",
        ["s"] = "definitive signature",
        ["c"] = "formal confirmation",
        ["C"] = "confirmation of signature ad referendum",
        ["P"] = "participation",
        ["p"] = "simplified procedure",
        ["n"] = "provisional application",
    };

    /// <summary>Classifies a header.</summary>
    public static UntcColumn Classify(int index, string header)
    {
        var h = header.Trim();
        if (h.Equals("Participant", StringComparison.OrdinalIgnoreCase)) return new UntcColumn(index, h, UntcColumnRole.Participant, []);
        var items = Items(h);
        var lower = h.ToLowerInvariant().Replace("non-provisional", "", StringComparison.Ordinal);
        if (lower.Contains("provisional", StringComparison.Ordinal)) return new UntcColumn(index, h, UntcColumnRole.Provisional, items);
        var first = items.Count > 0 ? items[0].Label.ToLowerInvariant() : "";
        if (first.StartsWith("signature", StringComparison.Ordinal) || first.StartsWith("confirmation of signature ad referendum", StringComparison.Ordinal))
            return new UntcColumn(index, h, UntcColumnRole.Signature, items);
        if (ClosestKind(first) is not null) return new UntcColumn(index, h, UntcColumnRole.Consent, items);
        return new UntcColumn(index, h, UntcColumnRole.Other, []);
    }

    /// <summary>
    /// Splits a header into the acts it names: at commas, except inside parentheses and before a lower-case word
    /// (a comma inside a label: "Acceptance ipso facto ... of 12 September 1923, as amended(A)").
    /// </summary>
    public static IReadOnlyList<UntcHeaderItem> Items(string header)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < header.Length; i++)
        {
            switch (header[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' when depth == 0:
                    parts.Add(header[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(header[start..]);
        var merged = new List<string>();
        foreach (var raw in parts)
        {
            var p = raw.Trim();
            if (p.Length == 0) continue;
            if (merged.Count > 0 && !char.IsUpper(p[0])) merged[^1] += ", " + p;
            else merged.Add(p);
        }

        return merged.Select(p =>
        {
            var m = MarkedItem().Match(p);
            return m.Success ? new UntcHeaderItem(m.Groups["label"].Value.Trim(), m.Groups["m"].Value) : new UntcHeaderItem(p, null);
        }).ToList();
    }

    /// <summary>The action kind closest to an act a header names; <c>exact</c> is false where the act has no kind of its own.</summary>
    public static (ActionKind Kind, bool Exact)? ClosestKind(string label)
    {
        var l = label.Trim().ToLowerInvariant();
        static bool S(string l, string p) => l.StartsWith(p, StringComparison.Ordinal);
        if (S(l, "ratification")) return (ActionKind.Ratify, true);
        if (S(l, "definitive signature")) return (ActionKind.DefinitiveSignature, true);
        if (S(l, "acceptance") || S(l, "definitive acceptance")) return (ActionKind.Accept, true);
        if (S(l, "approval")) return (ActionKind.Approve, true);
        if (S(l, "accession")) return (ActionKind.Accede, true);
        if (S(l, "succession")) return (ActionKind.Succeed, true);
        if (S(l, "formal confirmation")) return (ActionKind.Ratify, false);
        if (S(l, "consent to be bound")) return (ActionKind.Accept, false);
        if (S(l, "participation")) return (ActionKind.Accede, false);
        if (S(l, "simplified procedure")) return (ActionKind.DefinitiveSignature, false);
        if (l == "application") return (ActionKind.Accept, false);
        if (S(l, "confirmation of signature")) return (ActionKind.DefinitiveSignature, false);
        return null;
    }

    /// <summary>What a cell with this marker (null: none) means in this column. Throws nothing: an unknown marker is refused earlier.</summary>
    public static UntcCellMeaning Meaning(UntcColumn column, string? marker)
    {
        var inSignature = column.Role == UntcColumnRole.Signature;
        if (column.Role == UntcColumnRole.Provisional || marker == "n") return new UntcCellMeaning(null, null, false, false);
        if (marker is null) return inSignature ? new UntcCellMeaning(ActionKind.Sign, null, false, false) : Unmarked(column);

        var label = column.LabelOf(marker);
        string Note(string what) => $"UNTC marker '{marker}' ({what})";
        var where = inSignature ? " in the signature column" : "";
        switch (marker)
        {
            case "d" when inSignature:
                return new UntcCellMeaning(ActionKind.Sign, $"UNTC marker 'd' in the signature column (succession to signature)", true, false);
            case "s" when label is not null && label.Contains("ad referendum", StringComparison.OrdinalIgnoreCase):
                return new UntcCellMeaning(ActionKind.Sign, Note("signature ad referendum"), true, false);
            case "a": return Exact(ActionKind.Accede);
            case "A": return Exact(ActionKind.Accept);
            case "AA": return Exact(ActionKind.Approve);
            case "d": return Exact(ActionKind.Succeed);
            case "s": return Exact(ActionKind.DefinitiveSignature);
            case "c": return new UntcCellMeaning(ActionKind.Ratify, Note("formal confirmation") + where, true, false);
            case "C": return new UntcCellMeaning(ActionKind.Sign, Note("confirmation of signature ad referendum") + where, true, false);
            case "P":
                var participation = label is null || label.StartsWith("Participation", StringComparison.OrdinalIgnoreCase);
                return new UntcCellMeaning(participation ? ActionKind.Accede : ActionKind.Accept, Note(Lower(label) ?? "participation") + where, true, false);
            case "p": return new UntcCellMeaning(ActionKind.DefinitiveSignature, Note("simplified procedure") + where, true, false);
            default: throw new ArgumentException($"unknown marker '{marker}'", nameof(marker));
        }

        UntcCellMeaning Exact(ActionKind k) => new(k, inSignature ? $"UNTC marker '{marker}' in the signature column" : null, inSignature, false);
    }

    private static UntcCellMeaning Unmarked(UntcColumn column)
    {
        var unmarked = column.Items.Where(i => i.Marker is null).ToList();
        if (unmarked.Count == 0)
            return new UntcCellMeaning(ActionKind.Ratify, $"UNTC column '{column.Header}' names no unmarked act; an unmarked date is read as ratification", true, false);
        var closest = ClosestKind(unmarked[0].Label);
        var kind = closest?.Kind ?? ActionKind.Ratify;

        // "Definitive signature or acceptance of the Protocol": two acts in one label.
        var alternatives = unmarked.Count == 1 && unmarked[0].Label.StartsWith("Definitive signature or ", StringComparison.OrdinalIgnoreCase)
            ? ["Definitive signature", unmarked[0].Label["Definitive signature or ".Length..]]
            : unmarked.Select(i => i.Label).ToList();
        if (alternatives.Count > 1 && alternatives.Skip(1).Any(l => ClosestKind(l)?.Kind != kind))
        {
            var acts = string.Join("; ", alternatives.Select(Lower));
            return new UntcCellMeaning(kind, $"UNTC column '{column.Header}' does not mark which of these acts an unmarked date is: {acts}; recorded as {ActionKinds.Name(kind)}", true, true);
        }

        return closest is { Exact: true }
            ? new UntcCellMeaning(kind, null, false, false)
            : new UntcCellMeaning(kind, $"UNTC act '{unmarked[0].Label}' recorded as {ActionKinds.Name(kind)}", true, false);
    }

    private static string? Lower(string? s) => string.IsNullOrEmpty(s) ? s : char.ToLowerInvariant(s[0]) + s[1..];

    [GeneratedRegex(@"^(?<label>.*?)\s*\((?<m>AA|A|a|d|s|c|C|P|p|n)\)$")]
    private static partial Regex MarkedItem();
}
