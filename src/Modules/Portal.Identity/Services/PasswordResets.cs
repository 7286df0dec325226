using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Links;
using Portal.Core.Mail;
using Portal.Core.Tenancy;
using Portal.Core.Time;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// "Forgot password": e-mails a one-time link when the address belongs to an enabled user, and does
/// exactly the same visible thing when it does not, so the page does not reveal who has an account.
/// </summary>
public sealed class PasswordResets(
    UserManager<PortalUser> users,
    IOneTimeLinks links,
    MailComposer composer,
    IMailOutbox outbox,
    IAuditLog audit,
    TenantContext tenantContext,
    TenantUrls urls,
    IOptions<PortalIdentityOptions> options,
    IPracticeClock clock)
{
    public async Task RequestAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        await audit.RecordAsync(new AuditEntry(AuditActions.PasswordResetRequested, AuditTargetTypes.User, user?.Id.ToString()) { ActorName = email.Trim(), ActorId = user?.Id }, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return;
        }

        var lifetime = options.Value.PasswordResetLifetime;
        var token = await links.IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.ResetPassword, user.Id, lifetime), cancellationToken);
        var draft = await composer.ComposeAsync(
            MailTemplates.PasswordReset,
            [user.Email!],
            new Dictionary<string, object?>
            {
                ["name"] = user.DisplayName,
                ["link"] = urls.Link(tenantContext.Tenant, "/account/reset-password?token=" + Uri.EscapeDataString(token)),
                ["expires"] = (await clock.ZoneAsync(cancellationToken)).Sentence(clock.UtcNow + lifetime),
            },
            cancellationToken);
        await outbox.QueueAsync(draft.WithSecret(token), cancellationToken);
    }
}
