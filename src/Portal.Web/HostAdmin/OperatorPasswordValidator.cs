using Microsoft.AspNetCore.Identity;
using Portal.Identity.Services;

namespace Portal.Web.HostAdmin;

/// <summary>Operators hold the keys to every practice: at least 12 characters and not a common password.</summary>
public sealed class OperatorPasswordValidator : IPasswordValidator<PlatformOperator>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PlatformOperator> manager, PlatformOperator user, string? password)
    {
        if (password is null || password.Length < PortalPasswordValidator.StaffMinimumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooShort", Description = "Use at least 12 characters." }));
        }

        return Task.FromResult(CommonPasswords.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordCommon", Description = "This password is too common. Choose another." })
            : IdentityResult.Success);
    }
}
