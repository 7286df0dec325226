using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Documents.Data;

namespace Portal.Documents.Services;

/// <summary>What a "new documents" reminder says: whose, to whom, which files (names as queued, ids to read them again).</summary>
public sealed record DocumentsSentPayload(Guid ClientId, string ClientName, string RecipientName, List<string> Files, List<Guid>? DocumentIds = null);

/// <summary>
/// "N new documents" reminders to portal users, composed when they are sent: staff may review them
/// days later, so the files are read again then. A file moved to the trash, or no longer shared with
/// a contributor, is left out; when nothing is left, or the practice has switched these e-mails off
/// since, the reminder is withdrawn.
/// </summary>
public sealed class DocumentsSentReminderKind(
    DocumentsDbContext db,
    DocumentShares shares,
    IClientDirectory clients,
    MailComposer composer,
    SiteSettingsStore settings,
    TenantContext tenantContext,
    TenantUrls urls) : IReminderKind
{
    public string Kind => DocumentNotifications.ReminderKind;

    public string DisplayName => "New documents";

    public async Task<MailDraft?> ComposeAsync(ReminderRequest reminder, bool preview, CancellationToken cancellationToken)
    {
        // Queued before the practice switched these e-mails off: withdrawn, not sent.
        if (!(await settings.GetAsync<ClientSiteSwitches>(cancellationToken)).EmailClientsOnSentFiles)
        {
            return null;
        }

        var payload = JsonSerializer.Deserialize<DocumentsSentPayload>(reminder.Payload) ?? throw new InvalidOperationException("Empty documents reminder.");
        var files = payload.Files;
        if (payload.DocumentIds is { } ids)
        {
            var portalUser = (await clients.PortalUsersAsync(payload.ClientId, cancellationToken)).FirstOrDefault(p => p.UserId == reminder.UserId);
            if (portalUser is null)
            {
                return null;
            }

            var rights = await shares.ForPortalUserAsync(payload.ClientId, portalUser, cancellationToken);
            var documents = await db.Documents.AsNoTracking()
                .Where(d => ids.Contains(d.Id) && d.ClientId == payload.ClientId && d.DeletedAt == null)
                .ToListAsync(cancellationToken);
            files = documents.Where(rights.CanSee).Select(d => d.Name).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        }

        if (files.Count == 0)
        {
            return null;
        }

        return await composer.ComposeAsync(
            DocumentMailTemplates.Sent,
            [reminder.Recipient],
            new Dictionary<string, object?>
            {
                ["name"] = payload.RecipientName,
                ["clientName"] = payload.ClientName,
                ["count"] = files.Count,
                ["plural"] = files.Count != 1,
                ["files"] = files.ToArray(),
                ["link"] = urls.Link(tenantContext.Tenant, "/documents"),
            },
            cancellationToken);
    }
}
