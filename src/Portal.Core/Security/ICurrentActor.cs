namespace Portal.Core.Security;

/// <summary>
/// Who is doing what is being done: the signed-in staff member or portal user of this request, an
/// anonymous visitor, or the system (a job, a recipe, a command). One answer for audit rows, "created
/// by" columns and "sent by" stamps, whatever started the work, so no module reads claims or the
/// HTTP context for it on its own.
/// </summary>
public interface ICurrentActor
{
    Actor Actor { get; }
}

/// <param name="Name">How a record names them: the sign-in address when there is one, else the display name.</param>
public sealed record Actor(ActorKind Kind, Guid? UserId, string? Name, string? IpAddress)
{
    public static Actor System { get; } = new(ActorKind.System, null, null, null);

    public bool IsSignedIn => Kind is ActorKind.Staff or ActorKind.PortalUser;
}

public enum ActorKind
{
    /// <summary>No request: a job, a recipe step, a command.</summary>
    System,

    /// <summary>A request from someone not signed in (a sign-in attempt, a password-reset request).</summary>
    Anonymous,

    Staff,

    PortalUser,
}
