using NodaTime;
using NodaTime.Text;
using TreatyWatch.Engine.Dates;

namespace TreatyWatch.Ledger;

/// <summary>
/// How values are written in the ledger's text columns. Day dates are <c>YYYY-MM-DD</c>; instants are UTC with six
/// fractional digits, always, so that comparing the text compares the times.
/// </summary>
internal static class LedgerText
{
    private static readonly InstantPattern InstantPattern = NodaTime.Text.InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'");

    public static string Instant(Instant i) => InstantPattern.Format(i);

    public static Instant ParseInstant(string s) => InstantPattern.Parse(s).GetValueOrThrow();

    public static string Day(LocalDate d) => IsoDate.Format(d);

    public static string? Day(LocalDate? d) => d is { } v ? IsoDate.Format(v) : null;

    public static LocalDate ParseDay(string s) => IsoDate.Parse(s);

    public static LocalDate? ParseDayOrNull(string? s) => s is null ? null : IsoDate.Parse(s);

    public static PartialDate ParsePartial(string s) => PartialDate.Parse(s);

    /// <summary>Lists are kept as in the data files: items joined by ';' (an item cannot contain one).</summary>
    public static string List(IEnumerable<string> items) => string.Join(';', items);

    public static IReadOnlyList<string> ParseList(string? s) =>
        string.IsNullOrEmpty(s) ? [] : s.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static T ParseEnum<T>(string s) where T : struct, Enum =>
        Enum.TryParse<T>(s, ignoreCase: true, out var v) ? v : throw new LedgerException($"'{s}' is not a {typeof(T).Name}");
}
