using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TreatyWatch.Web.Security;
using TreatyWatch.Web.Services;

namespace TreatyWatch.Web.Pages;

/// <summary>
/// <c>/signin</c>: the form (fields <c>username</c>, <c>password</c>; anti-forgery token). A right password signs the
/// user in with a cookie (HttpOnly, SameSite=Strict, Secure over HTTPS) and goes back to the page asked for (a local
/// one only) or /review; a wrong one answers 401 with the same message whether or not the name exists. Attempts are
/// rate limited per address (<see cref="RateLimits.SignIn"/>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(LedgerData data) : PageModel
{
    [BindProperty(Name = "username")]
    public string? Username { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "returnUrl", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (data.Store is not { } store)
        {
            Error = "this server answers from the data files (--db none): there are no users to sign in";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        var name = Username?.Trim() ?? "";
        var password = Password ?? "";
        // The hash takes a moment on purpose; it runs off the request thread and outside the ledger's write queue.
        var user = password.Length is > 0 and <= 1024 ? await Task.Run(() => store.CheckPassword(name, password)) : null;
        if (user is null)
        {
            Error = "wrong user name or password";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principals.Of(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/review");
    }
}
