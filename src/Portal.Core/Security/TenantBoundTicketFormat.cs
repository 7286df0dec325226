using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Portal.Core.Tenancy;

namespace Portal.Core.Security;

/// <summary>
/// Protects authentication tickets with a key purpose that includes the practice's name, so a cookie
/// issued by one practice (or by the host admin) cannot be read by another, even on a shared host.
/// </summary>
public sealed class TenantBoundTicketFormat(IDataProtectionProvider protection, IHttpContextAccessor accessor, string scheme) : ISecureDataFormat<AuthenticationTicket>
{
    private const string HostPurpose = "(host)";
    private readonly ConcurrentDictionary<string, TicketDataFormat> _formats = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => Current().Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => Current().Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Current().Unprotect(protectedText);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose) => Current().Unprotect(protectedText, purpose);

    private TicketDataFormat Current()
    {
        var tenant = accessor.HttpContext?.GetTenant()?.Name ?? HostPurpose;
        return _formats.GetOrAdd(tenant, name => new TicketDataFormat(
            protection.CreateProtector("Portal.Authentication", scheme, "tenant:" + name)));
    }
}
