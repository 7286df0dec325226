using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>How a password step ended.</summary>
public enum PasswordSignInResult
{
    /// <summary>The e-mail address or the password was left empty.</summary>
    Missing,

    /// <summary>Too many failures: nothing was checked.</summary>
    Throttled,

    /// <summary>Unknown address, wrong password or disabled user (the same answer for all three).</summary>
    Failed,

    /// <summary>The password was right; the second-factor cookie is set for the code step.</summary>
    RequiresTwoFactor,

    /// <summary>The password was right and no second factor is needed; not yet signed in (see <see cref="SignInFlow.CompleteAsync"/>).</summary>
    Succeeded,
}

/// <summary>What the password step found, and for whom.</summary>
public sealed record PasswordSignInOutcome(PasswordSignInResult Result, PortalUser? User);

/// <summary>
/// The password step of signing in, the same for the sign-in page and the login widget: throttling
/// first, then Identity's password check; failures are counted and recorded by <see cref="SignInFlow"/>,
/// so the widget cannot be used to guess faster than the page.
/// </summary>
public sealed class PasswordSignIn(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, SignInFlow flow)
{
    private static string? _dummyHash;

    public async Task<PasswordSignInOutcome> CheckAsync(HttpContext context, string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return new(PasswordSignInResult.Missing, null);
        }

        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (await flow.IsThrottledAsync(context, email, user))
        {
            return new(PasswordSignInResult.Throttled, user);
        }

        if (user is null)
        {
            // Spend the same time as a real check so response times do not reveal which addresses exist.
            users.PasswordHasher.VerifyHashedPassword(new PortalUser(), DummyHash(users), password);
            await flow.RecordFailureAsync(context, email, null, "unknown address");
            return new(PasswordSignInResult.Failed, null);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            return new(PasswordSignInResult.RequiresTwoFactor, user);
        }

        if (!result.Succeeded)
        {
            await flow.RecordFailureAsync(context, email, user, user.IsDisabled ? "disabled user" : "wrong password");
            return new(PasswordSignInResult.Failed, user);
        }

        return new(PasswordSignInResult.Succeeded, user);
    }

    /// <summary>A hash made with the configured hasher, so checking it costs what a real check costs.</summary>
    private static string DummyHash(UserManager<PortalUser> users)
        => _dummyHash ??= users.PasswordHasher.HashPassword(new PortalUser(), "not-a-real-password-" + Guid.NewGuid());
}
