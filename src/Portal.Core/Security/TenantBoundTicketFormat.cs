using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Tenancy;

namespace Portal.Core.Security;

/// <summary>
/// Protects authentication tickets with a key purpose that includes the practice's name, so a cookie
/// issued by one practice (or by the host admin) cannot be read by another, even on a shared host.
/// </summary>
/// <remarks>
/// A browser sends the same cookie with every request, and opening it (a key derivation, a decryption
/// and a MAC) was a tenth of a signed-in page's time. What a cookie opened to is kept for a few
/// minutes, keyed on the practice, the purpose and the whole protected text: only text that opened
/// is kept, so a forged cookie is never remembered, and each caller gets its own copy of the ticket.
/// The ticket's own expiry is still checked by the cookie handler on every request, and ending a
/// session is the session store's work (it does not wait for this copy to go).
/// </remarks>
public sealed class TenantBoundTicketFormat(IDataProtectionProvider protection, IHttpContextAccessor accessor, string scheme, IMemoryCache cache) : ISecureDataFormat<AuthenticationTicket>
{
    private const string HostPurpose = "(host)";
    private static readonly TimeSpan OpenedLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, TicketDataFormat> _formats = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => Current().Format.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => Current().Format.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return null;
        }

        var (name, format) = Current();
        var key = string.Concat("ticket:", scheme, ":", name, ":", purpose, ":", protectedText);
        if (cache.TryGetValue(key, out byte[]? opened) && opened is not null)
        {
            return TicketSerializer.Default.Deserialize(opened);
        }

        var ticket = format.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            cache.Set(key, TicketSerializer.Default.Serialize(ticket), OpenedLifetime);
        }

        return ticket;
    }

    private (string Name, TicketDataFormat Format) Current()
    {
        var tenant = accessor.HttpContext?.GetTenant()?.Name ?? HostPurpose;
        return (tenant, _formats.GetOrAdd(tenant, name => new TicketDataFormat(
            protection.CreateProtector("Portal.Authentication", scheme, "tenant:" + name))));
    }
}
