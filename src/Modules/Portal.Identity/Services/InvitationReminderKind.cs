using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Contracts;
using Portal.Core.Mail;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>Invitations of portal users wait in the reminders queue; the link is issued when staff send it.</summary>
internal sealed class InvitationReminderKind(UserManager<PortalUser> users, InvitationSender invitations) : IReminderKind
{
    public const string Name = "identity.invitation";

    public string Kind => Name;

    public string DisplayName => "Invitation";

    public static string Payload(Guid userId) => JsonSerializer.Serialize(new InvitationPayload(userId));

    public async Task<MailDraft?> ComposeAsync(ReminderRequest reminder, bool preview, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<InvitationPayload>(reminder.Payload) ?? throw new InvalidOperationException("Empty invitation reminder.");
        var user = await users.FindByIdAsync(payload.UserId.ToString())
            ?? throw new InvalidOperationException("The invited user no longer exists.");
        return await invitations.ComposeAsync(user, preview, cancellationToken);
    }

    private sealed record InvitationPayload(Guid UserId);
}
