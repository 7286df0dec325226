using System.Text.RegularExpressions;

namespace Portal.Core.Errors;

/// <summary>
/// The stable <c>type</c> URIs of the portal's problem details (RFC 9457): <c>{BaseUri}{code}</c>.
/// They identify a kind of problem and never change with the host or practice the request came to,
/// so they are absolute; they are names, not links (docs/api.md lists them). Errors the framework
/// answers itself (an unknown id, a malformed form, a crash) get a code from their status.
/// </summary>
public static partial class ProblemTypes
{
    public const string BaseUri = "https://portal.example/problems/";

    public const string BadRequest = "bad-request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string Conflict = "conflict";
    public const string TooLarge = "too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string TooManyRequests = "too-many-requests";
    public const string ServerError = "server-error";
    public const string Unavailable = "unavailable";
    public const string Other = "error";

    public static string For(string code) => BaseUri + code;

    /// <summary>The code of a problem the framework answers by status alone.</summary>
    public static string CodeForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => TooLarge,
        415 => UnsupportedMediaType,
        429 => TooManyRequests,
        503 => Unavailable,
        >= 500 => ServerError,
        _ => Other,
    };

    public static bool IsValidCode(string code) => CodePattern().IsMatch(code);

    /// <summary>The code a type URI names, or null when it is not one of the portal's.</summary>
    public static string? CodeOf(string? type)
        => type is not null && type.StartsWith(BaseUri, StringComparison.Ordinal) && IsValidCode(type[BaseUri.Length..]) ? type[BaseUri.Length..] : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
