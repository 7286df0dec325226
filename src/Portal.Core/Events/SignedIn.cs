namespace Portal.Core.Events;

/// <summary>A user signed in (after the second factor, when they use one).</summary>
public sealed record SignedIn(Guid UserId, bool IsStaff, bool UsedSecondFactor) : IDomainEvent
{
    public static string EventType => "identity.signed-in";
}
