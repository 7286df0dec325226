using Microsoft.AspNetCore.Http;
using Portal.Core.LoginWidget;

namespace Portal.Identity.Services;

/// <summary>
/// The names the login widget's sign-in and the sign-in page share: the form's fields and the query
/// parameters that carry a failed attempt's e-mail address and problem to the sign-in page.
/// </summary>
public static class WidgetSignIn
{
    public const string EmailField = "email";
    public const string PasswordField = "password";

    public const string EmailParameter = "email";
    public const string ProblemParameter = "problem";

    public const string FailedProblem = "failed";
    public const string ThrottledProblem = "throttled";
    public const string MissingProblem = "missing";

    /// <summary>
    /// The origin the browser says the form came from: the <c>Origin</c> header, or the origin of the
    /// <c>Referer</c> when a browser sent no Origin. <c>Origin: null</c> (a sandboxed or privacy-hidden
    /// page) is no origin, so it is refused rather than matched to anything.
    /// </summary>
    public static string? RequestOrigin(HttpRequest request)
    {
        if (request.Headers.Origin.Count > 0)
        {
            return WebsiteOrigin.OfRequestHeader(request.Headers.Origin.ToString());
        }

        return WebsiteOrigin.OfRequestHeader(request.Headers.Referer.ToString());
    }
}
