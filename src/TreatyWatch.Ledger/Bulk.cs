using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace TreatyWatch.Ledger;

/// <summary>
/// Many rows at once. On PostgreSQL one statement per row costs a network round trip each (seconds for the bundled
/// data), so rows go in chunks: <c>INSERT ... VALUES (...), (...), ...</c>. SQLite is in the process and binds
/// parameters by a linear search of their names, so there one prepared statement is run once per row instead.
/// </summary>
internal static partial class Bulk
{
    // PostgreSQL allows 65,535 parameters per statement: 1,000 rows of 20 columns stay below.
    private const int MaxRowsPerStatement = 1000;

    private static readonly ConcurrentDictionary<string, (string Prefix, string[] Names)> Parsed = new();

    /// <summary>Runs <paramref name="insert"/> (one row's <c>INSERT ... VALUES (@A, @B)</c>) for every row; returns the rows written.</summary>
    public static int Insert<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties | System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicProperties)] T>(DbConnection c, DbTransaction tx, string insert, int rowsPerStatement, IEnumerable<T> rows)
    {
        var (prefix, names) = Parsed.GetOrAdd(insert, Parse);
        var getters = names.Select(n => typeof(T).GetProperty(n, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {n}")).ToArray();
        var total = 0;
        if (rowsPerStatement == 1)
        {
            using var one = c.CreateCommand();
            one.Transaction = tx;
            one.CommandText = $"{prefix} VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
            var ps = names.Select((n, i) =>
            {
                var parameter = one.CreateParameter();
                parameter.ParameterName = "@" + n;
                parameter.DbType = DbTypeOf(getters[i].PropertyType);
                one.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            one.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < ps.Length; i++) ps[i].Value = getters[i].GetValue(row) ?? DBNull.Value;
                total += one.ExecuteNonQuery();
            }

            return total;
        }

        foreach (var chunk in rows.Chunk(Math.Min(rowsPerStatement, MaxRowsPerStatement)))
        {
            // Plain ADO.NET: Dapper's DynamicParameters checks each name against the ones already added, which is
            // quadratic in the thousands of parameters of one chunk.
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            var sql = new StringBuilder(prefix).Append(" VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var i = 0; i < names.Length; i++)
                {
                    var name = $"@p{r}_{i}";
                    if (i > 0) sql.Append(", ");
                    sql.Append(name);
                    var parameter = cmd.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.DbType = DbTypeOf(getters[i].PropertyType);
                    parameter.Value = getters[i].GetValue(chunk[r]) ?? DBNull.Value;
                    cmd.Parameters.Add(parameter);
                }

                sql.Append(')');
            }

            cmd.CommandText = sql.ToString();
            total += cmd.ExecuteNonQuery();
        }

        return total;
    }

    private static System.Data.DbType DbTypeOf(Type t) => (Nullable.GetUnderlyingType(t) ?? t) switch
    {
        var x when x == typeof(int) => System.Data.DbType.Int32,
        var x when x == typeof(long) => System.Data.DbType.Int64,
        _ => System.Data.DbType.String,
    };

    private static (string, string[]) Parse(string insert)
    {
        var m = ValuesClause().Match(insert);
        if (!m.Success) throw new InvalidOperationException($"not a single-row insert: {insert}");
        var names = m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries).Select(n => n.TrimStart('@')).ToArray();
        return (m.Groups[1].Value.TrimEnd(), names);
    }

    [GeneratedRegex(@"^(.*?)\bVALUES\s*\(([^)]*)\)\s*$", RegexOptions.Singleline)]
    private static partial Regex ValuesClause();
}
