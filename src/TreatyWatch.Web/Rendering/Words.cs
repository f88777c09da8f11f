using System.Globalization;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Dates;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Web.Rendering;

/// <summary>Dates and statuses in words for the pages: "27 December 2025", "party, withdrawal pending".</summary>
public static class Words
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The statuses in the order the legend and the counts show them.</summary>
    public static readonly TreatyStatus[] LegendOrder =
    [
        TreatyStatus.Party, TreatyStatus.WithdrawalPending, TreatyStatus.WithdrawalSuspended, TreatyStatus.Contracting,
        TreatyStatus.Signatory, TreatyStatus.Withdrawn, TreatyStatus.Unknown, TreatyStatus.None,
    ];

    public static string Date(LocalDate d) => IsoDate.Long(d);

    public static string Iso(LocalDate d) => IsoDate.Format(d);

    /// <summary>A date as precise as it is known: "8 May 2025", "April 2025", "2025".</summary>
    public static string Date(PartialDate d) => d.Precision switch
    {
        DatePrecision.Day => IsoDate.Long(d.FirstDay),
        DatePrecision.Month => d.FirstDay.ToString("MMMM uuuu", Inv),
        _ => d.Year.ToString(Inv),
    };

    public static string Name(TreatyStatus s) => TreatyStatuses.Name(s);

    /// <summary>Short label for the legend and the counts (capitalised).</summary>
    public static string Label(TreatyStatus s) => s switch
    {
        TreatyStatus.None => "Not a party (no record)",
        TreatyStatus.Signatory => "Signatory",
        TreatyStatus.Contracting => "Consented, not yet in force",
        TreatyStatus.Party => "Party",
        TreatyStatus.WithdrawalPending => "Party, withdrawal pending",
        TreatyStatus.WithdrawalSuspended => "Party, withdrawal held back by armed conflict",
        TreatyStatus.Withdrawn => "Withdrawn",
        _ => "Unknown (record incomplete)",
    };

    public static string Describe(TreatyStatus s) => TreatyStatuses.Describe(s);

    public static string Kind(ActionKind k) => ActionKinds.Name(k);

    public static string DescribeKind(ActionKind k) => ActionKinds.Describe(k);

    public static string Count(int n) => n.ToString(Inv);

    /// <summary>Link text for a source: its title when it has one, else the web site's name.</summary>
    public static string SourceLabel(Source s)
    {
        if (!string.IsNullOrWhiteSpace(s.Title) && s.Title != s.Url) return s.Title.Length > 90 ? s.Title[..87] + "…" : s.Title;
        if (s.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out var uri)) return uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host;
        return s.Key;
    }

    /// <summary>Only web links are made clickable (never javascript: or data: from the data).</summary>
    public static string? SafeUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? url : null;
}
