using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// Getting paid, as a practice and its client do it in the demo (the Stripe emulator is embedded, test
/// mode): the administrator creates an invoice; the client signs in, pays it by card on the hosted
/// payment page, comes back to a page that says it is paid, and receives the receipt. A declined card
/// leaves the invoice open and the client is told so. Webhooks reach the portal from the emulator as
/// they would from Stripe.
/// </summary>
[Collection(DemoRemindersCollection.Name)]
public sealed class InvoicePaymentTests(DemoAppFixture demo, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    private const string ClientExternalId = "C-1001";
    private const string PortalName = "Lee household";

    [Fact]
    public async Task Staff_invoice_a_client_who_pays_it_by_card_and_gets_a_receipt()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var number = $"E2E-{PracticeSite.RandomSuffix()}";
        var startedAt = DateTime.UtcNow;

        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.AdminEmail, AppProcess.DemoPassword);
        await CreateInvoiceAsync(staff, practiceUrl, number, "Bookkeeping, November", "250.00");

        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await OpenInvoiceAsClientAsync(client, practiceUrl, number);
        var pay = client.GetByTestId("pay-form");
        await Expect(pay.GetByTestId("pay-amount")).ToContainTextAsync("250.00");
        var total = (await pay.GetByTestId("pay-total").TextContentAsync())!.Trim();

        // Stripe's hosted page (the emulator's, in the demo): the total the portal showed, then a test card.
        await pay.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
        await Expect(client.Locator("[data-total]")).ToHaveTextAsync(total);
        await PayByCardAsync(client, "4242 4242 4242 4242");

        // Back on the practice's site: the page says paid only once Stripe says so.
        await Expect(client).ToHaveURLAsync(new Regex($"^{Regex.Escape(practiceUrl)}/billing/invoices/[0-9a-f-]{{36}}/paid"));
        var outcome = client.GetByTestId("checkout-outcome");
        await Expect(outcome).ToHaveAttributeAsync("data-outcome", "paid");
        await Expect(outcome).ToContainTextAsync($"{total} paid to {DemoPractice.DisplayName}");
        await client.GetByRole(AriaRole.Link, new() { Name = "Back to the invoice" }).ClickAsync();
        await Expect(client.GetByTestId("invoice-status")).ToHaveTextAsync("Paid");
        await Expect(client.GetByTestId("pay-form")).ToHaveCountAsync(0);

        var receipt = await MaildirReader.WaitForMessageAsync(DemoPractice.ClientEmail, startedAt);
        Assert.Contains(number, receipt.Subject + receipt.Text, StringComparison.Ordinal);
        Assert.Contains(total, receipt.Text, StringComparison.Ordinal);

        // The practice sees the payment on the invoice.
        await staff.ReloadAsync();
        await Expect(staff.GetByTestId("invoice-status")).ToHaveTextAsync("Paid");
    }

    [Fact]
    public async Task A_declined_card_leaves_the_invoice_open_and_the_client_is_told()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var number = $"E2E-{PracticeSite.RandomSuffix()}";

        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.AdminEmail, AppProcess.DemoPassword);
        await CreateInvoiceAsync(staff, practiceUrl, number, "Payroll, November", "80.00");

        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await OpenInvoiceAsClientAsync(client, practiceUrl, number);
        await client.GetByTestId("pay-form").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
        await PayByCardAsync(client, "4000 0000 0000 0002");
        await Expect(client.GetByRole(AriaRole.Alert)).ToContainTextAsync("declined");

        // The client gives up and returns: no payment was made, and the invoice is still open to pay.
        await client.GetByRole(AriaRole.Link, new() { Name = "Cancel and return" }).ClickAsync();
        await Expect(client).ToHaveURLAsync(new Regex($"^{Regex.Escape(practiceUrl)}/billing/invoices/"));
        await Expect(client.GetByRole(AriaRole.Main)).ToContainTextAsync("No payment was made");
        await client.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Back to the invoice" }).ClickAsync();
        await Expect(client.GetByTestId("invoice-status")).ToHaveTextAsync("Open");
        await Expect(client.GetByTestId("pay-form")).ToBeVisibleAsync();
    }

    internal static async Task CreateInvoiceAsync(IPage staff, string practiceUrl, string number, string description, string amount)
    {
        await staff.GotoAsync($"{practiceUrl}/admin");
        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" }).GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "New invoice" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "New invoice", Level = 1 })).ToBeVisibleAsync();
        await staff.GetByLabel("Client", new() { Exact = true }).FillAsync(ClientExternalId);
        await staff.GetByLabel("Invoice number").FillAsync(number);
        await staff.GetByLabel("Description of line 1").FillAsync(description);
        await staff.GetByLabel("Quantity of line 1").FillAsync("1");
        await staff.GetByLabel("Unit price of line 1").FillAsync(amount);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create invoice" }).Last.ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(Regex.Escape(number)), Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task OpenInvoiceAsClientAsync(IPage client, string practiceUrl, string number)
    {
        await PracticeSite.SignInAsync(client, practiceUrl, DemoPractice.ClientEmail, AppProcess.DemoPassword);
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Choose a portal", Level = 1 })).ToBeVisibleAsync();
        await client.GetByRole(AriaRole.Button, new() { Name = $"Open {PortalName}" }).ClickAsync();
        await client.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Invoices" }).ClickAsync();
        await client.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^Invoice {Regex.Escape(number)}"), Level = 1 })).ToBeVisibleAsync();
    }

    internal static async Task PayByCardAsync(IPage page, string card)
    {
        await page.GetByLabel("Card number").FillAsync(card);
        await page.GetByLabel("Expiry (MM / YY)").FillAsync("12 / 34");
        await page.GetByLabel("CVC").FillAsync("123");
        await page.GetByLabel("Name on card or account").FillAsync("Jordan Lee");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
    }
}
