using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Portal.Web.HostAdmin;

/// <summary>Signs platform operators in and out of the host admin (own cookie scheme, validated on every request).</summary>
public sealed class OperatorSignIn(UserManager<PlatformOperator> operators, IHttpContextAccessor accessor)
{
    public async Task<bool> SignInAsync(string email, string password)
    {
        var account = await operators.FindByEmailAsync(email.Trim());
        if (account is null)
        {
            // Same cost as a real check: no timing difference between known and unknown addresses.
            _dummyHash ??= operators.PasswordHasher.HashPassword(new PlatformOperator(), Guid.NewGuid().ToString());
            operators.PasswordHasher.VerifyHashedPassword(new PlatformOperator(), _dummyHash, password);
            return false;
        }

        if (await operators.IsLockedOutAsync(account))
        {
            return false;
        }

        if (!await operators.CheckPasswordAsync(account, password))
        {
            await operators.AccessFailedAsync(account);
            return false;
        }

        await operators.ResetAccessFailedCountAsync(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
                new Claim(ClaimTypes.Name, account.DisplayName),
                new Claim(ClaimTypes.Email, account.Email ?? ""),
                new Claim(HostAdminDefaults.OperatorClaim, "true"),
                new Claim(HostAdminDefaults.StampClaim, account.SecurityStamp ?? ""),
            ],
            HostAdminDefaults.Scheme);
        await accessor.HttpContext!.SignInAsync(HostAdminDefaults.Scheme, new ClaimsPrincipal(identity));
        return true;
    }

    public Task SignOutAsync() => accessor.HttpContext!.SignOutAsync(HostAdminDefaults.Scheme);

    /// <summary>A session ends when the operator's security stamp changes (password change, removal).</summary>
    public static async Task ValidateAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var operators = context.HttpContext.RequestServices.GetRequiredService<UserManager<PlatformOperator>>();
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = id is null ? null : await operators.FindByIdAsync(id);
        if (account is null || account.SecurityStamp != context.Principal!.FindFirstValue(HostAdminDefaults.StampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(HostAdminDefaults.Scheme);
        }
    }

    private static string? _dummyHash;
}
