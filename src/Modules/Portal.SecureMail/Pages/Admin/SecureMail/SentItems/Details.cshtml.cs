using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.SecureMail.Services;

namespace Portal.SecureMail.Pages.Admin.SecureMail.SentItems;

/// <summary>
/// One sent item: its fields, status history, unlock attempts, the recipient's replies and its files,
/// with resend, revoke and re-open. Seeing needs Send; acting needs Manage, or being its sender; resending
/// a payment request also needs Billing's TakePayments (staff who may not ask for money cannot send the request again).
/// </summary>
[RequirePermission(Permissions.SendName)]
public sealed class SentItemDetailsModel(
    Services.SentItems sentItems,
    SecureMessageSender sender,
    SecureMessageControls controls,
    ICurrentActor actor,
    IAuthorizationService authorization) : PageModel
{
    public SentItemDetails Details { get; private set; } = null!;

    /// <summary>The user may resend, revoke and re-open this item (Manage, or they sent it).</summary>
    public bool MayControl { get; private set; }

    /// <summary>The user may ask for money (Billing's TakePayments): needed to resend a payment request.</summary>
    public bool MayTakePayments { get; private set; }

    public bool MayResend => MayControl && (!Details.Item.Message.IsPaymentRequest || MayTakePayments);

    public async Task<IActionResult> OnGetAsync(Guid id)
        => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayResend)
        {
            return Forbid();
        }

        var result = await sender.ResendAsync(id, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            TempData[TempDataKeys.Error] = result.Problems[0].Message;
        }
        else if (result.Message!.FailedAt is not null)
        {
            TempData[TempDataKeys.Error] = "The e-mail could not be queued, so nothing was sent: see the Outbox, then try again.";
        }
        else
        {
            TempData[TempDataKeys.Status] = $"Sent again to {result.Message.RecipientEmail} with a new link. The link in the earlier e-mail no longer works.";
        }

        return RedirectToPage(SentItemsPages.Details, new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayControl)
        {
            return Forbid();
        }

        if (await controls.RevokeAsync(id, HttpContext.RequestAborted))
        {
            TempData[TempDataKeys.Status] = "Revoked: the link no longer opens the message or its files. Copy it as new to send it again.";
        }
        else
        {
            TempData[TempDataKeys.Error] = "It was already revoked.";
        }

        return RedirectToPage(SentItemsPages.Details, new { id });
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayControl)
        {
            return Forbid();
        }

        if (await controls.ReopenAsync(id, HttpContext.RequestAborted))
        {
            TempData[TempDataKeys.Status] = $"Re-opened: the recipient may try the password again ({Models.SecureMessage.MaxFailedAttempts} tries).";
        }
        else
        {
            TempData[TempDataKeys.Error] = "It is not locked (or it was revoked), so there is nothing to re-open.";
        }

        return RedirectToPage(SentItemsPages.Details, new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await sentItems.FindAsync(id, HttpContext.RequestAborted) is not { } details)
        {
            return false;
        }

        Details = details;
        MayControl = details.Item.Message.SenderId == actor.Actor.UserId || await HasAsync(Permissions.ManageName);
        MayTakePayments = await HasAsync(Permissions.PaymentRequestName);
        return true;
    }

    private async Task<bool> HasAsync(string permission)
        => (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + permission)).Succeeded;
}
