namespace Portal.Projects.Services;

/// <summary>
/// A status to post on a project, as the staff form and the desktop sync API both say it: the project by
/// its id or by the external id the practice's software gave it, the status by id or by name (as the
/// list spells it, any case), an optional note, and what to do with it.
/// </summary>
/// <param name="Note">Staff's words about the change; kept in the history, shown to the client only when posted as a message.</param>
/// <param name="PostNoteAsMessage">Post the note in the project's thread (needs a note and the Messages feature).</param>
/// <param name="EmailClient">Tell the client's full-access users by e-mail (status and link only, never the note).</param>
public sealed record ProjectStatusPost(
    Guid? ProjectId,
    string? ProjectExternalId,
    Guid? StatusId,
    string? StatusName,
    string? Note = null,
    bool PostNoteAsMessage = false,
    bool EmailClient = false);

/// <summary>What posting did: the history line written (with whether the note was posted and the client e-mailed), or why nothing was written.</summary>
public sealed record ProjectStatusPostResult(Models.ProjectStatusChange? Change, Core.Errors.PortalError? Error, int Emailed = 0)
{
    public bool Succeeded => Error is null;
}
