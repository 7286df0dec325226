using Portal.Core.Errors;

namespace Portal.Messages.Services;

/// <summary>The thread and message written, or the error that kept anything from being written.</summary>
public sealed record PostResult(Guid ThreadId, Guid MessageId, PortalError? Error)
{
    public bool Succeeded => Error is null;

    public static PostResult Refused(PortalError error) => new(Guid.Empty, Guid.Empty, error);
}
