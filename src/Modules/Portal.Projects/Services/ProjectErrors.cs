using Portal.Core.Errors;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

/// <summary>Why a project, its status or the status list could not be changed, at the field it is about.</summary>
public static class ProjectErrors
{
    public const string NameField = "Name";
    public const string StatusField = "StatusId";
    public const string ExpectedOnField = "ExpectedOn";
    public const string ExternalIdField = "ExternalId";
    public const string NoteField = "Note";
    public const string ClientField = "ClientId";

    public static readonly PortalError NameRequired = new("project-name-required", ErrorKind.Invalid, "Type a name for the project, e.g. \"2026 Personal tax return\".", NameField);

    public static readonly PortalError NameTooLong = new("project-name-too-long", ErrorKind.Invalid, $"Keep the name under {Project.NameMaxLength} characters.", NameField);

    public static readonly PortalError StatusRequired = new("project-status-required", ErrorKind.Invalid, "Choose a status.", StatusField);

    public static readonly PortalError StatusUnknown = new("project-status-unknown", ErrorKind.Invalid, "That status is not on the practice's list.", StatusField);

    public static PortalError StatusRetired(string name) => new("project-status-retired", ErrorKind.Invalid, $"\"{name}\" was retired and can no longer be set: choose another status.", StatusField);

    public static readonly PortalError ExpectedOnTooFar = new("project-expected-too-far", ErrorKind.Invalid, "Choose an expected date within the next ten years.", ExpectedOnField);

    public static readonly PortalError ExternalIdTooLong = new("project-external-id-too-long", ErrorKind.Invalid, $"Keep the external ID under {Project.ExternalIdMaxLength} characters.", ExternalIdField);

    public static PortalError ExternalIdTaken(string externalId) => new("project-external-id-taken", ErrorKind.Conflict, $"Another project already has the external ID \"{externalId}\".", ExternalIdField);

    public static readonly PortalError NoteTooLong = new("project-note-too-long", ErrorKind.Invalid, $"Keep the note under {ProjectStatusChange.NoteMaxLength} characters.", NoteField);

    public static readonly PortalError NoteRequiredForMessage = new("project-note-required", ErrorKind.Invalid, "Write the note to post as a message, or untick \"Post the note as a message\".", NoteField);

    public static readonly PortalError MessagesOff = new("project-messages-off", ErrorKind.Conflict, "Messages are not switched on for the practice, so the note cannot be posted as a message.", NoteField);

    public static readonly PortalError ProjectNotFound = new("project-not-found", ErrorKind.NotFound, "The project does not exist, or you may not change it.");

    public static readonly PortalError ClientNotFound = new("project-client-not-found", ErrorKind.NotFound, "The client does not exist, or you may not add projects for it.", ClientField);

    public static readonly PortalError StatusNameRequired = new("project-status-name-required", ErrorKind.Invalid, "Type a name for the status.", NameField);

    public static readonly PortalError StatusNameTooLong = new("project-status-name-too-long", ErrorKind.Invalid, $"Keep the status name under {ProjectStatus.NameMaxLength} characters.", NameField);

    public static PortalError StatusNameTaken(string name) => new("project-status-name-taken", ErrorKind.Conflict, $"There is already a status called \"{name}\" (retired statuses count too: restore it instead).", NameField);

    public static readonly PortalError StatusNotFound = new("project-status-not-found", ErrorKind.NotFound, "That status no longer exists.");

    public static readonly PortalError LastActiveStatus = new("project-status-last", ErrorKind.Conflict, "Keep at least one status that can be set: add another before retiring this one.");

    public static readonly PortalError EmailOff = new("project-email-off", ErrorKind.Conflict, "Portal reminders are not available, so the client cannot be e-mailed.", "EmailClient");

    public static readonly PortalError ProjectRequired = new("project-required", ErrorKind.Invalid, "Say which project: its id or its external ID.");
}
