using TreatyWatch.Tests.Shared;

namespace TreatyWatch.Ledger.Tests;

/// <summary>
/// The ledger suite on PostgreSQL, each database a new schema in the database named by TREATYWATCH_TEST_PG
/// (scripts/with-postgres.sh starts a throwaway server and sets it). Without the variable the tests return at once
/// on a developer's machine, and fail under CI=true: a missing database never passes quietly.
/// </summary>
public sealed class PostgresLedgerStoreTests : LedgerStoreTests
{
    private readonly ThrowawayPostgres _postgres = new();

    protected override string? NewDatabase() => _postgres.NewDatabase("ledger_test");

    public override void Dispose()
    {
        base.Dispose();
        _postgres.Dispose();
    }
}
