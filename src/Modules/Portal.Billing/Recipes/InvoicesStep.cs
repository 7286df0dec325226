using Microsoft.EntityFrameworkCore;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Recipes;

namespace Portal.Billing.Recipes;

/// <summary>
/// <c>{ "name": "invoices", "invoices": [ { "client": "external id or name", "number", "issueDate": "2026-11-01", "dueDate", "currency"?,
/// "lines": [ { "description", "quantity", "unitAmount": 450.00 } ], "taxes": [ { "kind": "Hst", "rate"?: 13, "amount"?: 58.50 } ],
/// "payment"?: { "amount", "method": "ETransfer", "receivedOn", "reference"? } } ] }</c>. Amounts are dollars and cents.
/// Invoices are matched by number, so a second run adds nothing; they go through the same checks as the admin form.
/// </summary>
internal sealed class InvoicesStep(BillingDbContext db, InvoiceBook invoices, PaymentLedger payments, IClientDirectory clients)
    : RecipeStep<InvoicesStep.Model>
{
    public override string Name => "invoices";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        for (var i = 0; i < model.Invoices.Count; i++)
        {
            var entry = model.Invoices[i];
            var field = $"invoices[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Client))
            {
                yield return ($"{field}.client", "is required: give the client's external ID or name.");
            }

            if (string.IsNullOrWhiteSpace(entry.Number))
            {
                yield return ($"{field}.number", "is required.");
            }

            for (var j = 0; j < entry.Lines.Count; j++)
            {
                if (!IsCents(entry.Lines[j].UnitAmount))
                {
                    yield return ($"{field}.lines[{j}].unitAmount", "must be more than zero with at most two decimals.");
                }
            }

            for (var j = 0; j < entry.Taxes.Count; j++)
            {
                if (entry.Taxes[j].Amount is { } amount && !IsCents(amount))
                {
                    yield return ($"{field}.taxes[{j}].amount", "must be more than zero with at most two decimals.");
                }
            }

            if (entry.Payment is { } payment && !IsCents(payment.Amount))
            {
                yield return ($"{field}.payment.amount", "must be more than zero with at most two decimals.");
            }
        }
    }

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < model.Invoices.Count; i++)
        {
            var entry = model.Invoices[i];
            var field = $"invoices[{i}]";
            var client = await clients.FindByReferenceAsync(entry.Client, cancellationToken)
                ?? throw new RecipeStepException($"{field}.client", $"no client has the external ID or name '{entry.Client}'.");
            var normalized = entry.Number.Trim().ToUpperInvariant();
            if (await db.Invoices.AnyAsync(x => x.NormalizedNumber == normalized, cancellationToken))
            {
                continue;
            }

            var draft = new InvoiceDraft(
                client.Id,
                entry.Number,
                entry.IssueDate,
                entry.DueDate,
                entry.Currency,
                [.. entry.Lines.Select(l => new InvoiceLineDraft(l.Description, l.Quantity, Cents(l.UnitAmount)))],
                [.. entry.Taxes.Select(t => new InvoiceTaxDraft(t.Kind, t.Rate, t.Amount is { } a ? Cents(a) : null))]);
            var saved = await invoices.SaveAsync(draft, cancellationToken);
            if (!saved.Succeeded)
            {
                throw new RecipeStepException(field, saved.Errors[0].Message);
            }

            if (entry.Payment is { } payment)
            {
                var paid = await payments.RecordOfflineAsync(
                    new OfflinePaymentDraft(client.Id, payment.Method, payment.ReceivedOn, payment.Reference, Cents(payment.Amount), saved.Value!.Currency, [new AllocationDraft(saved.Value.Id, Cents(payment.Amount))]),
                    cancellationToken);
                if (!paid.Succeeded)
                {
                    throw new RecipeStepException($"{field}.payment", paid.Errors[0].Message);
                }
            }
        }
    }

    private static bool IsCents(decimal amount) => amount > 0 && decimal.Round(amount, 2) == amount;

    private static long Cents(decimal amount) => (long)(amount * 100m);

    public sealed class Model
    {
        public List<InvoiceEntry> Invoices { get; set; } = [];
    }

    public sealed class InvoiceEntry
    {
        public string Client { get; set; } = "";

        public string Number { get; set; } = "";

        public DateOnly IssueDate { get; set; }

        public DateOnly DueDate { get; set; }

        public string? Currency { get; set; }

        public List<LineEntry> Lines { get; set; } = [];

        public List<TaxEntry> Taxes { get; set; } = [];

        public PaymentEntry? Payment { get; set; }
    }

    public sealed class LineEntry
    {
        public string Description { get; set; } = "";

        public decimal Quantity { get; set; } = 1;

        public decimal UnitAmount { get; set; }
    }

    public sealed class TaxEntry
    {
        public TaxKind Kind { get; set; }

        public decimal? Rate { get; set; }

        public decimal? Amount { get; set; }
    }

    public sealed class PaymentEntry
    {
        public decimal Amount { get; set; }

        public PaymentMethod Method { get; set; } = PaymentMethod.ETransfer;

        public DateOnly ReceivedOn { get; set; }

        public string? Reference { get; set; }
    }
}
