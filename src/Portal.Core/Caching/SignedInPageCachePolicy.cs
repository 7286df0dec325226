using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Core.Time;

namespace Portal.Core.Caching;

/// <summary>
/// Serves a signed-in page again from this server's copy while nothing it was made from has changed.
/// The key holds everything such a page is made from: the practice and its registry version (name,
/// features), its data stamp (which grows with every committed change to any of its data or settings,
/// on every server: <see cref="IPracticeDataVersions.StampAsync"/>), its date, the user, the address
/// and a digest of the request's cookies (session, antiforgery and temporary-data cookies: a copy
/// holds an antiforgery token for one browser's cookie only). So a copy is only ever an earlier answer
/// to the same request by the same session under the same data, which had passed every check.
/// </summary>
/// <remarks>
/// Runs after authentication, authorization and the modules' middleware (account requirements), so an
/// ended session or an unmet requirement is decided on every request before a copy is looked up. Only
/// a 200 without cookies to set is kept.
/// </remarks>
internal sealed class SignedInPageCachePolicy : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<PageCacheOptions>>().Value;
        if (!options.Enabled
            || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || http.Request.Headers.Authorization.Count > 0
            || http.User.IdOf() is not { } userId
            || http.GetTenant() is not { } tenant)
        {
            return;
        }

        var stamp = await http.RequestServices.GetRequiredService<IPracticeDataVersions>().StampAsync(tenant.Id, cancellationToken);
        var today = await http.RequestServices.GetRequiredService<IPracticeClock>().TodayAsync(cancellationToken);

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.Lifetime;
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.QueryKeys = "*";
        var vary = context.CacheVaryByRules.VaryByValues;
        vary["practice"] = string.Create(CultureInfo.InvariantCulture, $"{tenant.Id:N}.{tenant.Version}.{stamp}.{today:yyyyMMdd}");
        vary["user"] = userId.ToString("N");
        vary["cookies"] = CookieDigest(http.Request.Headers.Cookie.ToString());
        vary["culture"] = CultureInfo.CurrentUICulture.Name;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static string CookieDigest(string cookies)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(cookies), digest);
        return Convert.ToBase64String(digest);
    }
}
