using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TreatyWatch.Ledger;

/// <summary>
/// A statement prepared once on a connection's own SQLite handle and bound by position: for the ingest's hot
/// multi-row INSERTs, where <see cref="SqliteCommand"/> looks every parameter up by name (converting the name to UTF-8
/// and scanning the statement's list of names) on every execution: with up to 1,000 parameters a statement, the writer
/// was about 17 % slower that way (docs/benchmarks.md, "Issue 4, fourth pass"). The parameter names are checked once, when it is prepared: the i-th value given is the i-th
/// name of <c>names</c>, and the SQL must name them in that order. Runs inside whatever transaction the connection has.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    // A text is encoded to UTF-8 here and handed over as a span, which SQLite copies (SQLITE_TRANSIENT): the string
    // overload of sqlite3_bind_text allocates a new array for every value, a few dozen megabytes over a large ingest.
    private byte[] _utf8 = new byte[4096];

    public SqliteStatement(SqliteConnection connection, string sql, IReadOnlyList<string> names)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        if (rc != raw.SQLITE_OK) throw Error(rc);
        var count = raw.sqlite3_bind_parameter_count(_stmt);
        if (count != names.Count) throw new LedgerException($"a statement with {count} parameter(s) was given {names.Count} name(s): {sql}");
        for (var i = 0; i < count; i++)
        {
            var name = raw.sqlite3_bind_parameter_name(_stmt, i + 1).utf8_to_string();
            if (name != "@" + names[i]) throw new LedgerException($"parameter {i + 1} of a statement is {name}, not @{names[i]}: {sql}");
        }
    }

    /// <summary>Sets the value of the parameter at <paramref name="index"/> (from 0, in the order of the names).</summary>
    public void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_stmt, index + 1),
            string s => BindText(index, s),
            int n => raw.sqlite3_bind_int64(_stmt, index + 1, n),
            long n => raw.sqlite3_bind_int64(_stmt, index + 1, n),
            _ => throw new LedgerException($"a value of type {value.GetType().Name} cannot be bound"),
        };
        if (rc != raw.SQLITE_OK) throw Error(rc);
    }

    private int BindText(int index, string s)
    {
        // The buffer grows to the longest text's UTF-8 (counted exactly only when the quick upper bound exceeds it).
        if (Encoding.UTF8.GetMaxByteCount(s.Length) > _utf8.Length && Encoding.UTF8.GetByteCount(s) is var needed && needed > _utf8.Length)
            _utf8 = new byte[Math.Max(needed, 2 * _utf8.Length)];
        var length = Encoding.UTF8.GetBytes(s, _utf8);
        return raw.sqlite3_bind_text(_stmt, index + 1, _utf8.AsSpan(0, length));
    }

    /// <summary>Runs the statement with the values bound; the first column of its first row as a number (RETURNING), or null.</summary>
    public long? Run()
    {
        long? first = null;
        var rc = raw.sqlite3_step(_stmt);
        while (rc == raw.SQLITE_ROW)
        {
            first ??= raw.sqlite3_column_int64(_stmt, 0);
            rc = raw.sqlite3_step(_stmt);
        }

        // The error (a CHECK refused, the file busy) is read before the reset, which keeps the statement for the next run.
        var error = rc == raw.SQLITE_DONE ? null : Error(rc);
        raw.sqlite3_reset(_stmt);
        raw.sqlite3_clear_bindings(_stmt);
        return error is null ? first : throw error;
    }

    private SqliteException Error(int rc) =>
        new($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));

    public void Dispose() => _stmt.Dispose();
}
