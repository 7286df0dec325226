using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Core.Mail;
using Portal.Core.Tenancy;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>E-mails a user a one-time link to choose their password.</summary>
public sealed class InvitationSender(
    AccountTokenService tokens,
    MailComposer composer,
    IMailOutbox outbox,
    TenantContext tenantContext,
    TenantUrls urls,
    IOptions<PortalIdentityOptions> options,
    TimeProvider clock)
{
    public async Task<Guid> SendSetPasswordLinkAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        var lifetime = options.Value.InvitationLifetime;
        var token = await tokens.IssueAsync(user.Id, AccountTokenPurpose.SetPassword, lifetime, cancellationToken: cancellationToken);
        var link = urls.Link(tenantContext.Tenant, "/account/set-password?token=" + Uri.EscapeDataString(token));
        var expires = (clock.GetUtcNow() + lifetime).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var draft = await composer.ComposeAsync(
            MailTemplates.SetPassword,
            [user.Email!],
            new Dictionary<string, object?> { ["name"] = user.DisplayName, ["link"] = link, ["expires"] = expires },
            cancellationToken);
        return await outbox.QueueAsync(draft, cancellationToken);
    }
}
