using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Documents.Data;
using Portal.Documents.Models;

namespace Portal.Documents.Services;

/// <summary>
/// Tells the practice that a file was quarantined: an audit entry naming the signature, and an
/// e-mail to the practice's contact address (when it has one). Staff also see it in the client's
/// document list.
/// </summary>
public sealed class QuarantineNotice(
    DocumentsDbContext db,
    IAuditLog audit,
    IClientDirectory clients,
    MailComposer composer,
    IMailOutbox outbox,
    SiteSettingsStore settings,
    TenantContext tenantContext,
    TenantUrls urls)
{
    /// <summary>Who the audit trail names as the actor: the scan runs in a job, not a request.</summary>
    public const string Actor = "Malware scanner";

    public async Task TellAsync(DocumentVersion version, string signature, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == version.DocumentId, cancellationToken);
        await audit.RecordAsync(
            new AuditEntry(ScanAuditActions.MalwareFound, AuditTargetTypes.Document, document.Id.ToString(), $"{document.Name} v{version.Number} from {version.UploadedByName}: {signature}") { ActorName = Actor },
            cancellationToken);
        if ((await settings.GetAsync<SiteSettings>(cancellationToken)).ContactEmail is not { } practiceAddress)
        {
            return;
        }

        var client = await clients.FindAsync(document.ClientId, cancellationToken);
        var draft = await composer.ComposeAsync(
            QuarantineMailTemplate.Name,
            [practiceAddress],
            new Dictionary<string, object?>
            {
                ["fileName"] = document.Name,
                ["clientName"] = client?.Name ?? "a client",
                ["uploadedBy"] = version.UploadedByName,
                ["signature"] = signature,
                ["fromClient"] = version.Direction == TransferDirection.FromClient,
                ["link"] = urls.Link(tenantContext.Tenant, $"/admin/documents/{document.Id}"),
            },
            cancellationToken);
        await outbox.QueueAsync(draft, cancellationToken);
    }
}
