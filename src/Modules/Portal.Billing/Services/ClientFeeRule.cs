using Portal.Billing.Models;
using Portal.Core.Contracts;
using Portal.Core.Settings;

namespace Portal.Billing.Services;

/// <summary>
/// The fee pass-through as the Pay flow asks it: the practice's setting and fee schedule, and the province
/// of the invoice's client from the client directory (Clients owns it), through <see cref="FeeCalculator"/>.
/// </summary>
public sealed class ClientFeeRule(SiteSettingsStore settings, IClientDirectory clients)
{
    /// <summary>The fee on paying <paramref name="amount"/> of <paramref name="invoice"/> (its balance when null).</summary>
    public async Task<ClientFee> ForInvoiceAsync(Invoice invoice, long? amount = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return await ForClientAsync(invoice.ClientId, amount ?? invoice.Balance, cancellationToken);
    }

    public async Task<ClientFee> ForClientAsync(Guid clientId, long amount, CancellationToken cancellationToken = default)
    {
        var payment = await settings.GetAsync<PaymentSettings>(cancellationToken);
        var province = (await clients.FindAsync(clientId, cancellationToken))?.Province;
        var schedule = payment.FeeSchedule;
        var exempt = province is not null && schedule.NoFeeProvinces.Contains(province, StringComparer.OrdinalIgnoreCase);
        if (!payment.PassFeeToClient || amount <= 0)
        {
            return new ClientFee(0, false, exempt, province);
        }

        return new ClientFee(FeeCalculator.Fee(amount, schedule, province), true, exempt, province);
    }
}
