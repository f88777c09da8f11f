using NodaTime;
using TreatyWatch.Answers;
using TreatyWatch.Engine.Data;
using TreatyWatch.Ledger;

namespace TreatyWatch.Web.Services;

/// <summary>
/// Where the web app reads from: <c>--db</c> (or TREATYWATCH_DB, default: the user's ledger) and <c>--data</c>;
/// <paramref name="Environment"/> reads HOME and XDG_DATA_HOME (tests give their own).
/// </summary>
public sealed record LedgerOptions(string? Db, string? Data, Func<string, string?>? Environment = null);

/// <summary>
/// The data every request reads: the catalog (treaties, states, actions) loaded whole from the ledger at start and
/// swapped for a fresh one after a write, so reads never touch the database and never wait; and the ledger itself for
/// the few reads and writes that need it (articles, the review queue), one at a time.
/// </summary>
public sealed class LedgerData : IDisposable
{
    private readonly Lock _gate = new();
    private readonly string _dataFolder;
    private Snapshot _current;

    /// <summary>A catalog and its name lookup, loaded together; never changed once made.</summary>
    public sealed record Snapshot(Catalog Catalog, Lookup Lookup, Instant LoadedAt);

    public LedgerData(LedgerOptions options, IClock clock, ILogger<LedgerData> log)
    {
        Clock = clock;
        _dataFolder = BundledData.Locate(options.Data);
        var none = options.Db is { } d && d.Trim().Equals("none", StringComparison.OrdinalIgnoreCase);
        if (!none)
        {
            var notes = new StringWriter();
            var env = options.Environment ?? System.Environment.GetEnvironmentVariable;
            Store = LedgerSetup.Open(options.Db ?? LedgerSetup.DefaultSpec(env), _dataFolder, clock, env, notes);
            foreach (var line in notes.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) log.LogInformation("{Note}", line);
        }

        _current = Load();
    }

    public IClock Clock { get; }

    /// <summary>The ledger; null when answering from the data files (<c>--db none</c>).</summary>
    public LedgerStore? Store { get; }

    /// <summary>Where the answers come from, for the page footer and the logs.</summary>
    public string Location => Store?.Location ?? _dataFolder + " (files)";

    /// <summary>The catalog now.</summary>
    public Snapshot Current => Volatile.Read(ref _current);

    /// <summary>Today's date (UTC), the default "on" of every question.</summary>
    public LocalDate Today => Clock.GetCurrentInstant().InUtc().Date;

    /// <summary>Runs a read or write on the ledger, one at a time; after a write call <see cref="Reload"/>.</summary>
    public T Use<T>(Func<LedgerStore, T> work)
    {
        var store = Store ?? throw new UserInputException("this needs a ledger, and the app was started with --db none");
        lock (_gate) return work(store);
    }

    /// <summary>Loads the catalog again (after a write) and makes it the current one.</summary>
    public void Reload()
    {
        var fresh = Load();
        Volatile.Write(ref _current, fresh);
    }

    private Snapshot Load()
    {
        Catalog catalog;
        lock (_gate) catalog = Store is null ? BundledData.Load(_dataFolder, lazyActions: false) : Store.LoadCatalog(lazyActions: false);
        return new Snapshot(catalog, new Lookup(catalog), Clock.GetCurrentInstant());
    }

    public void Dispose() => Store?.Dispose();
}
