using BenchmarkDotNet.Attributes;
using NodaTime;
using TreatyWatch.Engine.Actions;
using TreatyWatch.Engine.Data;
using TreatyWatch.Engine.Status;

namespace TreatyWatch.Benchmarks;

/// <summary>(a) one status query, (b) building a status book, (c) parsing the data folder.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class StatusBenchmarks
{
    private static readonly LocalDate Day = new(2026, 1, 1);
    private IReadOnlyList<DataFile> _files = null!;
    private Catalog _catalog = null!;
    private TreatyStatusBook _book = null!;
    private IReadOnlyList<TreatyAction> _actions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = BundledData.ReadFiles();
        _catalog = CatalogParser.Parse(_files);
        _book = _catalog.Book("apmbc");
        _actions = _catalog.ActionsOf("apmbc");
    }

    /// <summary>(a) Full answer: status, dates, latest domestic step, reasons.</summary>
    [Benchmark]
    public StatusAnswer StatusOf_LTU_apmbc() => _book.StatusOf("LTU", Day);

    /// <summary>(a) Status only.</summary>
    [Benchmark]
    public TreatyStatus StatusCode_LTU_apmbc() => _book.StatusCode("LTU", Day);

    /// <summary>(b) Every apmbc timeline from the actions on record.</summary>
    [Benchmark]
    public TreatyStatusBook BuildBook_apmbc() => StatusEngine.Build(_catalog.Treaty("apmbc")!, _actions, _catalog.States, _catalog.Conflicts);

    /// <summary>(c) The whole data folder, parsed and cross-checked from in-memory texts.</summary>
    [Benchmark]
    public Catalog ParseDataFolder() => CatalogParser.Parse(_files);
}
