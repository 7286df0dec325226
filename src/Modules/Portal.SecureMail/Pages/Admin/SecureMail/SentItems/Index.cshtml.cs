using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;

namespace Portal.SecureMail.Pages.Admin.SecureMail.SentItems;

/// <summary>Every secure e-mail and payment request sent from the practice, newest first, filtered by status and kind and searched by recipient or invoice number.</summary>
[RequirePermission(Permissions.SendName)]
public sealed class SentItemsModel(Services.SentItems sentItems) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SecureMessageStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public SecureMessageKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    [StringLength(SentItemFilter.SearchMaxLength, ErrorMessage = "Search for at most 320 characters.")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public SentItemFilter Filter { get; private set; } = new();

    public SentItemsPage Items { get; private set; } = new([], null);

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ModelState.IsValid)
        {
            // A status or kind that is not one of ours, or an over-long search, comes from a hand-made address: say so, list nothing.
            Problem = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key switch
            {
                nameof(Status) => "Choose a status from the list.",
                nameof(Kind) => "Choose a kind from the list.",
                _ => e.Value!.Errors[0].ErrorMessage,
            }).First();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Filter = new SentItemFilter(Status, Kind, Search);
        Items = await sentItems.PageAsync(Filter, After, HttpContext.RequestAborted);
        return Page();
    }
}
