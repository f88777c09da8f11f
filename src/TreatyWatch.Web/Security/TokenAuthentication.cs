using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c>: an API token issued by <c>treatywatch users token &lt;name&gt;</c>. The
/// ledger keeps only its SHA-256; a token works while its user is not disabled. A missing or unknown token on a
/// write is 401 (with <c>WWW-Authenticate: Bearer</c>), a user without the role 403, both as problem details.
/// </summary>
internal sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, LedgerData data)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var token = header["Bearer ".Length..].Trim();
        // Reads on their own connection: token checks do not queue behind the ledger's writes (LedgerData.Use).
        var user = data.Store?.UserOfToken(token);
        if (user is null) return Task.FromResult(AuthenticateResult.Fail("the API token is unknown, or its user is disabled"));
        var principal = Principals.Of(user, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await SecurityProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            result.Failure?.Message ?? "this needs a signed-in user or an API token (Authorization: Bearer <token>)");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        SecurityProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, $"user '{Context.User.Identity?.Name}' does not have the role this needs");
}

/// <summary>The claims of a signed-in user: the name and the role (an admin is also a reviewer).</summary>
internal static class Principals
{
    public static ClaimsPrincipal Of(TreatyWatch.Ledger.LedgerUser user, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, Policies.RoleName(user.Role)) };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
