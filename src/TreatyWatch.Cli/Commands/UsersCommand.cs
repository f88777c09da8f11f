using System.CommandLine;
using Spectre.Console;
using TreatyWatch.Ledger;

namespace TreatyWatch.Cli.Commands;

/// <summary>
/// <c>treatywatch users</c>: the people who may write through the web app (<c>treatywatch serve</c>), kept in the
/// ledger. <c>users add &lt;name&gt; --role reviewer|admin [--password-stdin]</c>, <c>users token &lt;name&gt;</c> (prints
/// a new API token, once: the ledger keeps only its hash), <c>users list</c>, <c>users disable &lt;name&gt;</c>. Every
/// change is a new row (who and when); nothing is updated or deleted.
/// </summary>
public static class UsersCommand
{
    /// <summary>Where <c>--password-stdin</c> reads from (tests give their own).</summary>
    internal static Func<TextReader> Stdin { get; set; } = () => Console.In;

    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("users", "Users who may write through the web app (reviewers, admins) and their API tokens");
        cmd.Add(Add(ctx));
        cmd.Add(Token(ctx));
        cmd.Add(List(ctx));
        cmd.Add(Disable(ctx));
        return cmd;
    }

    private static string Who() => string.IsNullOrWhiteSpace(Environment.UserName) ? "treatywatch users" : $"{Environment.UserName} (treatywatch users)";

    private static Command Add(CliContext ctx)
    {
        var name = new Argument<string>("name") { Description = "The user name: 1 to 64 letters, digits, '.', '_', '@' or '-'" };
        var role = new Option<string>("--role") { Description = "reviewer (may review reports) or admin (may also import)", Required = true };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password (at least 8 characters) from the first line of standard input; without it the user signs in with API tokens only" };
        var cmd = new Command("add", "Add a user") { name, role, stdin };
        cmd.SetAction(p =>
        {
            var n = p.GetValue(name)!;
            if (!LedgerStore.IsUserName(n)) throw new UserInputException($"'{n}' is not a user name: 1 to 64 letters, digits, '.', '_', '@' or '-'");
            var r = ParseRole(p.GetValue(role));
            string? password = null;
            if (p.GetValue(stdin))
            {
                password = Stdin().ReadLine()?.TrimEnd('\r');
                if (string.IsNullOrEmpty(password)) throw new UserInputException("--password-stdin: standard input gave no password");
                if (password.Length < 8) throw new UserInputException("--password-stdin: a password needs at least 8 characters");
            }

            var ledger = ctx.Ledger(p.GetValue(CliApp.Data));
            if (ledger.FindUser(n) is { } existing)
                throw new UserInputException($"user '{n}' is already on record ({(existing.Disabled ? "disabled" : LedgerRole(existing.Role))}): names are not reused");
            var user = ledger.AddUser(n, r, password, Who());
            ctx.Out.WriteLine($"user {user.Name} added ({LedgerRole(user.Role)}{(user.HasPassword ? ", with a password" : ", no password: use `treatywatch users token " + user.Name + "`")}) in {ledger.Location}");
            return 0;
        });
        return cmd;
    }

    private static Command Token(CliContext ctx)
    {
        var name = new Argument<string>("name") { Description = "The user the token is for" };
        var cmd = new Command("token", "Issue a new API token for a user and print it (once: only its hash is kept)") { name };
        cmd.SetAction(p =>
        {
            var n = p.GetValue(name)!;
            if (!LedgerStore.IsUserName(n)) throw new UserInputException($"'{n}' is not a user name");
            var ledger = ctx.Ledger(p.GetValue(CliApp.Data));
            if (ledger.FindUser(n) is null) throw new UserInputException($"no user '{n}' (add one with `treatywatch users add {n} --role reviewer`)");
            var token = ledger.IssueToken(n, Who());
            if (p.GetValue(CliApp.Format) == OutputFormat.Json)
            {
                Json.Write(ctx.Out, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("user", n);
                    w.WriteString("token", token);
                    w.WriteEndObject();
                });
            }
            else
            {
                ctx.Out.WriteLine(token);
                ctx.Err.WriteLine($"note: the API token for {n} is shown once; send it as `Authorization: Bearer <token>`");
            }

            return 0;
        });
        return cmd;
    }

    private static Command List(CliContext ctx)
    {
        var cmd = new Command("list", "List users: name, role, disabled, password set, tokens issued, last change");
        cmd.SetAction(p =>
        {
            var ledger = ctx.Ledger(p.GetValue(CliApp.Data));
            var users = ledger.Users();
            if (p.GetValue(CliApp.Format) == OutputFormat.Json)
            {
                Json.Write(ctx.Out, w =>
                {
                    w.WriteStartArray();
                    foreach (var u in users)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", u.Name);
                        w.WriteString("role", LedgerRole(u.Role));
                        w.WriteBoolean("disabled", u.Disabled);
                        w.WriteBoolean("password", u.HasPassword);
                        w.WriteNumber("tokens", u.Tokens);
                        w.WriteString("changedAt", NodaTime.Text.InstantPattern.ExtendedIso.Format(u.RecordedAt));
                        w.WriteString("changedBy", u.RecordedBy);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
                return 0;
            }

            if (users.Count == 0)
            {
                ctx.Out.WriteLine("no users (add one with `treatywatch users add <name> --role reviewer|admin --password-stdin`)");
                return 0;
            }

            var table = Tables.New("name", "role", "disabled", "password", "tokens", "last change");
            foreach (var u in users)
            {
                table.AddRow(Tables.E(u.Name), LedgerRole(u.Role), u.Disabled ? "yes" : "no", u.HasPassword ? "yes" : "no", u.Tokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Tables.E($"{NodaTime.Text.InstantPattern.ExtendedIso.Format(u.RecordedAt)} by {u.RecordedBy}"));
            }

            ctx.Console.Write(table);
            return 0;
        });
        return cmd;
    }

    private static Command Disable(CliContext ctx)
    {
        var name = new Argument<string>("name") { Description = "The user to disable (their password and tokens stop working)" };
        var cmd = new Command("disable", "Disable a user: their password and API tokens stop working (recorded, not deleted)") { name };
        cmd.SetAction(p =>
        {
            var n = p.GetValue(name)!;
            if (!LedgerStore.IsUserName(n)) throw new UserInputException($"'{n}' is not a user name");
            var ledger = ctx.Ledger(p.GetValue(CliApp.Data));
            if (ledger.FindUser(n) is null) throw new UserInputException($"no user '{n}'");
            ctx.Out.WriteLine(ledger.DisableUser(n, Who()) ? $"user {n} disabled" : $"user {n} was already disabled");
            return 0;
        });
        return cmd;
    }

    private static UserRole ParseRole(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "reviewer" => UserRole.Reviewer,
        "admin" => UserRole.Admin,
        _ => throw new UserInputException($"--role '{text}': write reviewer or admin"),
    };

    private static string LedgerRole(UserRole r) => r == UserRole.Admin ? "admin" : "reviewer";
}
