using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>
/// Holds a signed-in user at the page they must visit first: a temporary password must be changed
/// before anything else, and staff of a practice that requires two-factor sign-in must set it up
/// before they use the admin. (Practice services are resolved only inside a practice: this runs on the
/// platform's own site too.)
/// </summary>
public sealed class AccountRequirementsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (context.GetTenant() is null || user.Identity?.IsAuthenticated != true || IsExempt(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (user.HasClaim(PortalClaimTypes.MustChangePassword, "true"))
        {
            Redirect(context, "/Account/ChangePassword", null);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/admin")
            && user.IsStaffUser()
            && !user.HasClaim(PortalClaimTypes.TwoFactorEnabled, "true")
            && (await context.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync<SecuritySettings>(context.RequestAborted)).RequireTwoFactorForStaff)
        {
            Redirect(context, "/Account/TwoFactor", new { required = "true" });
            return;
        }

        await next(context);
    }

    private static bool IsExempt(PathString path)
        => path.StartsWithSegments("/account") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/branding")
            || path.StartsWithSegments("/branding.css") || path.StartsWithSegments("/health") || path.StartsWithSegments("/error");

    private static void Redirect(HttpContext context, string page, object? values)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(context.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(context, page, values: values)!);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
