using Microsoft.Extensions.Options;
using Portal.Core.Links;
using Portal.Core.Mail;
using Portal.Core.Tenancy;
using Portal.Core.Time;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>Composes and sends the e-mail with a one-time link to choose a password.</summary>
public sealed class InvitationSender(
    IOneTimeLinks links,
    MailComposer composer,
    IMailOutbox outbox,
    TenantContext tenantContext,
    TenantUrls urls,
    IOptions<PortalIdentityOptions> options,
    IPracticeClock clock)
{
    public async Task<Guid> SendSetPasswordLinkAsync(PortalUser user, CancellationToken cancellationToken = default)
        => await outbox.QueueAsync(await ComposeAsync(user, preview: false, cancellationToken), cancellationToken);

    /// <summary>
    /// The invitation e-mail. A reminder (the user was invited before) uses the reminder wording.
    /// In <paramref name="preview"/> mode no link is issued and earlier links keep working.
    /// </summary>
    public async Task<MailDraft> ComposeAsync(PortalUser user, bool preview, CancellationToken cancellationToken = default)
    {
        var lifetime = options.Value.InvitationLifetime;
        var invitedBefore = await links.HasBeenIssuedAsync(AccountLinkPurposes.SetPassword, user.Id, cancellationToken);
        var token = preview
            ? "preview-only-this-link-does-not-work"
            : await links.IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.SetPassword, user.Id, lifetime), cancellationToken);
        var link = urls.Link(tenantContext.Tenant, "/account/set-password?token=" + Uri.EscapeDataString(token));
        var expires = (await clock.ZoneAsync(cancellationToken)).Sentence(clock.UtcNow + lifetime);
        var draft = await composer.ComposeAsync(
            invitedBefore ? MailTemplates.InvitationReminder : MailTemplates.SetPassword,
            [user.Email!],
            new Dictionary<string, object?> { ["name"] = user.DisplayName, ["link"] = link, ["expires"] = expires },
            cancellationToken);
        return preview ? draft : draft.WithSecret(token);
    }
}
