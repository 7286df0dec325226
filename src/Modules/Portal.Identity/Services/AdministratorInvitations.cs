using Microsoft.AspNetCore.Identity;
using Portal.Core.Contracts;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

internal sealed class AdministratorInvitations(UserManager<PortalUser> users, InvitationSender invitations) : IAdministratorInvitations
{
    public async Task<AdministratorInvitationOutcome> ResendSetPasswordLinkAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return AdministratorInvitationOutcome.NoSuchUser;
        }

        await invitations.SendSetPasswordLinkAsync(user, cancellationToken);
        return AdministratorInvitationOutcome.Sent;
    }
}
