using System.Data.Common;
using System.Reflection;
using System.Text;
using NodaTime;

namespace TreatyWatch.Ledger.Migrations;

/// <summary>One numbered SQL file of one dialect (embedded as <c>Migrations/&lt;dialect&gt;/NNNN_name.sql</c>).</summary>
internal sealed record Migration(int Version, string Name, string Sql, string Checksum);

/// <summary>
/// Applies the embedded SQL files in order, each in its own transaction together with its row in
/// <c>schema_migrations</c>: a migration is applied entirely or not at all. Two processes migrating at once queue on
/// the ledger's write lock; the second finds the work done. A file changed after it was applied is refused (checksum).
/// </summary>
internal static class MigrationRunner
{
    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <summary>The migrations of a dialect, by version.</summary>
    public static IReadOnlyList<Migration> For(string dialect)
    {
        var asm = typeof(MigrationRunner).Assembly;
        var prefix = $"Migrations/{dialect}/";
        var list = new List<Migration>();
        foreach (var resource in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore != 4 || !int.TryParse(file.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
                throw new InvalidOperationException($"migration resource '{resource}' is not named NNNN_name.sql");
            var sql = Read(asm, resource).Replace("\r\n", "\n", StringComparison.Ordinal);
            // Managed SHA-256: the framework's would load OpenSSL on every command's start (Sha256).
            var checksum = Sha256.HexOf(sql);
            list.Add(new Migration(version, file[(underscore + 1)..], sql, checksum));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Version != i + 1) throw new InvalidOperationException($"{dialect} migrations are not numbered 1, 2, 3...: found {list[i].Version} at position {i + 1}");
        }

        return list;
    }

    /// <summary>The highest version applied (0 for an empty database).</summary>
    public static int CurrentVersion(Dialect dialect)
    {
        using var c = dialect.Open();
        if (!dialect.TableExists(c, null, "schema_migrations")) return 0;
        return (int)(Sql.Long(c, null, "SELECT max(version) FROM schema_migrations") ?? 0);
    }

    /// <summary>Applies every migration up to <paramref name="target"/> (default: the latest); returns the versions applied now.</summary>
    public static IReadOnlyList<int> Run(Dialect dialect, IClock clock, int? target = null)
    {
        var migrations = For(dialect.Name);
        var goal = target ?? migrations.Count;
        if (goal < 0 || goal > migrations.Count) throw new ArgumentOutOfRangeException(nameof(target), $"no migration {target}: this program knows 1 to {migrations.Count}");

        var applied = new List<int>();
        using var c = dialect.Open();

        // The usual case, a ledger already at the goal, is settled by a read: no write lock taken.
        if (dialect.TableExists(c, null, "schema_migrations"))
        {
            var now = Sql.Query(c, null, "SELECT version, name, checksum FROM schema_migrations ORDER BY version", AppliedRow.Read);
            if (now.Count == goal && now.Select((d, i) => d.Version == i + 1 && migrations[i].Checksum == d.Checksum).All(ok => ok)) return applied;
        }

        while (true)
        {
            using var tx = dialect.BeginExclusiveWrite(c);
            Sql.Execute(c, tx, CreateTable);
            var done = Sql.Query(c, tx, "SELECT version, name, checksum FROM schema_migrations ORDER BY version", AppliedRow.Read);
            foreach (var (version, name, checksum) in done.Select(d => (d.Version, d.Name, d.Checksum)))
            {
                if (version > migrations.Count)
                    throw new LedgerException($"{dialect.Describe} is at schema version {done[^1].Version}, newer than this program ({migrations.Count}): update TreatyWatch");
                if (migrations[(int)version - 1].Checksum != checksum)
                    throw new LedgerException($"{dialect.Describe}: migration {version:D4}_{name} was applied from a different file than this program's (checksum differs)");
            }

            var next = done.Count == 0 ? 1 : (int)done[^1].Version + 1;
            if (next > goal)
            {
                tx.Commit();
                return applied;
            }

            var m = migrations[next - 1];
            Sql.Execute(c, tx, m.Sql);
            Sql.Execute(c, tx,
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @At)",
                ("Version", m.Version), ("Name", m.Name), ("Checksum", m.Checksum), ("At", LedgerText.Instant(clock.GetCurrentInstant())));
            tx.Commit();
            applied.Add(m.Version);
        }
    }

    private sealed class AppliedRow
    {
        public long Version { get; set; }
        public string Name { get; set; } = "";
        public string Checksum { get; set; } = "";

        public static AppliedRow Read(DbDataReader r) => new() { Version = Sql.L(r, 0), Name = Sql.S(r, 1), Checksum = Sql.S(r, 2) };
    }

    private static string Read(Assembly asm, string resource)
    {
        using var s = asm.GetManifestResourceStream(resource)!;
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }
}
