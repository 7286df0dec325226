using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

[AllowAnonymous]
// The sign-in services are taken by the POST handler only: showing the form (the page most often
// requested anonymously) then builds no user store or database context.
public sealed class SignInModel : PageModel
{
    /// <summary>Same words whether the address is unknown, the password wrong or the user disabled.</summary>
    public const string FailureMessage = "That e-mail address and password do not match an account. Check them and try again.";

    /// <summary>Same words for every address (existing or not), so throttling reveals nothing either.</summary>
    public const string ThrottledMessage = "Too many unsuccessful attempts. Wait 15 minutes, or sign in from a browser you have used before.";

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

    public async Task<IActionResult> OnPostAsync([FromServices] SignInManager<PortalUser> signIn, [FromServices] UserManager<PortalUser> users, [FromServices] SignInFlow flow)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your e-mail address and your password.";
            return Page();
        }

        var email = Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (await flow.IsThrottledAsync(HttpContext, email, user))
        {
            Error = ThrottledMessage;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (user is null)
        {
            // Spend the same time as a real check so response times do not reveal which addresses exist.
            users.PasswordHasher.VerifyHashedPassword(new PortalUser(), DummyHash(users), Password);
            await flow.RecordFailureAsync(HttpContext, email, null, "unknown address");
            Error = FailureMessage;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl });
        }

        if (!result.Succeeded)
        {
            await flow.RecordFailureAsync(HttpContext, email, user, user.IsDisabled ? "disabled user" : "wrong password");
            Error = FailureMessage;
            return Page();
        }

        return LocalRedirect(await flow.CompleteAsync(HttpContext, user, ReturnUrl, Url, usedSecondFactor: false));
    }

    private static string? _dummyHash;

    /// <summary>A hash made with the configured hasher, so checking it costs what a real check costs.</summary>
    private static string DummyHash(UserManager<PortalUser> users)
        => _dummyHash ??= users.PasswordHasher.HashPassword(new PortalUser(), "not-a-real-password-" + Guid.NewGuid());
}
