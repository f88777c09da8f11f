using Npgsql;

namespace TreatyWatch.Ledger.Tests;

/// <summary>
/// The ledger suite on PostgreSQL, each database a new schema in the database named by TREATYWATCH_TEST_PG
/// (scripts/with-postgres.sh starts a throwaway server and sets it). Without the variable the tests return at once
/// on a developer's machine, and fail under CI=true: a missing database never passes quietly.
/// </summary>
public sealed class PostgresLedgerStoreTests : LedgerStoreTests
{
    public const string Variable = "TREATYWATCH_TEST_PG";

    private readonly List<string> _schemas = [];
    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);

    protected override string? NewDatabase()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"{Variable} is not set under CI=true: run the tests through scripts/with-postgres.sh");
            return null;
        }

        var schema = $"ledger_test_{Guid.NewGuid():N}";
        using (var c = new NpgsqlConnection(_server))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c);
            cmd.ExecuteNonQuery();
        }

        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(_server) { SearchPath = schema }.ConnectionString;
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_schemas.Count == 0) return;
        using var c = new NpgsqlConnection(_server);
        c.Open();
        foreach (var schema in _schemas)
        {
            using var cmd = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", c);
            cmd.ExecuteNonQuery();
        }
    }
}
