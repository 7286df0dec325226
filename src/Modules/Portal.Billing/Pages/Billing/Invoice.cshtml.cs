using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Theming;

namespace Portal.Billing.Pages.Billing;

/// <summary>
/// One invoice as the client sees it, with its Pay form when the practice takes payments online; another
/// client's, another practice's or a void one is "not found".
/// </summary>
[Authorize]
[ClientSwitch(ClientSiteSwitch.Billing)]
public sealed class ClientInvoiceModel(ClientBilling billing, InvoiceBook invoices, CheckoutSessions checkout, SiteSettingsStore settings, IUserDirectory users) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;

    public IReadOnlyList<InvoiceLine> Lines { get; private set; } = [];

    public IReadOnlyList<InvoiceTax> Taxes { get; private set; } = [];

    public IReadOnlyList<(Payment Payment, long Amount)> Payments { get; private set; } = [];

    /// <summary>The invoice's PDF: its name and the Documents download's address (which checks access itself).</summary>
    public (string Name, string Path)? Pdf { get; private set; }

    /// <summary>Paying the balance online (amount, fee, total); null when the invoice cannot be paid online now.</summary>
    public PayQuote? Offer { get; private set; }

    public PaymentSettings PaymentSettings { get; private set; } = new();

    [BindProperty]
    public PayForm Pay { get; set; } = new();

    /// <summary>Why the Pay did not start when it is not about the amount (Stripe not answering).</summary>
    public string? PayProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (User.IsStaffUser())
        {
            return RedirectToPage("/Admin/Billing/Invoices/Details", new { id });
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Pay.Amount = Offer is { } offer ? Money.ToInput(offer.Amount) : null;
        return Page();
    }

    /// <summary>Pay: checks the amount, then sends the browser to Stripe's hosted page (303) for the one open session of the invoice.</summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (User.IsStaffUser() || User.IdOf() is not { } userId || !await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Clear();
        var email = (await users.FindAsync(userId, cancellationToken))?.Email;
        var started = await checkout.StartAsync(Invoice, Pay.Amount, new CheckoutPayer(userId, email), CheckoutPages.For(Url, Request, id), cancellationToken);
        if (started.Succeeded)
        {
            // 303: the browser GETs Stripe's page (or the success page) whatever method brought it here.
            Response.Headers.Location = started.Value!;
            return StatusCode(StatusCodes.Status303SeeOther);
        }

        var error = started.Errors[0];
        if (error == CheckoutErrors.StripeDidNotAnswer || error == CheckoutErrors.StripeRefused || error == CheckoutErrors.Unavailable)
        {
            PayProblem = error.Message;
            Response.StatusCode = error == CheckoutErrors.StripeDidNotAnswer ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status409Conflict;
        }
        else
        {
            foreach (var problem in started.Errors)
            {
                ModelState.AddPortalError(problem.Field is null ? new PortalError(problem.Code, problem.Kind, problem.Message, nameof(PayForm.Amount)) : problem, nameof(Pay));
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await billing.InvoiceAsync(User, id, cancellationToken) is not { } invoice)
        {
            return false;
        }

        Invoice = invoice;
        (Lines, Taxes) = await invoices.DetailsAsync(id, cancellationToken);
        Payments = await billing.AllocationsAsync(id, cancellationToken);
        Pdf = await invoices.PdfLinkAsync(HttpContext, Invoice, cancellationToken);

        PaymentSettings = await settings.GetAsync<PaymentSettings>(cancellationToken);
        Offer = await checkout.OfferAsync(Invoice, cancellationToken);
        if (Offer is not null)
        {
            // Pay answers with a redirect to Stripe's page, which browsers hold to this page's form-action.
            Response.Headers.ContentSecurityPolicy = SecurityHeadersMiddleware.AllowingFormsTo(checkout.CheckoutOrigin);
        }

        return true;
    }
}
