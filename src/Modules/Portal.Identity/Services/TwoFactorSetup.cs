using Microsoft.AspNetCore.Identity;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using QRCoder;

namespace Portal.Identity.Services;

/// <summary>Turning authenticator-app sign-in on and off for a user.</summary>
public sealed class TwoFactorSetup(UserManager<PortalUser> users, RecoveryCodes recoveryCodes, IAuditLog audit, TenantContext tenantContext)
{
    /// <summary>The secret to enrol (created on first use, kept until enrolment succeeds).</summary>
    public async Task<AuthenticatorEnrolment> EnrolmentAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var issuer = tenantContext.Tenant.DisplayName;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new AuthenticatorEnrolment(FormatKey(key!), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Checks a first code from the app; on success turns 2FA on and returns new recovery codes.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(PortalUser user, string code, CancellationToken cancellationToken = default)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, TotpAuthenticator.ProviderName, code))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await recoveryCodes.ReplaceAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.TwoFactorEnabled, "user", user.Id.ToString()), cancellationToken);
        return codes;
    }

    /// <summary>Turns 2FA off (the user, after re-entering their password, or an administrator for a lost phone).</summary>
    public async Task DisableAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await recoveryCodes.DeleteAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.TwoFactorDisabled, "user", user.Id.ToString()), cancellationToken);
    }

    private static string FormatKey(string key)
        => string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();
}

public sealed record AuthenticatorEnrolment(string SharedKey, string Uri, string QrCodeDataUri);
