using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TreatyWatch.Answers;

namespace TreatyWatch.Web.Pages;

/// <summary>A problem shown as a page: an unknown state or treaty (404), a bad date (400).</summary>
public sealed record PageProblem(int Status, string Title, string Message);

/// <summary>Base of the reading pages: the reader's mistakes become a page with the right status code, not an exception.</summary>
public abstract class SitePage : PageModel
{
    public PageProblem? Problem { get; private set; }

    protected IActionResult Fail(int status, string title, string message)
    {
        Problem = new PageProblem(status, title, message);
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Runs the page's work; "unknown …" is a 404 page, any other input error a 400 page.</summary>
    protected IActionResult Answer(Func<IActionResult> work)
    {
        try
        {
            return work();
        }
        catch (UserInputException e) when (e.Message.StartsWith("unknown ", StringComparison.Ordinal))
        {
            return Fail(StatusCodes.Status404NotFound, "Not found", e.Message);
        }
        catch (UserInputException e)
        {
            return Fail(StatusCodes.Status400BadRequest, "That did not work", e.Message);
        }
    }
}
