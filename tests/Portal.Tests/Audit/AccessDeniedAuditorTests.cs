using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Portal.Audit.Services;
using Portal.Core.Security;

namespace Portal.Tests.Audit;

public sealed class AccessDeniedAuditorTests
{
    [Fact]
    public async Task On_the_platform_site_a_refusal_is_passed_on_without_touching_any_trail()
    {
        var inner = new RecordingHandler();
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator")], "test")),

            // No services at all: resolving the audit log (or anything) here would throw.
            RequestServices = null!,
        };
        context.Request.Path = "/admin/practices";

        await new AccessDeniedAuditor(inner).HandleAsync(_ => Task.CompletedTask, context, Policy(), PolicyAuthorizationResult.Forbid());

        Assert.True(inner.Called);
    }

    [Fact]
    public void The_failed_requirements_are_named()
    {
        var failure = AuthorizationFailure.Failed([new PermissionRequirement("Audit.View"), new RolesAuthorizationRequirement(["Administrator", "Auditor"])]);
        Assert.Equal("requires permission Audit.View, role Administrator or Auditor", AccessDeniedAuditor.Describe(failure));
        Assert.Equal("refused by policy", AccessDeniedAuditor.Describe(null));
    }

    private static AuthorizationPolicy Policy() => new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

    private sealed class RecordingHandler : IAuthorizationMiddlewareResultHandler
    {
        public bool Called { get; private set; }

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            Called = true;
            return Task.CompletedTask;
        }
    }
}
