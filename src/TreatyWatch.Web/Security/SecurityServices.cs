using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TreatyWatch.Answers;
using TreatyWatch.Ledger;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Security;

/// <summary>The authorization policies: <see cref="Reviewer"/> (a reviewer or an admin) and <see cref="Admin"/>.</summary>
public static class Policies
{
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";

    public static string RoleName(UserRole role) => role == UserRole.Admin ? Admin : Reviewer;
}

/// <summary>
/// Who may write, and how they prove it: cookie sign-in (/signin, /signout) for the pages, API tokens
/// (<c>Authorization: Bearer</c>) for the API; the policies; anti-forgery; rate limits; the data-protection keys
/// (which sign the cookies and anti-forgery tokens) kept next to the ledger. Reading is public.
/// </summary>
public static class SecurityServices
{
    /// <summary>The scheme every request is authenticated with: a token when the request carries one, else the cookie.</summary>
    public const string Scheme = "TreatyWatch";

    public const string CookieName = "treatywatch.auth";

    public static void AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection("Security"));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "cookie or API token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    // The API answers 401/403 as problem details; the pages send an anonymous visitor to /signin.
                    OnRedirectToLogin = c => IsApi(c.Request)
                        ? SecurityProblems.WriteAsync(c.HttpContext, StatusCodes.Status401Unauthorized, "this needs a signed-in user or an API token (Authorization: Bearer <token>)")
                        : Redirect(c),
                    OnRedirectToAccessDenied = c => SecurityProblems.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden,
                        $"user '{c.HttpContext.User.Identity?.Name}' does not have the role this needs"),
                    // A user disabled since signing in is signed out at their next request.
                    OnValidatePrincipal = async c =>
                    {
                        var name = c.Principal?.Identity?.Name;
                        var store = c.HttpContext.RequestServices.GetRequiredService<LedgerData>().Store;
                        var user = name is null || store is null ? null : store.FindUser(name);
                        if (user is null || user.Disabled || Policies.RoleName(user.Role) != c.Principal!.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value)
                        {
                            c.RejectPrincipal();
                            await c.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                        }
                    },
                };
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SecurityOptions>>((o, s) => o.ExpireTimeSpan = s.Value.SessionIdle);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reviewer, p => p.RequireAuthenticatedUser().RequireRole(Policies.Reviewer, Policies.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Policies.Admin));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "treatywatch.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });

        services.AddRateLimits();
        // A search page, when there is one, is rate limited without its own code saying so.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageApplicationModelConvention("/Search",
            m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(RateLimits.Search))));

        // The keys that sign cookies and anti-forgery tokens live next to the ledger, so that a restart keeps people
        // signed in and several processes on one ledger accept each other's cookies.
        services.AddDataProtection().SetApplicationName("TreatyWatch");
        services.AddOptions<KeyManagementOptions>().Configure<LedgerOptions, ILoggerFactory>((o, ledger, logs) =>
        {
            if (KeysFolder(ledger) is { } folder) o.XmlRepository = new FileSystemXmlRepository(folder, logs);
        });
    }

    /// <summary>Authentication, authorization and rate limits: after UseRouting, before the endpoints.</summary>
    public static void UseSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>
    /// <c>keys/</c> beside a SQLite ledger, or in the user's data folder (~/.local/share/treatywatch/keys) for a
    /// PostgreSQL ledger or none; created readable by the owner only. Null when there is no home folder (the
    /// framework's default then applies).
    /// </summary>
    public static DirectoryInfo? KeysFolder(LedgerOptions ledger)
    {
        var env = ledger.Environment ?? Environment.GetEnvironmentVariable;
        string spec;
        try
        {
            spec = ledger.Db is { } d && d.Trim().StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? d.Trim() : LedgerSetup.DefaultSpec(env);
        }
        catch (UserInputException)
        {
            return null;
        }

        var path = Path.GetFullPath(spec["sqlite:".Length..]);
        var dir = new DirectoryInfo(Path.Combine(Path.GetDirectoryName(path)!, "keys"));
        if (!dir.Exists)
        {
            dir.Create();
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return dir;
    }

    private static bool IsApi(HttpRequest r) => r.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> c)
    {
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }
}
