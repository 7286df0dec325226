using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Links;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>
/// A page behind a one-time e-mailed link where the user chooses a password (an invitation or a
/// reset). The link is checked on every request, so a form opened in time but saved after the link
/// expired or was used elsewhere sets nothing.
/// </summary>
public abstract class PasswordLinkPageModel(IOneTimeLinks links, UserManager<PortalUser> users, UserAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string ConfirmPassword { get; set; } = "";

    public string Email { get; private set; } = "";

    public int MinimumLength { get; private set; } = PortalPasswordValidator.ClientMinimumLength;

    public string? LinkProblemTitle { get; private set; }

    public string? LinkProblem { get; private set; }

    public List<string> Errors { get; } = [];

    protected abstract string Purpose { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (link, user) = await LoadAsync();
        if (link is null || user is null)
        {
            return Page();
        }

        if (Password != ConfirmPassword)
        {
            Errors.Add("The two passwords are not the same.");
            return Page();
        }

        foreach (var validator in users.PasswordValidators)
        {
            Errors.AddRange((await validator.ValidateAsync(users, user, Password)).Errors.Select(e => e.Description));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        // Redeemed before the password changes: of two submissions racing with one link, one wins.
        if (!await links.RedeemAsync(link.Id))
        {
            SetProblem(OneTimeLinkStatus.Used);
            return Page();
        }

        user.MustChangePassword = false;
        BeforePasswordSaved(user);
        var result = await accounts.ReplacePasswordAsync(user, Password, endSessions: true, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }

        return await PasswordSavedAsync(user);
    }

    /// <summary>The heading and the explanation shown for a link that cannot be used.</summary>
    protected abstract (string Title, string Text) Describe(OneTimeLinkStatus problem);

    /// <summary>Changes to the user saved together with the new password.</summary>
    protected virtual void BeforePasswordSaved(PortalUser user)
    {
    }

    /// <summary>Where the user goes once the password is saved (and every earlier session ended).</summary>
    protected abstract Task<IActionResult> PasswordSavedAsync(PortalUser user);

    private async Task<(OneTimeLink? Link, PortalUser? User)> LoadAsync()
    {
        var check = await links.CheckAsync(Purpose, Token);
        if (check.Status != OneTimeLinkStatus.Valid)
        {
            SetProblem(check.Status);
            return (null, null);
        }

        var user = await users.FindByIdAsync(check.Link!.SubjectId.ToString());
        if (user is null || user.IsDisabled)
        {
            SetProblem(OneTimeLinkStatus.Invalid);
            return (null, null);
        }

        Email = user.Email ?? "";
        MinimumLength = PortalPasswordValidator.MinimumLengthFor(user.Kind);
        return (check.Link, user);
    }

    private void SetProblem(OneTimeLinkStatus status)
    {
        Response.StatusCode = status == OneTimeLinkStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
        (LinkProblemTitle, LinkProblem) = Describe(status);
    }
}
