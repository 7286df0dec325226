using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Billing.Pages.Admin.Billing.Payments;

/// <summary>
/// One payment: what it paid, its refunds and, for an online payment and staff at the Full payment level,
/// the refund form. Seeing needs the View level; refunding checks Full again on the POST.
/// </summary>
[RequirePermission(Permissions.ViewPaymentsName)]
public sealed class PaymentDetailsModel(
    PaymentLedger ledger,
    RefundBook refunds,
    PaymentRefunds refunder,
    IClientDirectory clients,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public RefundForm Input { get; set; } = new();

    public Payment Payment { get; private set; } = null!;

    public string ClientName { get; private set; } = "";

    public IReadOnlyList<(Invoice Invoice, long Amount)> Allocations { get; private set; } = [];

    public IReadOnlyList<Refund> Refunds { get; private set; } = [];

    /// <summary>Why the payment cannot be refunded here (offline, nothing left); null: it can.</summary>
    public PortalError? NotRefundable { get; private set; }

    /// <summary>The user holds the Full payment level (refunds).</summary>
    public bool MayRefund { get; private set; }

    public bool CanRefund => MayRefund && NotRefundable is null;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new RefundForm { Attempt = Guid.NewGuid(), Amount = Money.ToInput(PaymentRefunds.Left(Payment)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayRefund)
        {
            return Forbid();
        }

        if (NotRefundable is { } refusal)
        {
            Problem = refusal.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        ModelState.Clear();
        var attempt = Input.Attempt == Guid.Empty ? Guid.NewGuid() : Input.Attempt;
        var result = await refunder.RefundAsync(new RefundRequest(id, attempt, Input.Amount, Input.Reason, Input.Note), HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            TempData[TempDataKeys.Status] = $"Refunded {Money.Format(result.Value!.Amount, result.Value.Currency)}.";
            return RedirectToPage("/Admin/Billing/Payments/Details", new { id });
        }

        var first = result.Errors[0];
        if (first.Field is null)
        {
            Problem = first.Message;
        }
        else
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddPortalError(error);
            }
        }

        Response.StatusCode = first == ConnectErrors.StripeDidNotAnswer ? StatusCodes.Status503ServiceUnavailable
            : first.Kind == ErrorKind.Invalid ? StatusCodes.Status422UnprocessableEntity
            : StatusCodes.Status409Conflict;
        Input.Attempt = attempt;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await ledger.FindAsync(id, cancellationToken) is not { } payment)
        {
            return false;
        }

        Payment = payment;
        ClientName = (await clients.FindAsync(payment.ClientId, cancellationToken))?.Name ?? "(removed client)";
        Allocations = await refunds.AllocationsAsync(id, cancellationToken);
        Refunds = await refunds.ForPaymentAsync(id, cancellationToken);
        NotRefundable = PaymentRefunds.CheckRefundable(payment);
        MayRefund = (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.Prefix + Permissions.ManagePaymentsName)).Succeeded;
        return true;
    }

    public sealed class RefundForm
    {
        public Guid Attempt { get; set; }

        public string? Amount { get; set; }

        public RefundReason? Reason { get; set; }

        public string? Note { get; set; }
    }
}
