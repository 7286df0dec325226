using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

/// <summary>A practice with Billing on, two clients each in a portal of their own with a full-access user, an administrator and plain staff.</summary>
public sealed record BillingScenario(
    PortalApplication App,
    TenantDescriptor Practice,
    Guid ClientId,
    Guid OtherClientId,
    PortalUser ClientUser,
    PortalUser OtherClientUser,
    PortalUser Admin,
    PortalUser Staff)
{
    public static async Task<BillingScenario> CreateAsync(PortalApplication app)
    {
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync([Portal.Billing.Manifest.Feature], default));
        practice = app.Get<TenantRegistry>().Find(practice.Name)!;
        var clientUser = await app.AddClientAsync(practice);
        var otherUser = await app.AddClientAsync(practice);
        var admin = await app.AddAdministratorAsync(practice);
        var staff = await app.AddStaffAsync(practice);
        var clientId = await app.InPracticeAsync(practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Harbour Bakery Ltd", [(clientUser.Id, ClientAccessLevel.Full)]));
        var otherId = await app.InPracticeAsync(practice, sp => ClientsFixtures.CreateClientInPortalAsync(sp, "Okafor Consulting", [(otherUser.Id, ClientAccessLevel.Full)]));
        return new BillingScenario(app, practice, clientId, otherId, clientUser, otherUser, admin, staff);
    }

    public static InvoiceDraft Draft(Guid clientId, string number, long unitAmount = 10_000, DateOnly? issued = null, DateOnly? due = null)
        => new(clientId, number, issued ?? new DateOnly(2026, 11, 1), due ?? new DateOnly(2026, 12, 1), null, [new InvoiceLineDraft("Bookkeeping", 1, unitAmount)], []);

    public Task<T> InPracticeAsync<T>(Func<IServiceProvider, Task<T>> work) => App.InPracticeAsync(Practice, work);

    public async Task<Invoice> InvoiceAsync(string number, long unitAmount = 10_000, Guid? clientId = null, DateOnly? due = null)
    {
        var saved = await InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().SaveAsync(Draft(clientId ?? ClientId, number, unitAmount, due: due)));
        return saved.Value ?? throw new InvalidOperationException(string.Join(" ", saved.Errors.Select(e => e.Message)));
    }

    public Task<Invoice?> ReloadAsync(Guid invoiceId) => InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().FindAsync(invoiceId));

    public Task SettingsAsync(Func<PaymentSettings, PaymentSettings> change)
        => App.InPracticeAsync(Practice, async sp =>
        {
            var store = sp.GetRequiredService<SiteSettingsStore>();
            await store.SaveAsync(change(await store.GetAsync<PaymentSettings>()));
        });
}
