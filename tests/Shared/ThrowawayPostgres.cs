using Npgsql;

namespace TreatyWatch.Tests.Shared;

/// <summary>
/// Ledgers on the PostgreSQL server named by TREATYWATCH_TEST_PG (scripts/with-postgres.sh starts a throwaway server and
/// sets it), each a new schema, dropped when the test class is disposed. Without the variable <see cref="NewDatabase"/>
/// returns null on a developer's machine (the PostgreSQL half of a suite has nothing to connect to), and throws under
/// CI=true: a missing database never passes quietly. Shared by the ledger and CLI test projects (a linked file).
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    public const string Variable = "TREATYWATCH_TEST_PG";

    private readonly List<string> _schemas = [];
    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);

    /// <summary>A connection string for a new, empty schema named <paramref name="prefix"/>_&lt;guid&gt;, or null (see above).</summary>
    public string? NewDatabase(string prefix)
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"{Variable} is not set under CI=true: run the tests through scripts/with-postgres.sh");
            return null;
        }

        var schema = $"{prefix}_{Guid.NewGuid():N}";
        using (var c = new NpgsqlConnection(_server))
        {
            c.Open();
            using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c);
            cmd.ExecuteNonQuery();
        }

        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(_server) { SearchPath = schema }.ConnectionString;
    }

    public void Dispose()
    {
        if (_schemas.Count == 0) return;
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(_server);
        c.Open();
        foreach (var schema in _schemas)
        {
            using var cmd = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", c);
            cmd.ExecuteNonQuery();
        }

        _schemas.Clear();
    }
}
