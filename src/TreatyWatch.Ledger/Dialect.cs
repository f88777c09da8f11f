using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TreatyWatch.Ledger;

/// <summary>What differs between SQLite and PostgreSQL once the schema is written: connecting, locking, errors.</summary>
internal abstract class Dialect : IDisposable
{
    /// <summary>"sqlite" or "postgres": also the folder of this dialect's migrations.</summary>
    public abstract string Name { get; }

    /// <summary>Where the ledger is, for messages (never a password).</summary>
    public abstract string Describe { get; }

    public abstract DbConnection Open();

    /// <summary>A write transaction that holds the ledger's write lock until commit: seeding and migrating check, then write.</summary>
    public abstract DbTransaction BeginExclusiveWrite(DbConnection connection);

    /// <summary>A write transaction for appends whose conflicts the unique constraints catch.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A read transaction that sees one consistent snapshot.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    public abstract bool IsUniqueViolation(Exception e);

    /// <summary>Rows per INSERT statement when many are written at once (see <see cref="Bulk"/>).</summary>
    public abstract int BulkRows { get; }

    public abstract bool TableExists(DbConnection connection, DbTransaction? transaction, string table);

    /// <summary>Tables, columns, indexes and triggers, one line each, sorted: to compare two ledgers' schemas.</summary>
    public abstract IReadOnlyList<string> DescribeSchema(DbConnection connection);

    public abstract void Dispose();

    /// <summary>Reads a row's first column as text.</summary>
    protected static string Text0(DbDataReader r) => r.GetString(0);

    /// <summary>Parses <c>sqlite:&lt;path&gt;</c> or a PostgreSQL connection string (<c>Host=...;Database=...</c>).</summary>
    public static Dialect FromSpec(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var s = spec.Trim();
        if (s.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = s["sqlite:".Length..];
            if (path.Length == 0) throw new LedgerException($"'{spec}': sqlite: needs a file path (sqlite:/path/to/ledger.db)");
            return new SqliteDialect(path);
        }

        if (s.Contains('=', StringComparison.Ordinal))
        {
            NpgsqlConnectionStringBuilder b;
            try
            {
                b = new NpgsqlConnectionStringBuilder(s);
            }
            catch (ArgumentException e)
            {
                throw new LedgerException($"'{spec}' is not a PostgreSQL connection string: {e.Message}");
            }

            if (string.IsNullOrEmpty(b.Host)) throw new LedgerException($"'{spec}': a PostgreSQL connection string needs Host=");
            return new PostgresDialect(b);
        }

        throw new LedgerException($"'{spec}' is not a ledger: write sqlite:<path> or a PostgreSQL connection string (Host=...;Database=...)");
    }
}

internal sealed class SqliteDialect : Dialect
{
    private readonly string _connectionString;
    private int _walSet;

    public SqliteDialect(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database for up to this many seconds: writers queue, they do not fail.
            DefaultTimeout = 60,
        }.ToString();
    }

    public string Path { get; }

    public override string Name => "sqlite";

    public override string Describe => $"sqlite:{Path}";

    public override DbConnection Open()
    {
        var dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var c = new SqliteConnection(_connectionString);
        c.Open();
        if (Interlocked.Exchange(ref _walSet, 1) == 0)
        {
            // WAL lets readers go on while one writer appends; the setting is kept in the file.
            Sql.Execute(c, null, "PRAGMA journal_mode=WAL;");
        }

        return c;
    }

    // BEGIN IMMEDIATE: the write lock is taken at the start, so a transaction never fails half-way trying to upgrade.
    public override DbTransaction BeginExclusiveWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override int BulkRows => 1;

    public override bool IsUniqueViolation(Exception e) =>
        e is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public override bool TableExists(DbConnection connection, DbTransaction? transaction, string table) =>
        Sql.Long(connection, transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table", ("table", table)) > 0;

    public override IReadOnlyList<string> DescribeSchema(DbConnection connection)
    {
        var columns = Sql.Query(connection, null,
            """
            SELECT m.name || '.' || p.name || ' ' || lower(p.type) || CASE WHEN p."notnull" = 1 THEN ' not null' ELSE '' END
            FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """, Text0);
        var objects = Sql.Query(connection, null, "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_%'", Text0);
        return columns.Concat(objects).Order(StringComparer.Ordinal).ToList();
    }

    public override void Dispose() => SqliteConnection.ClearAllPools();
}

internal sealed class PostgresDialect(NpgsqlConnectionStringBuilder builder) : Dialect
{
    // The slim builder: the ledger stores text and integers only, and the full builder's type support (ranges, JSON,
    // arrays, geometry, network types...) is compiled into the native program, whose start-up data every command pays
    // for (docs/benchmarks.md, "Cold start"). TLS and Kerberos/GSS logins stay as before.
    private readonly NpgsqlDataSource _source = new NpgsqlSlimDataSourceBuilder(builder.ConnectionString)
        .EnableTransportSecurity()
        .EnableIntegratedSecurity()
        .Build();

    public override string Name => "postgres";

    public override string Describe => $"postgres://{builder.Host}:{builder.Port}/{builder.Database}{(string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})")}";

    public override DbConnection Open() => _source.OpenConnection();

    public override DbTransaction BeginExclusiveWrite(DbConnection connection)
    {
        var tx = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        // One lock per ledger (database and schema), released at commit or rollback: seeding and migrating run one at a time.
        Sql.Execute(connection, tx, "SELECT pg_advisory_xact_lock(hashtext('treatywatch.ledger:' || current_database() || ':' || current_schema()))");
        return tx;
    }

    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction(IsolationLevel.ReadCommitted);

    public override DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    public override int BulkRows => 400;

    public override bool IsUniqueViolation(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override bool TableExists(DbConnection connection, DbTransaction? transaction, string table) =>
        Sql.Long(connection, transaction,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @table", ("table", table)) > 0;

    public override IReadOnlyList<string> DescribeSchema(DbConnection connection)
    {
        var columns = Sql.Query(connection, null,
            """
            SELECT table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
            FROM information_schema.columns WHERE table_schema = current_schema()
            """, Text0);
        var indexes = Sql.Query(connection, null, "SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = current_schema()", Text0);
        var triggers = Sql.Query(connection, null,
            "SELECT DISTINCT 'trigger ' || trigger_name FROM information_schema.triggers WHERE trigger_schema = current_schema()", Text0);
        return columns.Concat(indexes).Concat(triggers).Order(StringComparer.Ordinal).ToList();
    }

    public override void Dispose() => _source.Dispose();
}
