using Portal.Core.Errors;
using Portal.Messages.Models;

namespace Portal.Messages.Services;

/// <summary>Every error the messages module reports, in one place.</summary>
public static class MessageErrors
{
    public static readonly PortalError EmptyText = new("message-empty", ErrorKind.Invalid, "Write a message before sending it.", MessageFields.Text);

    public static readonly PortalError TextTooLong = new(
        "message-too-long", ErrorKind.TooLarge, $"A message can be at most {Message.TextMaxLength:N0} characters: shorten it, or attach the text as a file.", MessageFields.Text);

    public static readonly PortalError EmptySubject = new("message-subject-empty", ErrorKind.Invalid, "Give the conversation a subject.", MessageFields.Subject);

    public static readonly PortalError SubjectTooLong = new(
        "message-subject-too-long", ErrorKind.Invalid, $"A subject can be at most {MessageThread.SubjectMaxLength} characters.", MessageFields.Subject);

    public static readonly PortalError UnknownReason = new("contact-reason-unknown", ErrorKind.Invalid, "Choose one of the reasons in the list.", MessageFields.Reason);

    public static readonly PortalError UnknownClient = new("message-client-unknown", ErrorKind.Invalid, "Choose one of your portal's clients.", MessageFields.Client);

    public static readonly PortalError TooManyFiles = new(
        "message-too-many-files", ErrorKind.Invalid, $"Attach at most {MessagePosting.MaxFiles} files to one message. Nothing was sent.", MessageFields.Files);

    /// <summary>The practice switched client messages off (its client site switches).</summary>
    public static readonly PortalError ClientMessagesOff = new(
        "client-messages-off", ErrorKind.Forbidden, "Your accountant does not take messages through the portal at the moment. Nothing was sent.");

    public static readonly PortalError ThreadNotFound = new("message-thread-not-found", ErrorKind.NotFound, "There is no such conversation.");

    public static readonly PortalError EmptyReasonName = new("contact-reason-name-empty", ErrorKind.Invalid, "Give the reason a name.", MessageFields.Name);

    public static readonly PortalError ReasonNameTooLong = new(
        "contact-reason-name-too-long", ErrorKind.Invalid, $"A reason's name can be at most {ContactReason.NameMaxLength} characters.", MessageFields.Name);

    public static readonly PortalError DuplicateReasonName = new("contact-reason-duplicate", ErrorKind.Conflict, "Another reason already has that name.", MessageFields.Name);

    public static readonly PortalError UnknownRoute = new("contact-reason-route-unknown", ErrorKind.Invalid, "Choose a staff member or a role from the list.", MessageFields.Route);

    public static readonly PortalError UnknownAssignee = new("message-assignee-unknown", ErrorKind.Invalid, "Choose a staff member from the list.", "AssignTo");

    /// <summary>A file the attachment rules refused: its name and why, and that nothing was sent.</summary>
    public static PortalError FileRefused(string fileName, string why)
        => new("message-attachment-refused", ErrorKind.Invalid, $"{fileName}: {why} Nothing was sent.", MessageFields.Files);
}
