using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Routing;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Core.Theming;
using Portal.Core.Time;

namespace Portal.Billing.Services;

/// <summary>
/// The client home's "Invoices" card (position 50, with where things stand): the invoices left to pay, how
/// much in all and how many are overdue, and the soonest due, each leading to its page; overdue ones stand
/// out. Only for those who may see invoices: Billing on, the practice's "see invoices and payments" switch
/// on, full access to the portal (<see cref="ClientBilling.ClientsAsync"/>).
/// </summary>
internal sealed class InvoicesHomeCard(TenantContext tenantContext, SiteSettingsStore settings, ClientBilling billing, IPracticeClock clock, LinkGenerator links) : IClientDashboardCardProvider
{
    public const int Position = 50;
    public const int MaxLines = 5;

    public async Task<IReadOnlyList<ClientDashboardCard>> GetCardsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!tenantContext.Tenant.IsFeatureEnabled(Manifest.Feature)
            || !user.IsClientUser()
            || !(await settings.GetAsync<ClientSiteSwitches>(cancellationToken)).ClientBilling
            || await billing.ClientsAsync(user, cancellationToken) is not { Count: > 0 } clients)
        {
            return [];
        }

        var today = await clock.TodayAsync(cancellationToken);
        var toPay = await billing.ToPayAsync(clients, today, MaxLines, cancellationToken);
        return
        [
            new ClientDashboardCard("Invoices", Summary(toPay), ClientNav.InvoicesPath, Position)
            {
                Lines = toPay.Soonest.Select(i =>
                {
                    var (note, overdue) = DueNote(i.Balance, i.Currency, i.DueDate, today);
                    return new ClientDashboardLine($"Invoice {i.Number}", links.GetPathByPage("/Billing/Invoice", values: new { id = i.Id }) ?? ClientNav.InvoicesPath, note, overdue);
                }).ToList(),
            },
        ];
    }

    private static string Summary(InvoicesToPay toPay)
    {
        if (toPay.Count == 0)
        {
            return "Nothing to pay. Thank you!";
        }

        var amounts = string.Join(" and ", toPay.Totals.Select(t => Money.Format(t.Balance, t.Currency)));
        var invoices = toPay.Count == 1 ? "1 invoice to pay" : string.Create(CultureInfo.InvariantCulture, $"{toPay.Count} invoices to pay");
        var overdue = toPay.Overdue switch
        {
            0 => "",
            1 when toPay.Count == 1 => ", overdue",
            _ => string.Create(CultureInfo.InvariantCulture, $", {toPay.Overdue} overdue"),
        };
        return $"{invoices}: {amounts}{overdue}.";
    }

    /// <summary>"120.00 CAD due 15 Dec", "120.00 CAD due today", "120.00 CAD overdue since 1 Dec" (the last needs attention).</summary>
    public static (string Note, bool Overdue) DueNote(long balance, string currency, DateOnly due, DateOnly today)
    {
        var amount = Money.Format(balance, currency);
        var date = due.ToString(due.Year == today.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture);
        return due < today ? ($"{amount} overdue since {date}", true)
            : due == today ? ($"{amount} due today", false)
            : ($"{amount} due {date}", false);
    }
}
