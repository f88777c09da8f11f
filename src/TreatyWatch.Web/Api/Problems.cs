using Microsoft.AspNetCore.Diagnostics;
using TreatyWatch.Answers;

namespace TreatyWatch.Web.Api;

/// <summary>
/// Errors as problem details (RFC 9457): bad input names the parameter and the problem (400; an unknown state or
/// treaty is 404), a ledger that cannot be used is 503, anything else 500 without internals.
/// </summary>
public static class Problems
{
    public static void UseProblemAnswers(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e switch
            {
                UserInputException u when u.Message.StartsWith("unknown ", StringComparison.Ordinal) => StatusCodes.Status404NotFound,
                UserInputException or BadHttpRequestException => StatusCodes.Status400BadRequest,
                LedgerUnavailableException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
            // Bad input is the caller's mistake, answered as a problem: not an error to log with a stack trace.
            SuppressDiagnosticsCallback = c => c.Exception is UserInputException or BadHttpRequestException,
        });
        app.UseStatusCodePages();
    }

    /// <summary>Fills in problem details for the exceptions we raise on purpose: their message is meant for the user.</summary>
    public static void AddProblemAnswers(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var error = c.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (error is UserInputException or LedgerUnavailableException or BadHttpRequestException) c.ProblemDetails.Detail = error.Message;
            c.ProblemDetails.Instance = c.HttpContext.Request.Path;
        });
}
