using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Portal.Core.Tenancy;

/// <summary>
/// Picks the practice from the request's host and path (never from a header the client controls),
/// moves a <c>/t/{name}</c> prefix into PathBase, and answers for practices that cannot serve.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry, IOptions<TenancyOptions> options)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        var match = TenantResolver.Resolve(registry.Current, options.Value.BaseDomain, context.Request.Host.Host, context.Request.Path);
        switch (match.Kind)
        {
            case TenantMatchKind.Host:
                await next(context);
                return;

            case TenantMatchKind.Unknown:
                await StatusPage.WriteAsync(
                    context,
                    StatusCodes.Status404NotFound,
                    "There is no portal at this address",
                    "Check the address you were given by your accountant. If you followed a link, it may be out of date.");
                return;
        }

        var tenant = match.Tenant!;
        switch (tenant.State)
        {
            case TenantState.Running:
                break;

            case TenantState.Disabled:
                await StatusPage.WriteAsync(
                    context,
                    StatusCodes.Status503ServiceUnavailable,
                    "This portal is unavailable",
                    $"The portal of {tenant.DisplayName} is not available at the moment. Please contact the practice directly.");
                return;

            default:
                await StatusPage.WriteAsync(
                    context,
                    StatusCodes.Status503ServiceUnavailable,
                    "This portal is being set up",
                    "It will be ready in a moment. This page can be reloaded shortly.",
                    options.Value.InitializingRetryAfterSeconds);
                return;
        }

        if (match.PathBase.Length > 0 && context.Request.Path.StartsWithSegments(match.PathBase, out var remaining))
        {
            context.Request.PathBase = context.Request.PathBase.Add(match.PathBase);
            context.Request.Path = remaining;
        }

        tenantContext.Set(tenant);
        context.Features.Set<ITenantFeature>(new TenantFeature(tenant));
        await next(context);
    }
}

public static class TenantHttpContextExtensions
{
    public static TenantDescriptor? GetTenant(this HttpContext context) => context.Features.Get<ITenantFeature>()?.Tenant;
}
