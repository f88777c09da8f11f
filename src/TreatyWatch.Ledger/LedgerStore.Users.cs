using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;

namespace TreatyWatch.Ledger;

/// <summary>What a user may do through the web app. Reading is public; these are for writing.</summary>
public enum UserRole
{
    /// <summary>May decide reported actions (confirm, reject, edit, merge).</summary>
    Reviewer,
    /// <summary>May review and import.</summary>
    Admin,
}

/// <summary>A user as the latest row says: role, whether disabled, whether a password is set, and how many API tokens were issued.</summary>
public sealed record LedgerUser(string Name, UserRole Role, bool Disabled, bool HasPassword, int Tokens, Instant RecordedAt, string RecordedBy);

/// <summary>One write on record, for the audit trail: when, who, what kind and what (a review, an import, a user change, a token issued).</summary>
public sealed record AuditEntry(Instant At, string Who, string Kind, string What);

/// <summary>
/// Users and API tokens (schema version 5): who may write through the web app. Append-only like the rest: adding a
/// user is a row, disabling one is a later row (the latest row per name wins); a token is stored as its SHA-256 only
/// and shown once. Passwords are hashed with PBKDF2-HMAC-SHA512 and a per-user random salt (<see cref="PasswordHash"/>).
/// </summary>
public sealed partial class LedgerStore
{
    /// <summary>The start of every API token (so that a leaked one is easy to recognise and search for).</summary>
    public const string TokenPrefix = "tw_";

    /// <summary>Adds a user. A name already on record (even disabled) is refused: names are never reused.</summary>
    /// <param name="password">Null: no password (the user signs in with API tokens only).</param>
    /// <exception cref="ArgumentException">A bad name, or a password shorter than 8 characters.</exception>
    /// <exception cref="LedgerException">The name is taken, or the ledger is older than schema version 5.</exception>
    public LedgerUser AddUser(string name, UserRole role, string? password, string who)
    {
        RequireWho(who);
        CheckUserName(name);
        if (password is not null && password.Length < 8) throw new ArgumentException("a password needs at least 8 characters", nameof(password));
        var hash = password is null ? null : PasswordHash.Create(password);
        var at = LedgerText.Instant(_clock.GetCurrentInstant());

        using var c = _db.Open();
        RequireUsers(c);
        using var tx = _db.BeginExclusiveWrite(c);
        if (LatestUser(c, tx, name) is { } existing)
            throw new LedgerException($"user '{name}' is already on record ({(existing.Disabled ? "disabled" : existing.Role)}): names are not reused");
        InsertUser(c, tx, name, role, hash, disabled: false, "added", at, who);
        tx.Commit();
        return new LedgerUser(name, role, false, hash is not null, 0, LedgerText.ParseInstant(at), who);
    }

    /// <summary>Disables a user (a new row): their password and tokens stop working. Disabling twice changes nothing.</summary>
    /// <returns>False when the user was already disabled.</returns>
    /// <exception cref="LedgerException">No such user.</exception>
    public bool DisableUser(string name, string who)
    {
        RequireWho(who);
        var at = LedgerText.Instant(_clock.GetCurrentInstant());
        using var c = _db.Open();
        RequireUsers(c);
        using var tx = _db.BeginExclusiveWrite(c);
        var u = LatestUser(c, tx, name) ?? throw new LedgerException($"no user '{name}' is on record");
        if (u.Disabled) return false;
        InsertUser(c, tx, name, LedgerText.ParseEnum<UserRole>(u.Role), u.PasswordHash, disabled: true, "disabled", at, who);
        tx.Commit();
        return true;
    }

    /// <summary>Issues a new API token for a user and returns it: the ledger keeps only its hash, so it cannot be shown again.</summary>
    /// <exception cref="LedgerException">No such user, or the user is disabled.</exception>
    public string IssueToken(string name, string who)
    {
        RequireWho(who);
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var at = LedgerText.Instant(_clock.GetCurrentInstant());
        using var c = _db.Open();
        RequireUsers(c);
        using var tx = _db.BeginWrite(c);
        var u = LatestUser(c, tx, name) ?? throw new LedgerException($"no user '{name}' is on record");
        if (u.Disabled) throw new LedgerException($"user '{name}' is disabled: no token is issued");
        Sql.Execute(c, tx, "INSERT INTO api_tokens (user_name, token_hash, hint, recorded_at, recorded_by) VALUES (@n, @h, @hint, @at, @who)",
            ("n", name), ("h", TokenHash(token)), ("hint", token[..8]), ("at", at), ("who", who));
        tx.Commit();
        return token;
    }

    /// <summary>Every user, as their latest row says, by name.</summary>
    public IReadOnlyList<LedgerUser> Users()
    {
        using var c = _db.Open();
        if (!_db.TableExists(c, null, "users")) return [];
        using var tx = _db.BeginRead(c);
        var rows = Sql.Query(c, tx, $"SELECT {UserRow.Columns} FROM users u WHERE seq = (SELECT max(seq) FROM users v WHERE v.name = u.name) ORDER BY name", UserRow.Read);
        var tokens = Sql.Query(c, tx, "SELECT user_name, count(*) FROM api_tokens GROUP BY user_name", r => (Sql.S(r, 0), Sql.I(r, 1))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        tx.Commit();
        return rows.Select(r => r.ToUser(tokens.GetValueOrDefault(r.Name))).ToList();
    }

    /// <summary>One user as the latest row says, or null.</summary>
    public LedgerUser? FindUser(string name)
    {
        using var c = _db.Open();
        if (!_db.TableExists(c, null, "users")) return null;
        var row = LatestUser(c, null, name);
        if (row is null) return null;
        var tokens = (int)(Sql.Long(c, null, "SELECT count(*) FROM api_tokens WHERE user_name = @n", ("n", name)) ?? 0);
        return row.ToUser(tokens);
    }

    /// <summary>
    /// The user when <paramref name="password"/> is theirs and they are not disabled; else null (an unknown name
    /// costs the same hashing time as a wrong password, so timing does not tell which names exist).
    /// </summary>
    public LedgerUser? CheckPassword(string name, string password)
    {
        UserRow? row = null;
        if (IsUserName(name))
        {
            using var c = _db.Open();
            if (_db.TableExists(c, null, "users")) row = LatestUser(c, null, name);
        }

        var ok = PasswordHash.Verify(password, row?.PasswordHash);
        return ok && row is { Disabled: false } ? row.ToUser(0) : null;
    }

    /// <summary>The user an API token belongs to, when the token was issued and its user is not disabled; else null.</summary>
    public LedgerUser? UserOfToken(string token)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200) return null;
        using var c = _db.Open();
        if (!_db.TableExists(c, null, "api_tokens")) return null;
        var name = Sql.Text(c, null, "SELECT user_name FROM api_tokens WHERE token_hash = @h", ("h", TokenHash(token)));
        if (name is null) return null;
        var row = LatestUser(c, null, name);
        return row is { Disabled: false } ? row.ToUser(0) : null;
    }

    /// <summary>
    /// The most recent writes by people, newest first: review decisions, imports (not the bundled data), users added
    /// or disabled, and tokens issued (never the token).
    /// </summary>
    public IReadOnlyList<AuditEntry> AuditTrail(int max = 100)
    {
        using var c = _db.Open();
        using var tx = _db.BeginRead(c);
        var entries = new List<AuditEntry>();
        var n = Math.Clamp(max, 1, 10_000);
        if (_db.TableExists(c, tx, "action_reviews"))
        {
            entries.AddRange(Sql.Query(c, tx, "SELECT reviewed_at, reviewed_by, decision, reported_id, action_id, merged_into, reason FROM action_reviews ORDER BY id DESC LIMIT @n",
                r => new AuditEntry(LedgerText.ParseInstant(Sql.S(r, 0)), Sql.S(r, 1), "review",
                    $"{Sql.S(r, 2)} {Sql.S(r, 3)} -> {Sql.S(r, 4)}{(Sql.SN(r, 5) is { } m ? $" (into {m})" : "")}: {Sql.S(r, 6)}"), ("n", n)));
        }

        entries.AddRange(Sql.Query(c, tx, "SELECT recorded_at, recorded_by, kind, origin FROM imports WHERE kind <> 'bundled' ORDER BY id DESC LIMIT @n",
            r => new AuditEntry(LedgerText.ParseInstant(Sql.S(r, 0)), Sql.S(r, 1), "import", $"{Sql.S(r, 2)}: {Sql.S(r, 3)}"), ("n", n)));
        if (_db.TableExists(c, tx, "users"))
        {
            entries.AddRange(Sql.Query(c, tx, "SELECT recorded_at, recorded_by, change, name, role FROM users ORDER BY seq DESC LIMIT @n",
                r => new AuditEntry(LedgerText.ParseInstant(Sql.S(r, 0)), Sql.S(r, 1), "user", $"{Sql.S(r, 2)} {Sql.S(r, 3)} ({Sql.S(r, 4)})"), ("n", n)));
            entries.AddRange(Sql.Query(c, tx, "SELECT recorded_at, recorded_by, user_name, hint FROM api_tokens ORDER BY id DESC LIMIT @n",
                r => new AuditEntry(LedgerText.ParseInstant(Sql.S(r, 0)), Sql.S(r, 1), "token", $"token {Sql.S(r, 3)}… issued for {Sql.S(r, 2)}"), ("n", n)));
        }

        tx.Commit();
        return entries.OrderByDescending(e => e.At).Take(n).ToList();
    }

    /// <summary>Whether a name can be a user's: 1 to 64 of letters, digits, '.', '_', '@' and '-'.</summary>
    public static bool IsUserName(string? name) => name is not null && UserNamePattern().IsMatch(name);

    private static void CheckUserName(string name)
    {
        if (!IsUserName(name))
            throw new ArgumentException($"'{name}' is not a user name: 1 to 64 letters, digits, '.', '_', '@' or '-'", nameof(name));
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserNamePattern();

    private static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private void RequireUsers(DbConnection c)
    {
        if (!_db.TableExists(c, null, "users")) throw new LedgerException($"{_db.Describe} has no users table (schema version 5): migrate it first");
    }

    private static UserRow? LatestUser(DbConnection c, DbTransaction? tx, string name) =>
        Sql.First(c, tx, $"SELECT {UserRow.Columns} FROM users WHERE name = @n ORDER BY seq DESC LIMIT 1", UserRow.Read, ("n", name));

    private static void InsertUser(DbConnection c, DbTransaction tx, string name, UserRole role, string? hash, bool disabled, string change, string at, string who) =>
        Sql.Execute(c, tx,
            "INSERT INTO users (name, role, password_hash, disabled, change, recorded_at, recorded_by) VALUES (@n, @r, @h, @d, @c, @at, @who)",
            ("n", name), ("r", LedgerText.Lower(role)), ("h", hash), ("d", disabled ? 1 : 0), ("c", change), ("at", at), ("who", who));

    private sealed class UserRow
    {
        public const string Columns = "name, role, password_hash, disabled, recorded_at, recorded_by";
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public string? PasswordHash { get; init; }
        public bool Disabled { get; init; }
        public string RecordedAt { get; init; } = "";
        public string RecordedBy { get; init; } = "";

        public static UserRow Read(DbDataReader r) => new()
        {
            Name = Sql.S(r, 0), Role = Sql.S(r, 1), PasswordHash = Sql.SN(r, 2), Disabled = Sql.I(r, 3) == 1, RecordedAt = Sql.S(r, 4), RecordedBy = Sql.S(r, 5),
        };

        public LedgerUser ToUser(int tokens) =>
            new(Name, LedgerText.ParseEnum<UserRole>(Role), Disabled, PasswordHash is not null, tokens, LedgerText.ParseInstant(RecordedAt), RecordedBy);
    }
}

/// <summary>
/// Password hashes: PBKDF2-HMAC-SHA512 with a 16-byte random salt per user and <see cref="Iterations"/> iterations
/// (OWASP's 2023 figure for SHA-512), kept as <c>pbkdf2-sha512$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c> (base64) so
/// that a later program can raise the count and still check older hashes. Compared in constant time.
/// </summary>
public static class PasswordHash
{
    public const int Iterations = 210_000;
    private const string Scheme = "pbkdf2-sha512";

    // Checked against when the user is unknown, so that an unknown name takes as long as a wrong password.
    private static readonly string Decoy = Create("treatywatch-decoy-password");

    public static string Create(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, 32);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>; false (after the same work) when nothing is stored.</summary>
    public static bool Verify(string password, string? stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = (stored ?? Decoy).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
            return false;
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && stored is not null;
    }
}
