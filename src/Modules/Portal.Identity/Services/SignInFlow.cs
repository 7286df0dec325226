using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contracts;
using Portal.Core.Events;
using Portal.Core.Settings;
using Portal.Identity.Data;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>What happens once a user has proven who they are (password, then code if they use 2FA).</summary>
public sealed class SignInFlow(
    UserManager<PortalUser> users,
    UsersDbContext db,
    IDomainEventPublisher events,
    SignInThrottling throttling,
    DeviceCookies devices,
    IAuditLog audit,
    SiteSettingsStore settings,
    TimeProvider clock)
{
    public static string? ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    /// <summary>Records the success and returns where the user goes next.</summary>
    public async Task<string> CompleteAsync(HttpContext context, PortalUser user, string? returnUrl, IUrlHelper url, bool usedSecondFactor)
    {
        var trusted = devices.TrustedDeviceFor(context, user.Id);
        await throttling.RecordSuccessAsync(user.Email!, trusted, context.RequestAborted);
        devices.Issue(context, user.Id);
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        events.Publish(db, new SignedIn(user.Id, user.Kind == UserKind.Staff, usedSecondFactor));
        await users.UpdateAsync(user); // one SaveChanges of this scope's UsersDbContext: the sign-in time and the event
        await audit.RecordAsync(new AuditEntry(AuditActions.SignInSucceeded, AuditTargetTypes.User, user.Id.ToString(), usedSecondFactor ? "with two-factor" : null)
        {
            ActorId = user.Id,
            ActorName = user.Email,
        }, context.RequestAborted);

        if (user.MustChangePassword)
        {
            return url.Page("/Account/ChangePassword")!;
        }

        if (user.Kind == UserKind.Staff && !user.TwoFactorEnabled && (await settings.GetAsync<SecuritySettings>(context.RequestAborted)).RequireTwoFactorForStaff)
        {
            return url.Page("/Account/TwoFactor", new { required = "true" })!;
        }

        if (!string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl))
        {
            return returnUrl;
        }

        return url.Page(user.Kind == UserKind.Staff ? "/Admin/Index" : "/Index")!;
    }

    public async Task RecordFailureAsync(HttpContext context, string email, PortalUser? user, string reason)
    {
        var trusted = user is null ? null : devices.TrustedDeviceFor(context, user.Id);
        await throttling.RecordFailureAsync(email, ClientIp(context), trusted, context.RequestAborted);
        await audit.RecordAsync(new AuditEntry(AuditActions.SignInFailed, AuditTargetTypes.User, user?.Id.ToString(), reason) { ActorName = Limit(email), ActorId = user?.Id }, context.RequestAborted);
    }

    public async Task<bool> IsThrottledAsync(HttpContext context, string email, PortalUser? user)
    {
        var trusted = user is null ? null : devices.TrustedDeviceFor(context, user.Id);
        if (!await throttling.IsBlockedAsync(email, ClientIp(context), trusted, context.RequestAborted))
        {
            return false;
        }

        await audit.RecordAsync(new AuditEntry(AuditActions.SignInThrottled, AuditTargetTypes.User, user?.Id.ToString()) { ActorName = Limit(email), ActorId = user?.Id }, context.RequestAborted);
        return true;
    }


    private static string Limit(string email) => email.Length > 320 ? email[..320] : email;
}
