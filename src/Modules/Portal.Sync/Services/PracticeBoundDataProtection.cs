using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Portal.Core.Tenancy;

namespace Portal.Sync.Services;

/// <summary>
/// The data-protection provider OpenIddict formats its tokens with: every purpose it asks for is
/// narrowed to the practice of the request, so the payload of one practice's token cannot be opened
/// by another even if it were copied into its database. Keys are the application's data-protection
/// keys (kept in the host store, shared by every server, rotated by ASP.NET Core).
/// </summary>
internal sealed class PracticeBoundDataProtection(IDataProtectionProvider inner, IHttpContextAccessor accessor) : IDataProtectionProvider
{
    public IDataProtector CreateProtector(string purpose) => new PracticeBoundProtector(inner.CreateProtector(purpose), accessor);

    private sealed class PracticeBoundProtector(IDataProtector inner, IHttpContextAccessor accessor) : IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) => new PracticeBoundProtector(inner.CreateProtector(purpose), accessor);

        public byte[] Protect(byte[] plaintext) => ForPractice().Protect(plaintext);

        public byte[] Unprotect(byte[] protectedData) => ForPractice().Unprotect(protectedData);

        private IDataProtector ForPractice()
        {
            // Never a shared fallback: a token is issued and read only inside a practice's request.
            var practice = accessor.HttpContext?.GetTenant() ?? throw new InvalidOperationException("Tokens are only protected inside a practice's request.");
            return inner.CreateProtector("practice:" + practice.Name);
        }
    }
}
