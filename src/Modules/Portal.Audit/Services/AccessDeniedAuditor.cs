using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Audit.Services;

/// <summary>
/// Records refused access in the practice's trail (a signed-in user asking for something a policy
/// does not allow them), then lets the wrapped handler answer exactly as before. Anonymous
/// challenges are not recorded: every visit to a protected page before signing in is one.
/// </summary>
public sealed class AccessDeniedAuditor(IAuthorizationMiddlewareResultHandler inner) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // The platform's own site has no practice, hence no trail (and no database) to write to.
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true && context.GetTenant() is not null)
        {
            var path = context.Request.Path.Value ?? "/";
            var needed = Describe(authorizeResult.AuthorizationFailure);
            var audit = context.RequestServices.GetRequiredService<IAuditLog>();

            // Not the request's token: a client that hangs up must not erase the record of its attempt.
            await audit.RecordAsync(
                new AuditEntry(AuditActions.AccessDenied, AuditTargetTypes.Path, path, $"{context.Request.Method} {path}: {needed}"),
                CancellationToken.None);
        }

        await inner.HandleAsync(next, context, policy, authorizeResult);
    }

    internal static string Describe(AuthorizationFailure? failure)
    {
        var requirements = failure?.FailedRequirements.Select(Describe).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var reasons = failure?.FailureReasons.Select(r => r.Message).Where(m => m.Length > 0).ToList() ?? [];
        return requirements.Count + reasons.Count == 0
            ? "refused by policy"
            : "requires " + string.Join(", ", requirements.Concat(reasons));
    }

    private static string Describe(IAuthorizationRequirement requirement) => requirement switch
    {
        PermissionRequirement permission => $"permission {permission.Permission}",
        RolesAuthorizationRequirement roles => $"role {string.Join(" or ", roles.AllowedRoles)}",
        ClaimsAuthorizationRequirement claim => $"claim {claim.ClaimType}",
        DenyAnonymousAuthorizationRequirement => "a signed-in user",
        _ => requirement.GetType().Name,
    };
}
