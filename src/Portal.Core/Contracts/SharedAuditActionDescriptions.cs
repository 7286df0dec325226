namespace Portal.Core.Contracts;

/// <summary>What the shared <see cref="AuditActions"/> mean, registered by Core because Core defines them.</summary>
internal sealed class SharedAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(AuditActions.SignInSucceeded, "Signed in", "signed in"),
        new(AuditActions.SignInFailed, "Sign-in failed", "failed to sign in"),
        new(AuditActions.SignInThrottled, "Sign-in held back", "was held back from signing in after too many attempts"),
        new(AuditActions.WidgetSignInRefused, "Login widget sign-in refused", "tried the login widget from {target} and was refused"),
        new(AuditActions.SignedOut, "Signed out", "signed out"),
        new(AuditActions.SignedOutEverywhere, "Signed out other sessions", "signed out their other sessions"),
        new(AuditActions.TwoFactorEnabled, "Two-factor sign-in turned on", "turned on two-factor sign-in"),
        new(AuditActions.TwoFactorDisabled, "Two-factor sign-in turned off", "turned off two-factor sign-in for {target}"),
        new(AuditActions.RecoveryCodeUsed, "Recovery code used", "signed in with a recovery code"),
        new(AuditActions.PasswordChanged, "Password changed", "changed their password"),
        new(AuditActions.PasswordResetRequested, "Password reset asked for", "asked for a password reset link"),
        new(AuditActions.InvitationSent, "Invitation sent", "invited {target}"),
        new(AuditActions.TemporaryPasswordIssued, "Temporary password issued", "issued a temporary password to {target}"),
        new(AuditActions.UserCreated, "User added", "added the user {target}"),
        new(AuditActions.UserDisabled, "User disabled", "disabled {target}"),
        new(AuditActions.UserEnabled, "User enabled", "enabled {target} again"),
        new(AuditActions.RolesChanged, "Roles changed", "changed the roles of {target}"),
        new(AuditActions.UserPermissionsChanged, "Extra permissions changed", "changed the extra permissions of {target}"),
        new(AuditActions.RolePermissionsChanged, "Role permissions changed", "changed the permissions of the role {target}"),
        new(AuditActions.RoleCreated, "Role created", "created the role {target}"),
        new(AuditActions.RoleDeleted, "Role deleted", "deleted the role {target}"),
        new(AuditActions.EmailChangeRequested, "E-mail change asked for", "asked to change the e-mail address of {target}"),
        new(AuditActions.EmailChanged, "E-mail address changed", "confirmed a new e-mail address"),
        new(AuditActions.AccessDenied, "Access refused", "was refused access to {target}"),
        new(AuditActions.PortalAccessGranted, "Portal access given", "gave access to the portal {target}"),
        new(AuditActions.PortalAccessChanged, "Portal access changed", "changed access to the portal {target}"),
        new(AuditActions.PortalAccessRevoked, "Portal access removed", "removed access to the portal {target}"),
        new(AuditActions.SettingsChanged, "Settings changed", "changed {target}"),
    ];
}
