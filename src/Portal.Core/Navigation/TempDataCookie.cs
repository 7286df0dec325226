using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Portal.Core.Navigation;

/// <summary>
/// The framework's cookie store for one-time messages (<see cref="TempDataKeys"/>), except that a page
/// with nothing to keep deletes the cookie only when the browser sent one. Every layout reads the
/// messages, and the framework's store then answers every page with a Set-Cookie that deletes a cookie
/// the browser does not have: bytes on every answer, and an answer that sets a cookie is never kept as
/// a copy of the page (<see cref="Caching.SignedInPageCachePolicy"/>).
/// </summary>
public sealed class TempDataCookie(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            return;
        }

        cookies.SaveTempData(context, values);
    }
}
