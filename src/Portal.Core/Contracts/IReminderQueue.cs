using Portal.Core.Events;

namespace Portal.Core.Contracts;

/// <summary>
/// Notices to portal users (invitations, "new documents", ...) go through the practice's reminders
/// queue (Notifications module). When the practice reviews reminders before sending, they wait
/// there ("N portal reminders ready to be sent"); otherwise they are sent at once. The e-mail is
/// composed when the reminder is sent (so a link in it is issued at that moment), by the
/// <see cref="IReminderKind"/> registered for its kind.
/// </summary>
public interface IReminderQueue
{
    Task<ReminderOutcome> QueueAsync(ReminderRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues the reminder and publishes <paramref name="domainEvent"/> with it, in the same
    /// transaction: for a notice that is itself the change (an invitation), so the event is never
    /// committed without the reminder, nor the reminder without the event.
    /// </summary>
    Task<ReminderOutcome> QueueAsync<TEvent>(ReminderRequest request, TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent;

    /// <summary>
    /// The batch form of <see cref="QueueAsync{TEvent}(ReminderRequest, TEvent, CancellationToken)"/>:
    /// every reminder with its event in one save (waiting duplicates found in one read), each outcome in
    /// order. For a batch that invites many people at once.
    /// </summary>
    Task<IReadOnlyList<ReminderOutcome>> QueueManyAsync<TEvent>(IReadOnlyList<(ReminderRequest Request, TEvent Event)> reminders, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent;
}

/// <param name="Kind">The <see cref="IReminderKind.Kind"/> that composes it.</param>
/// <param name="Summary">One line for the queue's list, e.g. "Invitation to Jordan Lee".</param>
/// <param name="Payload">JSON the kind needs to compose the e-mail.</param>
/// <param name="DeduplicationKey">A reminder with the same key still waiting is replaced, not duplicated.</param>
public sealed record ReminderRequest(string Kind, Guid? UserId, string Recipient, string Summary, string Payload, string? DeduplicationKey = null);

public enum ReminderOutcome
{
    Queued,
    Sent,
}

/// <summary>Composes the e-mail of one kind of reminder (implemented by the module that owns the notice).</summary>
public interface IReminderKind
{
    string Kind { get; }

    string DisplayName { get; }

    /// <summary>
    /// Composes the e-mail from what is true now, not from when the reminder was queued. With
    /// <paramref name="preview"/> nothing may be issued or changed (a preview shows a sample link
    /// instead of creating a real one). Null: the notice has nothing left to say (every file it
    /// announced was moved to the trash, say), so the reminder is withdrawn instead of sent.
    /// </summary>
    Task<Mail.MailDraft?> ComposeAsync(ReminderRequest reminder, bool preview, CancellationToken cancellationToken);
}

/// <summary>Something a staff member should know before signing out (e.g. unsent reminders).</summary>
public interface ISignOutNotice
{
    Task<SignOutNoticeItem?> GetAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <param name="ActionPath">Practice-relative path of the page that deals with it, e.g. "/admin/reminders".</param>
public sealed record SignOutNoticeItem(string Message, string ActionText, string ActionPath);
