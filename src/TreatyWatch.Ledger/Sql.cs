using System.Data;
using System.Data.Common;
using System.Globalization;

namespace TreatyWatch.Ledger;

/// <summary>
/// Plain ADO.NET: commands with named parameters, and rows read by explicit mapping functions (each row type's
/// <c>Read(DbDataReader)</c>). No run-time code generation, so it runs in the Native AOT CLI.
/// </summary>
internal static class Sql
{
    /// <summary>A command in the transaction, with <c>@name</c> parameters (names given without the '@').</summary>
    public static DbCommand Command(DbConnection c, DbTransaction? tx, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.DbType = value switch
            {
                int => DbType.Int32,
                long => DbType.Int64,
                _ => DbType.String,
            };
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    public static int Execute(DbConnection c, DbTransaction? tx, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var cmd = Command(c, tx, sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row as a number; null when there is no row or it is NULL.</summary>
    public static long? Long(DbConnection c, DbTransaction? tx, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var cmd = Command(c, tx, sql, parameters);
        var v = cmd.ExecuteScalar();
        return v is null or DBNull ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of the first row as text; null when there is no row or it is NULL.</summary>
    public static string? Text(DbConnection c, DbTransaction? tx, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var cmd = Command(c, tx, sql, parameters);
        var v = cmd.ExecuteScalar();
        return v is null or DBNull ? null : Convert.ToString(v, CultureInfo.InvariantCulture);
    }

    /// <summary>Every row, each read by <paramref name="read"/>.</summary>
    public static List<T> Query<T>(DbConnection c, DbTransaction? tx, string sql, Func<DbDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var cmd = Command(c, tx, sql, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    /// <summary>The first row, or null when there is none.</summary>
    public static T? First<T>(DbConnection c, DbTransaction? tx, string sql, Func<DbDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters)
        where T : class
    {
        using var cmd = Command(c, tx, sql, parameters);
        using var r = cmd.ExecuteReader();
        return r.Read() ? read(r) : null;
    }

    // Column readers: integers are Int64 on SQLite and int4/int8 on PostgreSQL, so they are converted, not cast.

    public static string S(DbDataReader r, int i) => r.GetString(i);

    public static string? SN(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static long L(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static long? LN(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int I(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int? IN(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
}
