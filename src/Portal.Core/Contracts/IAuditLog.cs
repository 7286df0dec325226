namespace Portal.Core.Contracts;

/// <summary>
/// Records security-relevant events of the current practice in its append-only, hash-chained audit
/// trail (implemented by the Audit module). Who, IP and time are taken from the current request
/// unless the entry says otherwise.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>One event. <see cref="Action"/> is a dotted name such as "identity.signin.failed".</summary>
public sealed record AuditEntry(string Action, string? TargetType = null, string? TargetId = null, string? Details = null)
{
    /// <summary>Set when the actor is not the signed-in user (e.g. the address tried at a failed sign-in).</summary>
    public string? ActorName { get; init; }

    public Guid? ActorId { get; init; }
}

/// <summary>Action names used across modules, so filters and reports agree on them.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "identity.signin.succeeded";
    public const string SignInFailed = "identity.signin.failed";
    public const string SignInThrottled = "identity.signin.throttled";
    public const string WidgetSignInRefused = "identity.widget.refused";
    public const string SignedOut = "identity.signout";
    public const string SignedOutEverywhere = "identity.signout.everywhere";
    public const string TwoFactorEnabled = "identity.2fa.enabled";
    public const string TwoFactorDisabled = "identity.2fa.disabled";
    public const string RecoveryCodeUsed = "identity.2fa.recovery-code-used";
    public const string PasswordChanged = "identity.password.changed";
    public const string PasswordResetRequested = "identity.password.reset-requested";
    public const string InvitationSent = "identity.invitation.sent";
    public const string TemporaryPasswordIssued = "identity.invitation.temporary-password";
    public const string UserCreated = "identity.user.created";
    public const string UserDisabled = "identity.user.disabled";
    public const string UserEnabled = "identity.user.enabled";
    public const string RolesChanged = "identity.user.roles-changed";
    public const string UserPermissionsChanged = "identity.user.permissions-changed";
    public const string RolePermissionsChanged = "identity.role.permissions-changed";
    public const string RoleCreated = "identity.role.created";
    public const string RoleDeleted = "identity.role.deleted";
    public const string EmailChangeRequested = "identity.email.change-requested";
    public const string EmailChanged = "identity.email.changed";
    public const string AccessDenied = "security.access-denied";
    public const string PortalAccessGranted = "clients.portal.access-granted";
    public const string PortalAccessChanged = "clients.portal.access-changed";
    public const string PortalAccessRevoked = "clients.portal.access-revoked";
    public const string SettingsChanged = "settings.changed";
}
