using Microsoft.AspNetCore.DataProtection;
using Portal.Core.Tenancy;

namespace Portal.SecureMail.Services;

/// <summary>
/// Seals message and reply text at rest with the practice's data protection, whose keys the master key
/// protects (the same facility as the outbox's secrets). The purpose names the practice and the message,
/// so a sealed text copied to another row or practice does not open.
/// </summary>
public sealed class SecureMessageSealing(IDataProtectionProvider protection, TenantContext tenantContext)
{
    public string Seal(Guid messageId, string text) => Protector(messageId).Protect(text);

    public string Open(Guid messageId, string sealedText) => Protector(messageId).Unprotect(sealedText);

    private IDataProtector Protector(Guid messageId)
        => protection.CreateProtector("Portal.SecureMail.Text", "tenant:" + tenantContext.Tenant.Name, messageId.ToString("N"));
}
