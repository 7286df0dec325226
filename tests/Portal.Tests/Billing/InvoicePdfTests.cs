using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

/// <summary>An invoice's PDF is one of the client's documents, chosen through the documents contract and downloaded through Documents' own checks.</summary>
public sealed class InvoicePdfTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_client_downloads_the_invoice_pdf_and_no_one_else_can(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var scenario = await BillingScenario.CreateAsync(app);
        await app.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<TenantFeatures>().EnableAsync(["Portal.Documents"], default));
        scenario = scenario with { Practice = app.Get<TenantRegistry>().Find(scenario.Practice.Name)! };
        var bytes = DocumentsScenario.Pdf(4_000, seed: 7);
        var staff = new TusClient(await app.SignedInClientAsync(scenario.Practice, scenario.Admin));
        await staff.UploadAsync(bytes, "Invoice INV-9.pdf", scenario.ClientId);
        await staff.UploadAsync(DocumentsScenario.Pdf(3_000, seed: 8), "Other.pdf", scenario.OtherClientId);

        var pdf = await Eventually.GetAsync(
            async () => (await scenario.InPracticeAsync(sp => sp.GetRequiredService<IClientDocumentFiles>().ListPdfsAsync(scenario.ClientId))).FirstOrDefault(),
            what: "the uploaded PDF visible to the client");
        var otherPdf = await Eventually.GetAsync(
            async () => (await scenario.InPracticeAsync(sp => sp.GetRequiredService<IClientDocumentFiles>().ListPdfsAsync(scenario.OtherClientId))).FirstOrDefault(),
            what: "the other client's PDF");

        var wrong = await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().SaveAsync(BillingScenario.Draft(scenario.ClientId, "INV-8") with { DocumentId = otherPdf.DocumentId }));
        Assert.Equal(["DocumentId"], wrong.Errors.Select(e => e.Field));
        var saved = await scenario.InPracticeAsync(sp => sp.GetRequiredService<InvoiceBook>().SaveAsync(BillingScenario.Draft(scenario.ClientId, "INV-9") with { DocumentId = pdf.DocumentId }));
        Assert.True(saved.Succeeded);

        var client = await app.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var page = await client.GetDocumentAsync($"billing/invoices/{saved.Value!.Id}");
        var link = page.QuerySelector("[data-testid=invoice-pdf]")?.GetAttribute("href");
        Assert.NotNull(link);
        Assert.Equal(bytes, await client.GetByteArrayAsync(HtmlForms.Relative(link[(client.BaseAddress!.AbsolutePath.Length - 1)..])));

        var other = await app.SignedInClientAsync(scenario.Practice, scenario.OtherClientUser);
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync(HtmlForms.Relative(link[(other.BaseAddress!.AbsolutePath.Length - 1)..]))).StatusCode);
    }
}
