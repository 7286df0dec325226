using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Events;
using Portal.Core.Links;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>The Identity module's side of <see cref="IUserDirectory"/>.</summary>
public sealed class UserDirectory(
    UserManager<PortalUser> users,
    UserAccounts accounts,
    InvitationSender invitations,
    IReminderQueue reminders,
    IOneTimeLinks links,
    EmailChanges emailChanges,
    IAuditLog audit) : IUserDirectory
{
    // Identity's UserValidator checks an address with this attribute (one '@', among other things).
    private static readonly EmailAddressAttribute EmailForm = new();

    public async Task<PortalUserInfo?> FindAsync(Guid userId, CancellationToken cancellationToken = default)
        => await users.FindByIdAsync(userId.ToString()) is { } user ? await ToInfoAsync(user, cancellationToken) : null;

    public async Task<PortalUserInfo?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
        => await users.FindByEmailAsync(email.Trim()) is { } user ? await ToInfoAsync(user, cancellationToken) : null;

    public async Task<IReadOnlyDictionary<Guid, PortalUserInfo>> FindManyAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        var found = await users.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        var pending = await links.PendingAsync(AccountLinkPurposes.ConfirmEmailChange, ids, cancellationToken);
        return found.ToDictionary(u => u.Id, u => Info(u, pending.GetValueOrDefault(u.Id)));
    }

    public async Task<IReadOnlyDictionary<string, PortalUserInfo>> FindManyByEmailAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default)
    {
        var normalized = emails.Select(e => users.NormalizeEmail(e.Trim())).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (normalized.Count == 0)
        {
            return new Dictionary<string, PortalUserInfo>(StringComparer.OrdinalIgnoreCase);
        }

        var found = await users.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && normalized.Contains(u.NormalizedEmail)).ToListAsync(cancellationToken);
        var pending = found.Count == 0
            ? new Dictionary<Guid, string?>()
            : await links.PendingAsync(AccountLinkPurposes.ConfirmEmailChange, found.Select(u => u.Id).ToList(), cancellationToken);
        return found.DistinctBy(u => u.NormalizedEmail).ToDictionary(u => u.Email ?? "", u => Info(u, pending.GetValueOrDefault(u.Id)), StringComparer.OrdinalIgnoreCase);
    }

    public async Task<IReadOnlyList<StaffMemberInfo>> ListStaffAsync(CancellationToken cancellationToken = default)
    {
        var staff = await users.Users.AsNoTracking().Where(u => u.Kind == UserKind.Staff).ToListAsync(cancellationToken);
        var administrators = (await users.GetUsersInRoleAsync(PortalRole.Administrator)).Select(u => u.Id).ToHashSet();
        return [.. staff
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(u => new StaffMemberInfo(u.Id, u.Email ?? "", u.DisplayName, u.IsDisabled, administrators.Contains(u.Id)))];
    }

    public async Task<ClientUserResult> EnsureClientUserAsync(string email, string displayName, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            return new ClientUserResult(null, false, $"'{email}' is not an e-mail address.");
        }

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing.Kind == UserKind.Staff
                ? new ClientUserResult(null, false, $"{email} belongs to a staff member of the practice.")
                : new ClientUserResult(await ToInfoAsync(existing, cancellationToken), false, null);
        }

        var (user, errors) = await accounts.CreateAsync(email, string.IsNullOrWhiteSpace(displayName) ? email : displayName, UserKind.Client, [], null);
        if (user is null)
        {
            return new ClientUserResult(null, false, string.Join(" ", errors));
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.UserCreated, AuditTargetTypes.User, user.Id.ToString(), $"client user {email}"), cancellationToken);
        return new ClientUserResult(Info(user, null), true, null);
    }

    public async Task<IReadOnlyList<ClientUserResult>> CreateClientUsersAsync(IReadOnlyList<NewClientUser> people, CancellationToken cancellationToken = default)
    {
        var results = new ClientUserResult[people.Count];
        var wanted = new List<(int Index, string Email, string DisplayName)>();
        for (var i = 0; i < people.Count; i++)
        {
            // As one by one: the address as MailAddress reads it, then as Identity's own validation does.
            var email = people[i].Email.Trim();
            if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !EmailForm.IsValid(email))
            {
                results[i] = new ClientUserResult(null, false, $"'{email}' is not an e-mail address.");
                continue;
            }

            wanted.Add((i, email, string.IsNullOrWhiteSpace(people[i].DisplayName) ? email : people[i].DisplayName));
        }

        var created = await accounts.CreateClientsAsync([.. wanted.Select(w => (w.Email, w.DisplayName))], cancellationToken);
        foreach (var ((index, email, _), user) in wanted.Zip(created))
        {
            if (user is null)
            {
                results[index] = new ClientUserResult(null, false, $"{email} is already a user's address.");
                continue;
            }

            await audit.RecordAsync(new AuditEntry(AuditActions.UserCreated, AuditTargetTypes.User, user.Id.ToString(), $"client user {email}"), cancellationToken);
            results[index] = new ClientUserResult(Info(user, null), true, null);
        }

        return results;
    }

    public async Task<IReadOnlyList<InvitationResult>> InviteClientsAsync(IReadOnlyList<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        var found = await users.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var results = new InvitationResult[userIds.Count];
        var invited = new List<(int Index, PortalUser User)>();
        for (var i = 0; i < userIds.Count; i++)
        {
            var user = found.GetValueOrDefault(userIds[i]);
            InvitationResult? refused = user switch
            {
                null => new InvitationResult(InvitationOutcome.Failed, Error: "The user no longer exists."),
                { IsDisabled: true } => new InvitationResult(InvitationOutcome.Failed, Error: $"{user.Email} is disabled; enable the user first."),
                { LastSignInAt: not null } => new InvitationResult(InvitationOutcome.AlreadyActive),
                { Kind: not UserKind.Client } => new InvitationResult(InvitationOutcome.Failed, Error: $"{user.Email} is not a client user."),
                _ => null,
            };
            if (refused is not null)
            {
                results[i] = refused;
                continue;
            }

            invited.Add((i, user!));
        }

        var outcomes = await reminders.QueueManyAsync([.. invited.Select(x => (InvitationReminder(x.User), new PortalUserInvited(x.User.Id, x.User.Email!)))], cancellationToken);
        for (var k = 0; k < invited.Count; k++)
        {
            var (index, user) = invited[k];
            await audit.RecordAsync(new AuditEntry(AuditActions.InvitationSent, AuditTargetTypes.User, user.Id.ToString(), outcomes[k] == ReminderOutcome.Queued ? "queued for review" : "sent"), cancellationToken);
            results[index] = new InvitationResult(outcomes[k] == ReminderOutcome.Queued ? InvitationOutcome.Queued : InvitationOutcome.Sent);
        }

        return results;
    }

    public async Task<InvitationResult> InviteAsync(Guid userId, InvitationMethod method, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return new InvitationResult(InvitationOutcome.Failed, Error: "The user no longer exists.");
        }

        if (user.IsDisabled)
        {
            return new InvitationResult(InvitationOutcome.Failed, Error: $"{user.Email} is disabled; enable the user first.");
        }

        if (user.LastSignInAt is not null)
        {
            // An active user keeps their password and access; there is nothing to invite them to.
            return new InvitationResult(InvitationOutcome.AlreadyActive);
        }

        if (method == InvitationMethod.TemporaryPassword)
        {
            var password = TemporaryPasswords.Create();
            user.MustChangePassword = true;
            var result = await accounts.ReplacePasswordAsync(user, password, endSessions: false, cancellationToken);
            if (!result.Succeeded)
            {
                return new InvitationResult(InvitationOutcome.Failed, Error: string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            await audit.RecordAsync(new AuditEntry(AuditActions.TemporaryPasswordIssued, AuditTargetTypes.User, user.Id.ToString(), user.Email), cancellationToken);
            return new InvitationResult(InvitationOutcome.TemporaryPasswordIssued, password);
        }

        if (user.Kind == UserKind.Client)
        {
            // The invitation is a reminder (the Notifications module's row): the event is written with it.
            var outcome = await reminders.QueueAsync(InvitationReminder(user), new PortalUserInvited(user.Id, user.Email!), cancellationToken);
            await audit.RecordAsync(new AuditEntry(AuditActions.InvitationSent, AuditTargetTypes.User, user.Id.ToString(), outcome == ReminderOutcome.Queued ? "queued for review" : "sent"), cancellationToken);
            return new InvitationResult(outcome == ReminderOutcome.Queued ? InvitationOutcome.Queued : InvitationOutcome.Sent);
        }

        await invitations.SendSetPasswordLinkAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.InvitationSent, AuditTargetTypes.User, user.Id.ToString(), "sent"), cancellationToken);
        return new InvitationResult(InvitationOutcome.Sent);
    }

    public async Task<EmailChangeResult> RequestEmailChangeAsync(Guid userId, string newEmail, CancellationToken cancellationToken = default)
        => await users.FindByIdAsync(userId.ToString()) is { } user
            ? await emailChanges.RequestAsync(user, newEmail, cancellationToken)
            : new EmailChangeResult(false, "The user no longer exists.");

    private async Task<PortalUserInfo> ToInfoAsync(PortalUser user, CancellationToken cancellationToken)
        => Info(user, (await links.PendingAsync(AccountLinkPurposes.ConfirmEmailChange, [user.Id], cancellationToken)).GetValueOrDefault(user.Id));

    private static ReminderRequest InvitationReminder(PortalUser user)
        => new(InvitationReminderKind.Name, user.Id, user.Email!, $"Invitation to {user.DisplayName}", InvitationReminderKind.Payload(user.Id), $"invitation:{user.Id}");

    private static PortalUserInfo Info(PortalUser user, string? pendingEmail)
        => new(user.Id, user.Email ?? "", user.DisplayName, user.Kind == UserKind.Staff, user.IsDisabled, user.LastSignInAt is not null, user.LastSignInAt, pendingEmail);
}
