using Microsoft.AspNetCore.Mvc;

namespace TreatyWatch.Web.Security;

/// <summary>401, 403 and 429 as problem details, like every other error of the API.</summary>
internal static class SecurityProblems
{
    public static async Task WriteAsync(HttpContext http, int status, string detail)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
        if (!written)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(detail);
        }
    }
}
