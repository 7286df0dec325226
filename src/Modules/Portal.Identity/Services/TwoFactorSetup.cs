using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Contracts;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using QRCoder;

namespace Portal.Identity.Services;

/// <summary>
/// Turning authenticator-app sign-in on and off for a user. Showing the set-up page changes nothing:
/// the new secret travels sealed in the page's form and is stored only when the first code proves the
/// app has it. (Storing it on the first visit rotated the security stamp, which ended every session
/// of the user, this one included, while they were still scanning the code.)
/// </summary>
public sealed class TwoFactorSetup(
    UserManager<PortalUser> users,
    IUserStore<PortalUser> store,
    TotpAuthenticator authenticator,
    RecoveryCodes recoveryCodes,
    IAuditLog audit,
    IDataProtectionProvider protection,
    TenantContext tenantContext)
{
    /// <summary>How long a set-up page stays usable: past it, the page shows a new code to scan.</summary>
    public static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// The secret to enrol: the one sealed in <paramref name="sealedKey"/> (a form posted back with a
    /// wrong code keeps the code the user already scanned), or a new one. Nothing is stored.
    /// </summary>
    public AuthenticatorEnrolment Enrolment(PortalUser user, string? sealedKey = null)
    {
        var key = Open(user, sealedKey) ?? Base32.Encode(RandomNumberGenerator.GetBytes(20));
        var issuer = tenantContext.Tenant.DisplayName;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new AuthenticatorEnrolment(FormatKey(key), uri, "data:image/png;base64," + Convert.ToBase64String(png), Protector(user).Protect(key, EnrolmentLifetime));
    }

    /// <summary>
    /// Checks a first code against the secret the page showed; on success stores the secret, turns 2FA
    /// on (a new security stamp: other sessions end) and returns new recovery codes.
    /// </summary>
    public async Task<EnableResult> EnableAsync(PortalUser user, string? sealedKey, string code, CancellationToken cancellationToken = default)
    {
        if (Open(user, sealedKey) is not { } key)
        {
            return EnableResult.Expired;
        }

        if (authenticator.MatchingStep(key, code) is not { } step)
        {
            return EnableResult.WrongCode;
        }

        await ((IUserAuthenticatorKeyStore<PortalUser>)store).SetAuthenticatorKeyAsync(user, key, cancellationToken);
        await TotpAuthenticator.RememberStepAsync(users, user, step);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await recoveryCodes.ReplaceAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.TwoFactorEnabled, AuditTargetTypes.User, user.Id.ToString()), cancellationToken);
        return new EnableResult(codes, null);
    }

    /// <summary>Turns 2FA off (the user, after re-entering their password, or an administrator for a lost phone).</summary>
    public async Task DisableAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await recoveryCodes.DeleteAllAsync(user.Id, cancellationToken);
        await audit.RecordAsync(new AuditEntry(AuditActions.TwoFactorDisabled, AuditTargetTypes.User, user.Id.ToString()), cancellationToken);
    }

    private string? Open(PortalUser user, string? sealedKey)
    {
        if (string.IsNullOrEmpty(sealedKey))
        {
            return null;
        }

        try
        {
            return Protector(user).Unprotect(sealedKey);
        }
        catch (CryptographicException)
        {
            // Expired, or not ours: the page shows a fresh secret.
            return null;
        }
    }

    // Bound to the practice and the user: a sealed secret cannot be replayed into another account.
    private ITimeLimitedDataProtector Protector(PortalUser user)
        => protection.CreateProtector("Portal.Identity.AuthenticatorEnrolment", tenantContext.Tenant.Name, user.Id.ToString()).ToTimeLimitedDataProtector();

    private static string FormatKey(string key)
        => string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();
}

public sealed record AuthenticatorEnrolment(string SharedKey, string Uri, string QrCodeDataUri, string SealedKey);

/// <summary>The recovery codes when 2FA was turned on, or why it was not.</summary>
public sealed record EnableResult(IReadOnlyList<string>? RecoveryCodes, string? Problem)
{
    public static readonly EnableResult WrongCode = new(null, "That code is not right. Check the time on your phone and enter the code the app shows now.");

    public static readonly EnableResult Expired = new(null, "This set-up page was open too long. Scan the new code below with your app, then enter the code it shows.");
}
