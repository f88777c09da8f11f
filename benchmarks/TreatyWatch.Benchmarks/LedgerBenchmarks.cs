using BenchmarkDotNet.Attributes;
using NodaTime;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Status;
using TreatyWatch.Ledger;

namespace TreatyWatch.Benchmarks;

/// <summary>
/// The status query once the catalog is loaded from a ledger: a SQLite ledger seeded from the bundled data in the
/// set-up, its catalog loaded as the CLI loads it (each treaty's actions on first use), the apmbc book built once.
/// Also the cold part: loading the catalog and reading one treaty from the ledger.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class LedgerBenchmarks
{
    private static readonly LocalDate Day = new(2026, 1, 1);
    private string _folder = null!;
    private LedgerStore _store = null!;
    private TreatyStatusBook _book = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("treatywatch-bench-").FullName;
        _store = LedgerStore.Open($"sqlite:{Path.Combine(_folder, "ledger.db")}", SystemClock.Instance);
        _store.Migrate();
        _store.SeedFromBundledData(BundledData.ReadFiles(), "benchmark");
        _book = _store.LoadCatalog(lazyActions: true).Book("apmbc");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Full answer from the ledger's catalog: status, dates, latest domestic step, reasons.</summary>
    [Benchmark]
    public StatusAnswer Ledger_StatusOf_LTU_apmbc() => _book.StatusOf("LTU", Day);

    /// <summary>Status only.</summary>
    [Benchmark]
    public TreatyStatus Ledger_StatusCode_LTU_apmbc() => _book.StatusCode("LTU", Day);

    /// <summary>States, groups, definitions, sources and conflicts, then apmbc's actions: what a cold query reads.</summary>
    [Benchmark]
    public int Ledger_LoadCatalog_And_ReadApmbc() => _store.LoadCatalog(lazyActions: true).ActionsOf("apmbc").Count;
}
