using TreatyWatch.Ledger.Migrations;

namespace TreatyWatch.Ledger.Tests.Migrations;

public sealed class MigrationFilesTests
{
    [Fact]
    public void BothDialects_HaveTheSameMigrations_NumberedFromOne()
    {
        var sqlite = MigrationRunner.For("sqlite");
        var postgres = MigrationRunner.For("postgres");

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite.Select(m => (m.Version, m.Name)), postgres.Select(m => (m.Version, m.Name)));
        Assert.Equal(Enumerable.Range(1, sqlite.Count), sqlite.Select(m => m.Version));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void EveryHistoryTable_RefusesUpdateAndDelete(string dialect)
    {
        var sql = string.Join('\n', MigrationRunner.For(dialect).Select(m => m.Sql));
        var tables = System.Text.RegularExpressions.Regex.Matches(sql, @"CREATE TABLE (\w+)").Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(tables);
        foreach (var t in tables)
        {
            Assert.True(dialect == "sqlite"
                ? sql.Contains($"BEFORE UPDATE ON {t} ", StringComparison.Ordinal) && sql.Contains($"BEFORE DELETE ON {t} ", StringComparison.Ordinal)
                : sql.Contains($"BEFORE UPDATE OR DELETE OR TRUNCATE ON {t} ", StringComparison.Ordinal),
                $"{dialect}: table {t} has no append-only trigger");
        }
    }
}
