using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Identity.Models;

namespace Portal.Identity.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    /// <summary>Same words whether the address is unknown, the password wrong or the user disabled.</summary>
    public const string FailureMessage = "That e-mail address and password do not match an account. Check them and try again.";

    [BindProperty]
    [Required]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your e-mail address and your password.";
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            // Spend the same time as a real check so response times do not reveal which addresses exist.
            users.PasswordHasher.VerifyHashedPassword(new PortalUser(), DummyHash(users), Password);
            Error = FailureMessage;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            Error = FailureMessage;
            return Page();
        }

        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        return LocalRedirect(user.Kind == UserKind.Staff ? "~/admin" : "~/");
    }

    private static string? _dummyHash;

    /// <summary>A hash made with the configured hasher, so checking it costs what a real check costs.</summary>
    private static string DummyHash(UserManager<PortalUser> users)
        => _dummyHash ??= users.PasswordHasher.HashPassword(new PortalUser(), "not-a-real-password-" + Guid.NewGuid());
}
