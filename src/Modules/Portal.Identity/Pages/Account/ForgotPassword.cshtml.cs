using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>Same answer, same status for every address, known or not (no account enumeration).</summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(PasswordResets resets, SignInThrottling throttling) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Email?.Trim() ?? "";
        if (!MailAddress.TryCreate(email, out _))
        {
            Error = "Enter the e-mail address you sign in with.";
            return Page();
        }

        // Requests count like failed sign-ins, so the form cannot be used to flood an inbox.
        var ip = SignInFlow.ClientIp(HttpContext);
        if (await throttling.IsBlockedAsync(email, ip, null, HttpContext.RequestAborted))
        {
            Error = SignInModel.ThrottledMessage;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        await throttling.RecordFailureAsync(email, ip, null, HttpContext.RequestAborted);
        await resets.RequestAsync(email, HttpContext.RequestAborted);
        Sent = true;
        return Page();
    }
}
