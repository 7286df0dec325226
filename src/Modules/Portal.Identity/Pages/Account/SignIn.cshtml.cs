using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

    public const string MissingMessage = "Enter your e-mail address and your password.";

    [BindProperty]
    [Required]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>
    /// <paramref name="email"/> and <paramref name="problem"/> come from the login widget on the
    /// practice's website: the address typed there (never the password) and which of the fixed
    /// messages to show, so the person tries again here.
    /// </summary>
    public void OnGet([FromQuery(Name = WidgetSignIn.EmailParameter)] string? email, [FromQuery(Name = WidgetSignIn.ProblemParameter)] string? problem)
    {
        if (email is { Length: > 0 and <= 320 })
        {
            Email = email.Trim();
        }

        Error = problem switch
        {
            WidgetSignIn.FailedProblem => FailureMessage,
            WidgetSignIn.ThrottledProblem => ThrottledMessage,
            WidgetSignIn.MissingProblem => MissingMessage,
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAsync([FromServices] PasswordSignIn passwords, [FromServices] SignInFlow flow)
    {
        var outcome = await passwords.CheckAsync(HttpContext, Email, Password);
        switch (outcome.Result)
        {
            case PasswordSignInResult.Missing:
                Error = MissingMessage;
                return Page();
            case PasswordSignInResult.Throttled:
                Error = ThrottledMessage;
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            case PasswordSignInResult.Failed:
                Error = FailureMessage;
                return Page();
            case PasswordSignInResult.RequiresTwoFactor:
                return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl });
            default:
                return LocalRedirect(await flow.CompleteAsync(HttpContext, outcome.User!, ReturnUrl, Url, usedSecondFactor: false));
        }
    }
}
