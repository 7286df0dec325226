namespace Portal.SecureMail.Services;

/// <summary>Target types of the secure e-mail module's audit entries (and its attachments' owner).</summary>
public static class SecureMailAuditTargets
{
    public const string SecureMessage = "secure-message";
}
