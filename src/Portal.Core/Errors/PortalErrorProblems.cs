using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Core.Errors;

/// <summary>
/// The one mapping from a feature's <see cref="PortalError"/> to an endpoint's answer: an RFC 9457
/// problem (<c>application/problem+json</c>) whose <c>type</c> is the error's stable URI, with the
/// code and the field as extensions so a program need not parse the URI.
/// </summary>
public static class PortalErrorProblems
{
    /// <summary>tus answers a chunk that arrived damaged with 460 (tus 1.0 checksum extension).</summary>
    public const int ChecksumMismatchStatus = 460;

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.ChecksumMismatch => ChecksumMismatchStatus,
        ErrorKind.Damaged => StatusCodes.Status500InternalServerError,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A short summary that is the same for every occurrence of a type (RFC 9457's <c>title</c>).</summary>
    public static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "The request is not valid",
        ErrorKind.NotFound => "Not found",
        ErrorKind.Forbidden => "Not allowed",
        ErrorKind.Conflict => "Not possible right now",
        ErrorKind.Gone => "Expired",
        ErrorKind.PreconditionFailed => "Protocol version required",
        ErrorKind.TooLarge => "Too large",
        ErrorKind.UnsupportedType => "Type not accepted",
        ErrorKind.ChecksumMismatch => "Damaged on the way",
        ErrorKind.Damaged => "Stored data is damaged",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ProblemDetails ToProblemDetails(this PortalError error)
    {
        var problem = new ProblemDetails
        {
            Type = ProblemTypes.For(error.Code),
            Title = TitleOf(error.Kind),
            Status = StatusOf(error.Kind),
            Detail = error.Message,
            Extensions = { ["code"] = error.Code },
        };
        if (error.Field is not null)
        {
            problem.Extensions["field"] = error.Field;
        }

        return problem;
    }

    public static ProblemHttpResult ToProblem(this PortalError error) => TypedResults.Problem(error.ToProblemDetails());

    /// <summary>A problem the framework would answer by status alone (no feature error), with its stable type.</summary>
    public static ProblemDetails ForStatus(int status, string? title = null, string? detail = null)
    {
        var code = ProblemTypes.CodeForStatus(status);
        return new ProblemDetails
        {
            Type = ProblemTypes.For(code),
            Title = title,
            Status = status,
            Detail = detail,
            Extensions = { ["code"] = code },
        };
    }
}
