using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Tenancy;
using Portal.Messages.Data;

namespace Portal.Messages.Services;

/// <summary>What a "message waiting" notice needs: the thread (for the link), whom it greets, which side they are on.</summary>
public sealed record MessageWaitingPayload(Guid ThreadId, string RecipientName, bool ForStaff);

/// <summary>
/// "A message is waiting for you": composed when sent, with a link to the thread on the recipient's
/// side of the site. It never holds the message's text, its subject or its files; a thread deleted
/// meanwhile withdraws the notice.
/// </summary>
public sealed class MessageWaitingReminderKind(MessagesDbContext db, MailComposer composer, TenantContext tenantContext, TenantUrls urls) : IReminderKind
{
    public const string KindName = "messages.waiting";

    public string Kind => KindName;

    public string DisplayName => "Message waiting";

    public async Task<MailDraft?> ComposeAsync(ReminderRequest reminder, bool preview, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<MessageWaitingPayload>(reminder.Payload) ?? throw new InvalidOperationException("Empty message notice.");
        if (!await db.Threads.AnyAsync(t => t.Id == payload.ThreadId, cancellationToken))
        {
            return null;
        }

        var path = payload.ForStaff ? $"{AdminMenu.InboxPath}/{payload.ThreadId}" : $"{ClientNav.MessagesPath}/{payload.ThreadId}";
        return await composer.ComposeAsync(
            MessageMailTemplates.WaitingName,
            [reminder.Recipient],
            new Dictionary<string, object?>
            {
                ["name"] = payload.RecipientName,
                ["link"] = urls.Link(tenantContext.Tenant, path),
            },
            cancellationToken);
    }
}
