using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Errors;

namespace Portal.Web.Pages.Errors;

/// <summary>
/// Every error ends here (exceptions and 4xx/5xx status codes): a plain page for people, problem
/// details JSON for API callers, never a stack trace.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public string? RequestId { get; private set; }

    // The code comes from the route only: re-executing a POST whose antiforgery check failed must not
    // read its form, which ASP.NET refuses (and would turn the error page itself into an error).
    public IActionResult OnGet() => Render(RouteCode());

    public IActionResult OnPost() => Render(RouteCode());

    // Any other method (OPTIONS, PUT, PATCH, DELETE) has no handler of its own; without this the page
    // would answer an empty 200 and hide the error status from the caller.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = Render(RouteCode());
        }
    }

    private int? RouteCode() => int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : null;

    private IActionResult Render(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var statusFeature = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = exception?.Error is BadHttpRequestException bad
            ? bad.StatusCode // a request the server refused to read (too large, malformed): the client's problem, not a 500
            : exception is not null ? StatusCodes.Status500InternalServerError : code ?? Response.StatusCode;
        if (Code < 400)
        {
            Code = StatusCodes.Status404NotFound;
        }

        (Title, Message) = Code switch
        {
            400 => ("The request could not be understood", "Something in the request was not right. Go back and try again."),
            401 => ("Please sign in", "You need to sign in to see this page."),
            403 => ("You do not have access to this page", "Your account does not include this part of the portal."),
            404 => ("Page not found", "The page you asked for does not exist, or it is not available for this portal."),
            405 => ("Not allowed", "This page cannot be used that way."),
            409 => ("Something changed in the meantime", "Someone else changed this at the same time. Reload the page and try again."),
            413 => ("Too large", "What you sent is larger than the portal accepts."),
            429 => ("Too many requests", "Please wait a moment before trying again."),
            _ when Code >= 500 => ("Something went wrong on our side", "The problem has been recorded. Please try again in a few minutes."),
            _ => ("Something went wrong", "Please go back and try again."),
        };
        RequestId = Code >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
        Response.StatusCode = Code;

        // An API endpoint's errors are problem details even when the framework answered for it (a
        // malformed value it could not bind, a crash), unless a person's browser opened it.
        var originalPath = exception?.Path ?? statusFeature?.OriginalPath ?? "";
        var originalEndpoint = exception?.Endpoint ?? statusFeature?.Endpoint;
        if ((originalEndpoint?.Metadata.GetMetadata<ApiEndpointMetadata>() is not null && !BrowserNavigation.IsNavigation(Request))
            || originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
            || Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var problem = PortalErrorProblems.ForStatus(Code, Title, Message);
            problem.Extensions["requestId"] = RequestId;
            return new ObjectResult(problem)
            {
                StatusCode = Code,
                ContentTypes = { "application/problem+json" },
            };
        }

        return Page();
    }
}
