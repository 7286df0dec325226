namespace Portal.Core.Errors;

/// <summary>
/// A failure a feature reports to its caller: a stable code (the last segment of the problem type
/// URI, listed in docs/api.md), what kind of failure it is, a sentence for a person, and the field
/// (a form input or a request header) it is about, when it is about one. Each feature declares its
/// errors in one place (<c>UploadErrors</c>, <c>DownloadErrors</c>, ...); endpoints turn them into
/// problem details and pages into field errors, each in one mapping.
/// </summary>
public sealed record PortalError
{
    public PortalError(string code, ErrorKind kind, string message, string? field = null)
    {
        if (!ProblemTypes.IsValidCode(code))
        {
            throw new ArgumentException($"'{code}' is not a problem code: use lower-case words joined by '-'.", nameof(code));
        }

        Code = code;
        Kind = kind;
        Message = message;
        Field = field;
    }

    public string Code { get; }

    public ErrorKind Kind { get; }

    public string Message { get; }

    public string? Field { get; }
}
