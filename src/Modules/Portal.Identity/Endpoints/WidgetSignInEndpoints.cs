using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Portal.Core.Contracts;
using Portal.Core.LoginWidget;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Identity.Services;

namespace Portal.Identity.Endpoints;

/// <summary>
/// Where the login widget on a practice's own website posts its form (a top-level navigation, so the
/// session cookie it sets is first-party). A cross-site form cannot carry the portal's antiforgery
/// token; the practice's list of website origins stands in for it: a form is accepted only when the
/// browser says it comes from one of them. The password step is the sign-in page's own
/// (<see cref="PasswordSignIn"/>, throttled and recorded the same), and every answer is a 303 to a
/// page of the portal: the client's home when signed in, otherwise the sign-in page or the code step.
/// A refused form (no origin, an origin not on the list, no websites listed at all, nothing sent) is
/// recorded in the practice's trail, within <see cref="WidgetRefusalBudget"/>, by its origin and reason;
/// the form is never read for it, so no address or password is recorded. See docs/architecture.md, "Login widget".
/// </summary>
internal static class WidgetSignInEndpoints
{
    public const string Route = "/widget/sign-in";

    public static IEndpointRouteBuilder MapWidgetSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, SignInAsync)
            .WithName(LoginWidgetSettings.SignInEndpointName)
            .AllowAnonymous()

            // The origin allow-list replaces the token, checked before anything else is read.
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> SignInAsync(
        HttpContext context,
        SiteSettingsStore settings,
        PasswordSignIn passwords,
        SignInFlow flow,
        LinkGenerator links,
        IUrlHelperFactory urls,
        TenantContext tenant,
        IAuditLog audit,
        WidgetRefusalBudget budget,
        ILoggerFactory loggers)
    {
        context.Response.Headers.CacheControl = "no-store";
        var origin = WidgetSignIn.RequestOrigin(context.Request);
        var widget = await settings.GetAsync<LoginWidgetSettings>(context.RequestAborted);
        if (!widget.Allows(origin))
        {
            loggers.CreateLogger(typeof(WidgetSignInEndpoints)).LogWarning(
                "Login widget form refused for practice {Practice}: origin {Origin} is not on its list", tenant.Tenant.Name, origin ?? "(none)");
            var reason = origin is null
                ? "Your browser did not say which website this sign-in form is on, so it cannot be accepted."
                : $"This sign-in form is on {origin}, which is not one of {tenant.Tenant.DisplayName}'s websites.";
            var recorded = origin is null ? NoOriginRecorded
                : widget.Origins.Count == 0 ? NoWebsitesRecorded
                : NotListedRecorded;
            await RecordRefusalAsync(audit, budget, tenant, origin, recorded);
            return Refused(context, links, tenant, StatusCodes.Status403Forbidden, reason);
        }

        if (!context.Request.HasFormContentType)
        {
            await RecordRefusalAsync(audit, budget, tenant, origin, NoFormRecorded);
            return Refused(context, links, tenant, StatusCodes.Status400BadRequest, "The sign-in form sent nothing to check.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var email = form[WidgetSignIn.EmailField].ToString();
        var outcome = await passwords.CheckAsync(context, email, form[WidgetSignIn.PasswordField].ToString());
        var location = outcome.Result switch
        {
            PasswordSignInResult.Succeeded => await flow.CompleteAsync(
                context, outcome.User!, returnUrl: null, urls.GetUrlHelper(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())), usedSecondFactor: false),
            PasswordSignInResult.RequiresTwoFactor => links.GetPathByPage(context, "/Account/SignInTwoFactor"),
            _ => links.GetPathByPage(context, "/Account/SignIn", values: new RouteValueDictionary
            {
                [WidgetSignIn.EmailParameter] = email.Trim() is { Length: > 0 and <= 320 } typed ? typed : null,
                [WidgetSignIn.ProblemParameter] = outcome.Result switch
                {
                    PasswordSignInResult.Throttled => WidgetSignIn.ThrottledProblem,
                    PasswordSignInResult.Missing => WidgetSignIn.MissingProblem,
                    _ => WidgetSignIn.FailedProblem,
                },
            }),
        };

        // 303: the browser follows with a GET, so a reload of the landing page never re-posts the password.
        context.Response.Headers.Location = location ?? "/";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private const string NoOriginRecorded = "the browser did not say which website the form is on";
    private const string NoWebsitesRecorded = "the practice lists no website for the login widget, so it is off";
    private const string NotListedRecorded = "the website is not on the practice's list";
    private const string NoFormRecorded = "the request carried no form";
    private const string RefusedActor = "A visitor";

    /// <summary>Who tried is unknown (the form is not read once refused), so the entry names the website and the reason only.</summary>
    private static async Task RecordRefusalAsync(IAuditLog audit, WidgetRefusalBudget budget, TenantContext tenant, string? origin, string reason)
    {
        var (record, last) = budget.Take(tenant.Tenant.Id);
        if (!record)
        {
            return;
        }

        var details = last
            ? $"{reason}. Further refusals in the next {WidgetRefusalBudget.Window.TotalMinutes:0} minutes are not recorded (the server's log has them)."
            : $"{reason}.";

        // Not the request's token: a sender that hangs up must not erase the record of its attempt.
        await audit.RecordAsync(
            new AuditEntry(AuditActions.WidgetSignInRefused, AuditTargetTypes.Website, origin ?? "an unknown website", details) { ActorName = RefusedActor },
            CancellationToken.None);
    }

    private static IResult Refused(HttpContext context, LinkGenerator links, TenantContext tenant, int status, string reason)
    {
        var html = HtmlEncoder.Default;
        var name = html.Encode(tenant.Tenant.DisplayName);
        var signIn = html.Encode(links.GetPathByPage(context, "/Account/SignIn") ?? "/");
        return Results.Content(
            $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign-in not accepted - {name}</title></head>
            <body>
            <main>
            <h1>Sign-in not accepted</h1>
            <p>{html.Encode(reason)}</p>
            <p>Nothing was checked and you are not signed in. Sign in on the portal itself instead:</p>
            <p><a href="{signIn}">Sign in to {name}</a></p>
            </main>
            </body>
            </html>
            """,
            "text/html; charset=utf-8",
            statusCode: status);
    }
}
