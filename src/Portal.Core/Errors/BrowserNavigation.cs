using Microsoft.AspNetCore.Http;

namespace Portal.Core.Errors;

/// <summary>
/// Whether a request is a person's browser opening a page (following a link, submitting a form)
/// rather than a program or a script. An endpoint's error is problem details for programs and the
/// portal's error page for people: a dead download link shows "Page not found", not JSON.
/// </summary>
public static class BrowserNavigation
{
    public static bool IsNavigation(HttpRequest request)
    {
        // Every current browser says so (Fetch Metadata); an older one is known by what it accepts first.
        var mode = request.Headers["Sec-Fetch-Mode"].ToString();
        return mode.Length > 0
            ? string.Equals(mode, "navigate", StringComparison.OrdinalIgnoreCase)
            : request.Headers.Accept.ToString().StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
