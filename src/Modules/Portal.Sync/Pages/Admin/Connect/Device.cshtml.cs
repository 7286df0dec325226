using System.Security.Claims;
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
/// The end-user verification page of the device flow (RFC 8628): staff type the code a machine shows,
/// see the same consent as in the browser flow, and approve or deny on a POST; then the finished page.
/// Wrong codes are counted (<see cref="UserCodeAttempts"/>).
/// </summary>
[RequirePermission(Permissions.SyncName)]
public sealed class DeviceModel(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    Services.ConnectedApps connections,
    UserCodeAttempts attempts,
    ICurrentActor actor) : PageModel
{
    public const string UserCodeField = Parameters.UserCode;

    /// <summary>Set once a waiting code was typed: what it asks for.</summary>
    public ConsentRequest? Consent { get; private set; }

    /// <summary>The code in its canonical form, posted back with the decision.</summary>
    public string? UserCode { get; private set; }

    /// <summary>What was typed, kept in the field when it was refused.</summary>
    public string? TypedCode { get; private set; }

    public string? CodeError { get; private set; }

    // A code given in the address (verification_uri_complete) is looked up as if typed.
    public Task<IActionResult> OnGetAsync() => LookUpAsync(allowEmpty: true);

    public async Task<IActionResult> OnPostAsync()
    {
        var decision = Request.Form[AuthorizeModel.DecisionField].ToString();
        if (decision is not (AuthorizeModel.Approve or AuthorizeModel.Deny))
        {
            return await LookUpAsync(allowEmpty: false);
        }

        var userId = actor.Actor.UserId!.Value;
        if (await RefusedAsync(userId) is { } refused)
        {
            return refused;
        }

        var pending = await WaitingCodeAsync();
        if (pending is null)
        {
            return await WrongCodeAsync(userId);
        }

        var consent = await DescribeAsync(pending);
        var device = consent.DeviceName;
        var finished = new AuthenticationProperties { RedirectUri = Url.Page("/Admin/Connect/Finished") };
        if (decision == AuthorizeModel.Approve && await FindApplicationAsync(pending) is { } application)
        {
            var who = actor.Actor;
            var scopes = pending.GetScopes().Where(SyncScopes.Descriptions.ContainsKey).ToList();
            var authorization = await authorizations.CreateAsync(
                new ClaimsIdentity(),
                userId.ToString(),
                (await applications.GetIdAsync(application, HttpContext.RequestAborted))!,
                AuthorizationTypes.Permanent,
                [.. scopes],
                HttpContext.RequestAborted);
            var authorizationId = (await authorizations.GetIdAsync(authorization, HttpContext.RequestAborted))!;

            // The connection is where the machine asked from, not where the person approving sits.
            await connections.RecordApprovalAsync(Guid.Parse(authorizationId), userId, who.Name ?? userId.ToString(), device, consent.IpAddress, HttpContext.RequestAborted);
            TempData[TempDataKeys.Status] = $"You approved {consent.Application} on {device}. It can now sync with the portal; you can close this tab.";
            var principal = SyncPrincipal.Create(userId, who.Name ?? "", HttpContext.GetTenant()!.Name, scopes, authorizationId);
            ((ClaimsIdentity)principal.Identity!).SetClaim(SyncClaims.Connection, authorizationId);
            return SignIn(principal, finished, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        await connections.RecordDenialAsync(consent.Application, device, consent.IpAddress, HttpContext.RequestAborted);
        TempData[TempDataKeys.Status] = $"You denied {consent.Application} on {device}. Nothing was connected; you can close this tab.";
        return Forbid(finished, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IActionResult> LookUpAsync(bool allowEmpty)
    {
        TypedCode = Request.HasFormContentType ? Request.Form[UserCodeField].ToString() : Request.Query[UserCodeField].ToString();
        if (string.IsNullOrWhiteSpace(TypedCode))
        {
            if (!allowEmpty)
            {
                CodeError = "Type the code the device shows.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Page();
        }

        var userId = actor.Actor.UserId!.Value;
        if (await RefusedAsync(userId) is { } refused)
        {
            return refused;
        }

        var pending = await WaitingCodeAsync();
        if (pending is null)
        {
            return await WrongCodeAsync(userId);
        }

        Consent = await DescribeAsync(pending);
        UserCode = HttpContext.GetOpenIddictServerRequest()?.UserCode;
        return Page();
    }

    private async Task<IActionResult?> RefusedAsync(Guid userId)
    {
        if (!await attempts.IsBlockedAsync(userId, HttpContext.RequestAborted))
        {
            return null;
        }

        CodeError = $"Too many codes that matched nothing: wait {UserCodeAttempts.Window.TotalMinutes:0} minutes, then check the code on the device and type it again.";
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Consent = null;
        return Page();
    }

    private async Task<IActionResult> WrongCodeAsync(Guid userId)
    {
        await attempts.RecordFailureAsync(userId, HttpContext.RequestAborted);
        CodeError = "No device is waiting for that code here. Check it on the device (it expires after 10 minutes) and type it again.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Consent = null;
        return Page();
    }

    /// <summary>The user code's principal when the code is valid and its device still waits for an answer.</summary>
    private async Task<ClaimsPrincipal?> WaitingCodeAsync()
    {
        if (HttpContext.GetOpenIddictServerResponse()?.Error is not null)
        {
            return null;
        }

        // Without a code that matched, OpenIddict still answers an empty principal: only one naming the client came from a code.
        var result = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is not { } principal || ClientIdOf(principal) is null)
        {
            return null;
        }

        // A code whose device was refused (too many wrong guesses) or answered meanwhile is no longer waiting.
        if (principal.GetClaim(Claims.Private.DeviceCodeId) is { } deviceCodeId)
        {
            var entry = await tokens.FindByIdAsync(deviceCodeId, HttpContext.RequestAborted);
            if (entry is null || !await tokens.HasStatusAsync(entry, Statuses.Inactive, HttpContext.RequestAborted))
            {
                return null;
            }
        }

        return principal;
    }

    private static string? ClientIdOf(ClaimsPrincipal principal)
        => principal.GetClaim(Claims.ClientId) is { Length: > 0 } clientId ? clientId : principal.GetPresenters().FirstOrDefault();

    private async Task<object?> FindApplicationAsync(ClaimsPrincipal principal)
        => ClientIdOf(principal) is { } clientId ? await applications.FindByClientIdAsync(clientId, HttpContext.RequestAborted) : null;

    private async Task<ConsentRequest> DescribeAsync(ClaimsPrincipal principal)
    {
        var application = await FindApplicationAsync(principal);
        var name = application is null ? SyncClient.DisplayName : await applications.GetDisplayNameAsync(application, HttpContext.RequestAborted) ?? SyncClient.DisplayName;
        return new ConsentRequest(
            name,
            SyncDeviceName.Clean(principal.GetClaim(SyncClaims.DeviceName)),
            principal.GetClaim(SyncClaims.DeviceIp),
            SyncScopes.Describe(principal.GetScopes()));
    }
}
