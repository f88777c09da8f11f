namespace TreatyWatch.Ledger.Tests;

/// <summary>The ledger suite on SQLite, each database a file in a temporary folder.</summary>
public sealed class SqliteLedgerStoreTests : LedgerStoreTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("treatywatch-ledger-").FullName;
    private int _n;

    protected override string? NewDatabase() => $"sqlite:{Path.Combine(_folder, $"ledger-{Interlocked.Increment(ref _n)}.db")}";

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
