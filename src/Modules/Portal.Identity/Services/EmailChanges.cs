using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Contracts;
using Portal.Core.Links;
using Portal.Core.Mail;
using Portal.Core.Tenancy;
using Portal.Core.Time;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// Moves a user to a new e-mail address while keeping the account, its history and its access. The
/// new address works for signing in only once its owner confirms it; the old address is told when
/// the change takes effect.
/// </summary>
public sealed class EmailChanges(
    UserManager<PortalUser> users,
    IOneTimeLinks links,
    MailComposer composer,
    IMailOutbox outbox,
    IAuditLog audit,
    TenantContext tenantContext,
    TenantUrls urls,
    IPracticeClock clock)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    public async Task<EmailChangeResult> RequestAsync(PortalUser user, string newEmail, CancellationToken cancellationToken = default)
    {
        newEmail = newEmail.Trim();
        if (!MailAddress.TryCreate(newEmail, out var parsed) || parsed.Address != newEmail)
        {
            return new EmailChangeResult(false, "Enter a valid e-mail address, such as name@example.com.");
        }

        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new EmailChangeResult(false, "That is already the user's address.");
        }

        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            return new EmailChangeResult(false, "Another user of this practice already has that address.");
        }

        var token = await links.IssueAsync(new OneTimeLinkRequest(AccountLinkPurposes.ConfirmEmailChange, user.Id, ConfirmationLifetime, newEmail), cancellationToken);
        var draft = await composer.ComposeAsync(
            MailTemplates.ConfirmEmailChange,
            [newEmail],
            new Dictionary<string, object?>
            {
                ["name"] = user.DisplayName,
                ["link"] = urls.Link(tenantContext.Tenant, "/account/confirm-email?token=" + Uri.EscapeDataString(token)),
                ["expires"] = (await clock.ZoneAsync(cancellationToken)).Sentence(clock.UtcNow + ConfirmationLifetime),
            },
            cancellationToken);
        await outbox.QueueAsync(draft.WithSecret(token), cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.EmailChangeRequested, AuditTargetTypes.User, user.Id.ToString(), $"{user.Email} -> {newEmail}"), cancellationToken);
        return new EmailChangeResult(true);
    }

    /// <summary>Applies a confirmed change; returns the problem when it cannot.</summary>
    public async Task<string?> ConfirmAsync(OneTimeLink link, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(link.SubjectId.ToString());
        var newEmail = link.Data;
        if (user is null || newEmail is null)
        {
            return "This account no longer exists.";
        }

        if (await users.FindByEmailAsync(newEmail) is { } other && other.Id != user.Id)
        {
            return "Another user of this practice has taken that address in the meantime. Ask the practice for help.";
        }

        if (!await links.RedeemAsync(link.Id, cancellationToken))
        {
            return "This link has already been used.";
        }

        var oldEmail = user.Email!;
        user.Email = newEmail;
        user.UserName = newEmail;
        user.EmailConfirmed = true;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return string.Join(" ", result.Errors.Select(e => e.Description));
        }

        await users.UpdateSecurityStampAsync(user);
        var notice = await composer.ComposeAsync(
            MailTemplates.EmailChanged,
            [oldEmail],
            new Dictionary<string, object?> { ["name"] = user.DisplayName, ["newEmail"] = newEmail },
            cancellationToken);
        await outbox.QueueAsync(notice, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.EmailChanged, AuditTargetTypes.User, user.Id.ToString(), $"{oldEmail} -> {newEmail}") { ActorId = user.Id, ActorName = newEmail }, cancellationToken);
        return null;
    }
}
