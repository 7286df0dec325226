using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Links;
using Portal.Identity.Services;

namespace Portal.Identity.Pages.Account;

/// <summary>
/// Confirms a new e-mail address. Confirmation is a POST (a button), so a mail scanner that opens
/// the link does not confirm it by itself.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(IOneTimeLinks links, EmailChanges emailChanges) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? NewEmail { get; private set; }

    public string? Problem { get; private set; }

    public bool Confirmed { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task OnPostAsync()
    {
        var token = await LoadAsync();
        if (token is null)
        {
            return;
        }

        Problem = await emailChanges.ConfirmAsync(token, HttpContext.RequestAborted);
        Confirmed = Problem is null;
    }

    private async Task<OneTimeLink?> LoadAsync()
    {
        var check = await links.CheckAsync(AccountLinkPurposes.ConfirmEmailChange, Token);
        if (check.Status != OneTimeLinkStatus.Valid)
        {
            Response.StatusCode = check.Status == OneTimeLinkStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
            Problem = check.Status switch
            {
                OneTimeLinkStatus.Used => "This address has already been confirmed.",
                OneTimeLinkStatus.Expired => "This link has expired. Ask the practice to change your address again.",
                _ => "This link is not valid. Copy the whole address from the e-mail.",
            };
            return null;
        }

        NewEmail = check.Link!.Data;
        return check.Link;
    }
}
