namespace TreatyWatch.Ledger.Tests;

/// <summary>Users and API tokens (schema version 5), on both databases.</summary>
public abstract partial class LedgerStoreTests
{
    [Fact]
    public void Users_AddCheckPasswordIssueTokenDisable_AllByAppending()
    {
        var store = NewLedger();
        if (store is null) return;

        var alice = store.AddUser("alice", UserRole.Reviewer, "correct horse battery", "test");
        Assert.Equal(UserRole.Reviewer, alice.Role);
        Assert.True(alice.HasPassword);
        Assert.Equal("alice", store.CheckPassword("alice", "correct horse battery")?.Name);
        Assert.Null(store.CheckPassword("alice", "wrong horse battery"));
        Assert.Null(store.CheckPassword("nobody", "correct horse battery"));

        var token = store.IssueToken("alice", "test");
        Assert.StartsWith(LedgerStore.TokenPrefix, token, StringComparison.Ordinal);
        Assert.Equal("alice", store.UserOfToken(token)?.Name);
        Assert.Null(store.UserOfToken(token + "x"));
        Assert.Null(store.UserOfToken("tw_not-a-token"));
        Assert.NotEqual(token, store.IssueToken("alice", "test"));
        Assert.Equal(2, store.FindUser("alice")!.Tokens);

        // Neither the password nor the token is stored: only their hashes.
        using (var c = store.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT password_hash FROM users UNION ALL SELECT token_hash FROM api_tokens";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                Assert.DoesNotContain("correct horse", r.GetString(0), StringComparison.Ordinal);
                Assert.NotEqual(token, r.GetString(0));
            }
        }

        Assert.True(store.DisableUser("alice", "test"));
        Assert.False(store.DisableUser("alice", "test"));
        Assert.Null(store.CheckPassword("alice", "correct horse battery"));
        Assert.Null(store.UserOfToken(token));
        Assert.True(store.FindUser("alice")!.Disabled);
        Assert.Equal(2, store.Count("users"));
        Assert.Throws<LedgerException>(() => store.IssueToken("alice", "test"));
    }

    [Fact]
    public void Users_ANameIsNeverReused_BadNamesAndShortPasswordsAreRefused()
    {
        var store = NewLedger();
        if (store is null) return;

        store.AddUser("bob", UserRole.Admin, null, "test");
        Assert.False(store.FindUser("bob")!.HasPassword);
        Assert.Null(store.CheckPassword("bob", ""));
        var e = Assert.Throws<LedgerException>(() => store.AddUser("bob", UserRole.Reviewer, "long enough password", "test"));
        Assert.Contains("bob", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => store.AddUser("bad name", UserRole.Reviewer, null, "test"));
        Assert.Throws<ArgumentException>(() => store.AddUser("<script>", UserRole.Reviewer, null, "test"));
        Assert.Throws<ArgumentException>(() => store.AddUser("carol", UserRole.Reviewer, "short", "test"));
        Assert.Throws<LedgerException>(() => store.IssueToken("nobody", "test"));
        Assert.Throws<LedgerException>(() => store.DisableUser("nobody", "test"));
        Assert.Equal(["bob"], store.Users().Select(u => u.Name));
    }

    [Fact]
    public void Users_AreAppendOnly_AndTheAuditTrailListsUserChangesAndTokens()
    {
        var store = NewLedger();
        if (store is null) return;

        store.AddUser("dora", UserRole.Reviewer, "a long password", "admin-cli");
        store.IssueToken("dora", "admin-cli");
        foreach (var sql in new[] { "UPDATE users SET role = 'admin'", "DELETE FROM users", "UPDATE api_tokens SET user_name = 'x'", "DELETE FROM api_tokens" })
        {
            using var c = store.OpenConnection();
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            var ex = Assert.ThrowsAny<Exception>(() => cmd.ExecuteNonQuery());
            Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
        }

        var audit = store.AuditTrail();
        Assert.Contains(audit, a => a.Kind == "user" && a.Who == "admin-cli" && a.What.Contains("dora", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Kind == "token" && a.What.Contains("dora", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.What.Contains("password", StringComparison.Ordinal));
    }

    [Fact]
    public void PasswordHash_IsSaltedPbkdf2_AndChecksInConstantTimeShape()
    {
        var a = PasswordHash.Create("same password");
        var b = PasswordHash.Create("same password");
        Assert.NotEqual(a, b);
        Assert.StartsWith($"pbkdf2-sha512${PasswordHash.Iterations}$", a, StringComparison.Ordinal);
        Assert.True(PasswordHash.Verify("same password", a));
        Assert.False(PasswordHash.Verify("other password", a));
        Assert.False(PasswordHash.Verify("same password", null));
        Assert.False(PasswordHash.Verify("same password", "pbkdf2-sha512$x$y$z"));
    }
}
