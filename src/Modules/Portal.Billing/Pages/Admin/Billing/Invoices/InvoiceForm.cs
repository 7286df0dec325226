using System.Globalization;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Errors;

namespace Portal.Billing.Pages.Admin.Billing.Invoices;

/// <summary>
/// The new-invoice form as typed: amounts stay text until read (<see cref="Money"/>), so a bad one is
/// reported at its field. Blank line rows are ignored; a tax row with neither rate nor amount is not applied.
/// </summary>
public sealed class InvoiceForm
{
    public const int StartingLines = 3;

    private List<int> _lineRows = [];
    private List<int> _taxRows = [];

    public Guid? ClientId { get; set; }

    /// <summary>The client by external ID or name, when the form was not opened from a client.</summary>
    public string? Client { get; set; }

    public string? Number { get; set; }

    public string? ExternalId { get; set; }

    public DateOnly? IssueDate { get; set; }

    public DateOnly? DueDate { get; set; }

    public string? Currency { get; set; }

    /// <summary>A PDF of the invoice among the client's documents.</summary>
    public Guid? DocumentId { get; set; }

    public List<LineRow> Lines { get; set; } = [];

    public List<TaxRow> Taxes { get; set; } = [];

    /// <summary>Fills in the rows the form shows: the typed ones, then blank ones up to <paramref name="lineRows"/>, and one row per tax kind.</summary>
    public void PadRows(int lineRows)
    {
        while (Lines.Count < lineRows)
        {
            Lines.Add(new LineRow());
        }

        foreach (var kind in Enum.GetValues<TaxKind>())
        {
            if (Taxes.All(t => t.Kind != kind))
            {
                Taxes.Add(new TaxRow { Kind = kind });
            }
        }

        Taxes = [.. Taxes.OrderBy(t => t.Kind)];
    }

    /// <summary>The draft, or the errors of the fields that could not be read (at their rows).</summary>
    public (InvoiceDraft? Draft, List<PortalError> Errors) ToDraft(Guid clientId)
    {
        var errors = new List<PortalError>();
        var lines = new List<InvoiceLineDraft>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var row = Lines[i];
            if (row.IsBlank)
            {
                continue;
            }

            if (!decimal.TryParse(string.IsNullOrWhiteSpace(row.Quantity) ? "1" : row.Quantity.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0 || decimal.Round(quantity, 3) != quantity)
            {
                errors.Add(BillingErrors.LineQuantityInvalid(i));
            }

            if (!Money.TryParse(row.UnitAmount, out var unit, out var problem))
            {
                errors.Add(BillingErrors.AmountInvalid($"Lines[{i}].UnitAmount", problem!));
            }

            lines.Add(new InvoiceLineDraft(row.Description ?? "", quantity, unit));
        }

        var taxes = new List<TaxDraftRow>();
        for (var i = 0; i < Taxes.Count; i++)
        {
            var row = Taxes[i];
            if (string.IsNullOrWhiteSpace(row.Rate) && string.IsNullOrWhiteSpace(row.Amount))
            {
                continue;
            }

            decimal? rate = null;
            if (!string.IsNullOrWhiteSpace(row.Rate))
            {
                if (decimal.TryParse(row.Rate.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r))
                {
                    rate = r;
                }
                else
                {
                    errors.Add(BillingErrors.TaxRateInvalid(i));
                }
            }

            long? amount = null;
            if (!string.IsNullOrWhiteSpace(row.Amount))
            {
                if (Money.TryParse(row.Amount, out var a, out var problem))
                {
                    amount = a;
                }
                else
                {
                    errors.Add(BillingErrors.AmountInvalid($"Taxes[{i}].Amount", problem!));
                }
            }

            taxes.Add(new TaxDraftRow(i, new InvoiceTaxDraft(row.Kind, rate, amount)));
        }

        if (IssueDate is null)
        {
            errors.Add(new PortalError("invoice-issue-date-required", ErrorKind.Invalid, "Enter the issue date.", nameof(IssueDate)));
        }

        if (DueDate is null)
        {
            errors.Add(new PortalError("invoice-due-date-required", ErrorKind.Invalid, "Enter the due date.", nameof(DueDate)));
        }

        var draft = new InvoiceDraft(clientId, Number ?? "", IssueDate ?? default, DueDate ?? default, Currency, lines, [.. taxes.Select(t => t.Tax)])
        {
            ExternalId = ExternalId,
            DocumentId = DocumentId,
        };
        _lineRows = [.. Lines.Select((l, i) => (l, i)).Where(x => !x.l.IsBlank).Select(x => x.i)];
        _taxRows = [.. taxes.Select(t => t.Row)];
        return (draft, errors);
    }

    /// <summary>The service numbers lines and taxes among those given; the form's rows include blank ones, so its errors move to the row they came from.</summary>
    public PortalError Retarget(PortalError error)
    {
        if (error.Field is not { } field)
        {
            return error;
        }

        foreach (var (prefix, rows) in new[] { ("Lines[", _lineRows), ("Taxes[", _taxRows) })
        {
            if (field.StartsWith(prefix, StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is > 0 and var end
                && int.TryParse(field[prefix.Length..end], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < rows.Count)
            {
                return new PortalError(error.Code, error.Kind, error.Message, $"{prefix}{rows[index]}{field[end..]}");
            }
        }

        return error;
    }

    private sealed record TaxDraftRow(int Row, InvoiceTaxDraft Tax);

    public sealed class LineRow
    {
        public string? Description { get; set; }

        public string? Quantity { get; set; }

        public string? UnitAmount { get; set; }

        internal bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(UnitAmount) && string.IsNullOrWhiteSpace(Quantity);
    }

    public sealed class TaxRow
    {
        public TaxKind Kind { get; set; }

        public string? Rate { get; set; }

        public string? Amount { get; set; }
    }
}
