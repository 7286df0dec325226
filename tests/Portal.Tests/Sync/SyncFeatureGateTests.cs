using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Sync;

/// <summary>
/// The sync API follows the practice's switches: a kind whose feature is off has no endpoint (404) and is
/// not in whoami's kinds, so portal-sync skips it; switched on, it is there at once.
/// </summary>
public sealed class SyncFeatureGateTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Invoices_payments_and_documents_are_there_only_while_Billing_and_Documents_are_on(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (practice, _, api) = await SyncApiClient.StartAsync(app);
        var invoice = new { externalId = "I-1", clientExternalId = "C-1", number = "INV-1", issueDate = "2026-11-02", currency = "CAD", lines = new[] { new { description = "Bookkeeping", amount = "100.00" } } };
        var payment = new { externalId = "P-1", clientExternalId = "C-1", receivedOn = "2026-11-03", amount = "100.00", currency = "CAD", method = "cheque" };

        // The practice recipe switches Documents on and Billing off.
        Assert.Equal(["contacts", "documents"], await KindsAsync(api));

        // Files go beside the batches only where the database takes more than one writer at a time.
        Assert.Equal(provider == DatabaseProvider.Postgres, (await api.GetAsync("api/v1/whoami")).Body.GetProperty("uploadsBesideBatches").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("api/v1/invoices/batch", new { items = new[] { invoice } })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("api/v1/payments/batch", new { items = new[] { payment } })).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("api/v1/documents/new")).Status);

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync([Portal.Billing.Manifest.Feature], default));
        Assert.Equal(["contacts", "invoices", "payments", "documents"], await KindsAsync(api));
        var answered = await api.BatchAsync("invoices", invoice);
        Assert.Equal("client-not-found", SyncApiClient.Error(SyncApiClient.Result(answered, 0)).Code);

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<TenantFeatures>().DisableAsync(Portal.Documents.Manifest.Feature, default));
        Assert.Equal(["contacts", "invoices", "payments"], await KindsAsync(api));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("api/v1/documents/new")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("api/v1/documents/batch", new { items = new[] { new { externalId = "D-1" } } })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("api/v1/uploads", new { })).Status);
    }

    private static async Task<string[]> KindsAsync(SyncApiClient api)
    {
        var (status, body) = await api.GetAsync("api/v1/whoami");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!)];
    }
}
