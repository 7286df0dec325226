using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Sync.Models;
using Portal.Sync.Services;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sync.Pages.Admin.Connect;

/// <summary>
/// The consent page of the authorization endpoint (OpenIddict has already checked the client, the
/// redirect and PKCE): shows who asks for what from where, and approves or denies only on a POST.
/// </summary>
[RequirePermission(Permissions.SyncName)]
public sealed class AuthorizeModel(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    Services.ConnectedApps connections,
    ICurrentActor actor) : PageModel
{
    public const string DecisionField = "decision";
    public const string Approve = "approve";
    public const string Deny = "deny";

    public ConsentRequest Consent { get; private set; } = new("", "", null, []);

    /// <summary>The request's parameters, posted back with the decision so OpenIddict sees the same request.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    /// <summary>Set when the request itself was refused (unknown client, another redirect, no PKCE).</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (RefusedRequest() is { } refused)
        {
            return refused;
        }

        var request = HttpContext.GetOpenIddictServerRequest()!;

        // Never approved without a person deciding: a silent request is answered "consent required".
        if (request.HasPromptValue(PromptValues.None))
        {
            return Forbid(Errors.ConsentRequired, "portal-sync must be approved in the browser.");
        }

        await DescribeAsync(request);

        // Approve and Deny answer with a redirect to the program's loopback listener, which browsers hold
        // to this page's form-action; OpenIddict has checked the redirect (loopback, /callback) by now.
        if (Uri.TryCreate(request.RedirectUri, UriKind.Absolute, out var redirect) && redirect.IsLoopback)
        {
            Response.Headers.ContentSecurityPolicy = SecurityHeadersMiddleware.AllowingFormsTo(redirect.GetLeftPart(UriPartial.Authority));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (RefusedRequest() is { } refused)
        {
            return refused;
        }

        var request = HttpContext.GetOpenIddictServerRequest()!;
        var decision = Request.Form[DecisionField].ToString();
        var device = SyncDeviceName.Clean((string?)request[SyncDeviceName.Parameter]);
        var application = await applications.FindByClientIdAsync(request.ClientId!, HttpContext.RequestAborted);
        var name = application is null ? SyncClient.DisplayName : await applications.GetDisplayNameAsync(application, HttpContext.RequestAborted) ?? SyncClient.DisplayName;
        if (decision == Approve && application is not null)
        {
            var who = actor.Actor;
            var userId = who.UserId!.Value;
            var scopes = request.GetScopes().Where(SyncScopes.Descriptions.ContainsKey).ToList();
            var practice = HttpContext.GetTenant()!.Name;
            var authorization = await authorizations.CreateAsync(
                new System.Security.Claims.ClaimsIdentity(),
                userId.ToString(),
                (await applications.GetIdAsync(application, HttpContext.RequestAborted))!,
                AuthorizationTypes.Permanent,
                [.. scopes],
                HttpContext.RequestAborted);
            var authorizationId = (await authorizations.GetIdAsync(authorization, HttpContext.RequestAborted))!;
            await connections.RecordApprovalAsync(Guid.Parse(authorizationId), userId, who.Name ?? userId.ToString(), device, who.IpAddress, HttpContext.RequestAborted);
            TempData[TempDataKeys.Status] = $"You approved {name} on {device}. It can now sync with the portal; you can close this tab.";
            var principal = SyncPrincipal.Create(userId, who.Name ?? "", practice, scopes, authorizationId);
            return SignIn(principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        await connections.RecordDenialAsync(name, device, actor.Actor.IpAddress, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = $"You denied {name} on {device}. Nothing was connected; you can close this tab.";
        return Forbid(Errors.AccessDenied, "The request was denied.");
    }

    private PageResult? RefusedRequest()
    {
        var response = HttpContext.GetOpenIddictServerResponse();
        if (response?.Error is null && HttpContext.GetOpenIddictServerRequest() is not null)
        {
            return null;
        }

        // OpenIddict let the error through because it could not be sent back to the program safely.
        Problem = response?.ErrorDescription ?? "This is not a valid authorization request.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task DescribeAsync(OpenIddictRequest request)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId!, HttpContext.RequestAborted);
        Consent = new ConsentRequest(
            application is null ? request.ClientId! : await applications.GetDisplayNameAsync(application, HttpContext.RequestAborted) ?? request.ClientId!,
            SyncDeviceName.Clean((string?)request[SyncDeviceName.Parameter]),
            HttpContext.Connection.RemoteIpAddress?.ToString(),
            SyncScopes.Describe(request.GetScopes()));
        Parameters = request.GetParameters()
            .SelectMany(p => Values(p.Value).Select(v => new KeyValuePair<string, string>(p.Key, v)))
            .ToList();
    }

    private static IEnumerable<string> Values(OpenIddictParameter parameter)
        => ((Microsoft.Extensions.Primitives.StringValues?)parameter ?? default).Select(v => v ?? "");

    private ForbidResult Forbid(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
