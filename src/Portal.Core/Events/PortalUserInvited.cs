namespace Portal.Core.Events;

/// <summary>A portal (client) user was invited: the invitation is queued for review or sent.</summary>
public sealed record PortalUserInvited(Guid UserId, string Email) : IDomainEvent
{
    public static string EventType => "identity.portal-user-invited";
}
