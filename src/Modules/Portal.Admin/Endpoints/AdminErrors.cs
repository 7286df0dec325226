using Portal.Core.Errors;

namespace Portal.Admin.Endpoints;

/// <summary>The practice admin's endpoint errors; codes are listed in docs/api.md.</summary>
internal static class AdminErrors
{
    public static readonly PortalError OutboxMessageNotFound = new("outbox-message-not-found", ErrorKind.NotFound, "There is no such message in the outbox.");

    public static readonly PortalError TemplateNotFound = new("mail-template-not-found", ErrorKind.NotFound, "There is no e-mail template by that name.");
}
