namespace Portal.Reports.Models;

/// <summary>The sums of one currency's rows; a report has one per currency, in currency order.</summary>
public sealed record CurrencyTotal(string Currency, int Count, long Gross, long Fee)
{
    public long Net => Gross - Fee;
}

/// <summary>Adds rows up as they stream past: memory grows with the number of currencies, not rows.</summary>
public sealed class PaymentReportTotals
{
    private readonly SortedDictionary<string, CurrencyTotal> _byCurrency = new(StringComparer.Ordinal);

    public void Add(PaymentReportRow row)
    {
        var current = _byCurrency.TryGetValue(row.Currency, out var total) ? total : new CurrencyTotal(row.Currency, 0, 0, 0);
        _byCurrency[row.Currency] = current with { Count = current.Count + 1, Gross = current.Gross + row.Gross, Fee = current.Fee + row.Fee };
    }

    public IReadOnlyList<CurrencyTotal> ByCurrency => [.. _byCurrency.Values];
}
