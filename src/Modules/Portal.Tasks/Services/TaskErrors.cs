using Portal.Core.Errors;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <summary>What can be wrong with a task, a comment or a request item, each at the field a person fixes.</summary>
internal static class TaskErrors
{
    public static readonly PortalError ClientNotFound = new("task-client-not-found", ErrorKind.NotFound, "Choose a client: none has that external ID or exact name.", "Client");
    public static readonly PortalError TitleRequired = new("task-title-required", ErrorKind.Invalid, "Give the task a title.", "Title");
    public static readonly PortalError TitleTooLong = new("task-title-too-long", ErrorKind.Invalid, $"Keep the title to {ClientTask.TitleMaxLength} characters.", "Title");
    public static readonly PortalError DescriptionTooLong = new("task-description-too-long", ErrorKind.Invalid, $"Keep the description to {ClientTask.DescriptionMaxLength:N0} characters.", "Description");
    public static readonly PortalError DueInPast = new("task-due-in-past", ErrorKind.Invalid, "The due date is in the past: choose today or a later day.", "DueOn");
    public static readonly PortalError NoAssignee = new("task-no-assignee", ErrorKind.Invalid, "Assign the task to everyone in the portal or to at least one of its users.", "Assignees");
    public static readonly PortalError NoPortalUsers = new("task-no-portal-users", ErrorKind.Invalid, "This client has no portal users yet: add one to its portal before giving it a task.", "Assignees");
    public static readonly PortalError UnknownAssignee = new("task-unknown-assignee", ErrorKind.Invalid, "One of the assignees is not a user of this client's portal (removed, or never added). Choose among the portal's users.", "Assignees");
    public static readonly PortalError UnknownAttachment = new("task-unknown-attachment", ErrorKind.Invalid, "One of the attached documents is not among this client's documents (deleted or moved to the trash). Choose again.", "Attachments");
    public static readonly PortalError UnknownFolder = new("task-unknown-folder", ErrorKind.Invalid, "That folder is not one of this client's folders (deleted?). Choose where the uploads go again.", "FolderId");
    public static readonly PortalError FolderClosedToClient = new("task-folder-closed-to-client", ErrorKind.Invalid, "The client cannot upload into that folder: choose one they may upload to, or let them upload there on the Documents page first.", "FolderId");
    public static readonly PortalError FolderRequired = new("task-folder-required", ErrorKind.Invalid, "Choose the folder the client's files go into: a request with items needs one.", "FolderId");
    public static readonly PortalError TooManyItems = new("task-too-many-items", ErrorKind.Invalid, $"A request can ask for at most {RequestItem.MaxPerRequest} items.", "Items");
    public static readonly PortalError ItemTooLong = new("task-item-too-long", ErrorKind.Invalid, $"Keep each requested item to {RequestItem.NameMaxLength} characters.", "Items");
    public static readonly PortalError DuplicateItem = new("task-duplicate-item", ErrorKind.Invalid, "Two requested items have the same name: make each one different.", "Items");
    public static readonly PortalError CommentRequired = new("task-comment-required", ErrorKind.Invalid, "Write a comment before sending it.", "Comment");
    public static readonly PortalError CommentTooLong = new("task-comment-too-long", ErrorKind.Invalid, $"Keep a comment to {TaskComment.TextMaxLength:N0} characters; attach longer text as a document.", "Comment");
    public static readonly PortalError NoteRequired = new("task-note-required", ErrorKind.Invalid, "Say why you don't have this document, so your accountant can decide.", "Note");
    public static readonly PortalError NoteTooLong = new("task-note-too-long", ErrorKind.Invalid, $"Keep the note to {RequestItem.NoteMaxLength:N0} characters.", "Note");
    public static readonly PortalError ItemNotFound = new("task-item-not-found", ErrorKind.NotFound, "That requested item is not part of this request.");
    public static readonly PortalError ItemNotWaiting = new("task-item-not-waiting", ErrorKind.Conflict, "That item is already answered.");
    public static readonly PortalError ItemNotNoted = new("task-item-not-noted", ErrorKind.Conflict, "That item has no \"I don't have this\" note to accept.");
    public static readonly PortalError TaskNotOpen = new("task-not-open", ErrorKind.Conflict, "This task is no longer open.");
    public static readonly PortalError TaskAlreadyOpen = new("task-already-open", ErrorKind.Conflict, "This task is already open.");
    public static readonly PortalError ItemsOutstanding = new("task-items-outstanding", ErrorKind.Conflict, "Send or answer every requested item first: the request completes itself when the last one is done.");
}
