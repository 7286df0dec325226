using Portal.Billing.Models;

namespace Portal.Billing.Pages.Shared;

/// <summary>What the invoice body shows, to staff and to the client alike.</summary>
public sealed record InvoiceView(Invoice Invoice, IReadOnlyList<InvoiceLine> Lines, IReadOnlyList<InvoiceTax> Taxes, IReadOnlyList<(Payment Payment, long Amount)> Payments);
