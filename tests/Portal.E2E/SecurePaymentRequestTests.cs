using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// A secure payment request as the demo practice and its client make one (seed 004): the administrator
/// composes it with an invoice PDF attached and the card fee passed on; the client reads the e-mail the
/// SMTP server received, answers the hint, reads the message, downloads the PDF, pays by card on the hosted
/// page and lands on a thank-you that names the amount and the payee; the practice's sent items say Paid
/// and the invoice of that number is paid. The demo practice has no plan, so it has 5 free requests: the
/// 6th is refused before anything is typed.
/// </summary>
[Collection(DemoRemindersCollection.Name)]
public sealed class SecurePaymentRequestTests(DemoAppFixture demo, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    private const string ClientExternalId = "C-1001";
    private const string Password = "lighthouse-1987";
    private const string Hint = "The street we met on, and the year";
    private const int FreeRequests = 5;

    [Fact]
    public async Task Staff_send_a_payment_request_the_client_unlocks_and_pays_and_the_sixth_free_request_is_refused()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var suffix = PracticeSite.RandomSuffix();
        var number = $"E2E-PR-{suffix}";
        var recipient = $"jordan.{suffix}@demo.example";
        var message = $"Hello Jordan, here is invoice {number} for the year-end work ({suffix}).";
        var startedAt = DateTime.UtcNow;

        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.AdminEmail, AppProcess.DemoPassword);
        await InvoicePaymentTests.CreateInvoiceAsync(staff, practiceUrl, number, "Year-end financial statements", "120.00");
        var invoiceUrl = staff.Url;

        await OpenPaymentRequestComposeAsync(staff, practiceUrl);
        await Expect(staff.GetByTestId("compose-client-name")).ToHaveTextAsync("Jordan Lee");
        await staff.GetByLabel("Recipient's e-mail address").FillAsync(recipient);
        await staff.GetByLabel("Subject").FillAsync($"Invoice {number}");
        await staff.GetByLabel("Invoice number", new() { Exact = false }).FillAsync(number);
        await staff.GetByLabel("Amount").FillAsync("120.00");
        await staff.GetByLabel(new Regex("^Include transaction fee")).CheckAsync();
        await staff.GetByLabel("Message", new() { Exact = true }).FillAsync(message);
        await staff.GetByLabel("Attachments").SetInputFilesAsync(new FilePayload
        {
            Name = $"Invoice {number}.pdf",
            MimeType = "application/pdf",
            Buffer = SampleFiles.MinimalPdf($"Invoice {number}"),
        });
        await staff.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await staff.GetByLabel("Password hint").FillAsync(Hint);
        await staff.GetByTestId("compose-send").ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync($"to {recipient} is on its way");

        // The e-mail says who it is from and how to open it, never the message or the password.
        var mail = await MaildirReader.WaitForMessageAsync(recipient, startedAt);
        var link = Regex.Match(mail.Text, $@"{Regex.Escape(practiceUrl)}/secure-mail/open\?token=[A-Za-z0-9_\-]+").Value;
        Assert.NotEmpty(link);
        Assert.DoesNotContain(message, mail.Text + mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, mail.Text + mail.Html, StringComparison.Ordinal);

        // The client, not signed in: the hint, the password, the message and the PDF.
        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await client.GotoAsync(link);
        await Expect(client.GetByTestId("secure-mail-hint")).ToHaveTextAsync(Hint);
        await client.GetByLabel("Password").FillAsync("lighthouse-1986");
        await client.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Expect(client.Locator("#password-error")).ToContainTextAsync("That is not the password. 4 attempts left");
        await client.GetByLabel("Password").FillAsync(Password);
        await client.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Expect(client.GetByTestId("secure-mail-body")).ToContainTextAsync(message);
        var download = await client.RunAndWaitForDownloadAsync(() => client.GetByTestId("secure-mail-files").GetByRole(AriaRole.Link, new() { Name = $"Invoice {number}.pdf" }).ClickAsync());
        Assert.Equal(SampleFiles.MinimalPdf($"Invoice {number}"), await File.ReadAllBytesAsync(await download.PathAsync()));

        var payment = client.GetByTestId("secure-mail-payment");
        await Expect(payment.GetByTestId("secure-mail-amount")).ToContainTextAsync("120.00");
        await Expect(payment.GetByTestId("secure-mail-fee")).ToBeVisibleAsync();
        var total = (await payment.GetByTestId("secure-mail-total").TextContentAsync())!.Trim();
        Assert.NotEqual("$120.00", total);

        var paidAt = DateTime.UtcNow;
        await payment.GetByTestId("secure-mail-pay").ClickAsync();
        await Expect(client.Locator("[data-total]")).ToHaveTextAsync(total);
        await InvoicePaymentTests.PayByCardAsync(client, "4242 4242 4242 4242");

        var outcome = client.GetByTestId("checkout-outcome");
        await Expect(outcome).ToHaveAttributeAsync("data-outcome", "paid");
        await Expect(client.GetByTestId("paid-amount")).ToHaveTextAsync(total);
        await Expect(client.GetByTestId("payee")).ToHaveTextAsync(DemoPractice.DisplayName);
        var receipt = await MaildirReader.WaitForMessageAsync(recipient, paidAt);
        Assert.Contains(total, receipt.Text, StringComparison.Ordinal);

        // The practice: the sent item is Paid, and the invoice of that number took the payment.
        await staff.GotoAsync($"{practiceUrl}/admin/secure-mail/sent?q={Uri.EscapeDataString(recipient)}");
        var row = staff.GetByTestId("sent-items").GetByRole(AriaRole.Row).Filter(new() { HasText = recipient });
        await ReloadUntilAsync(staff, row.GetByTestId("status"), "Paid");
        await staff.GotoAsync(invoiceUrl);
        await Expect(staff.GetByTestId("invoice-status")).ToHaveTextAsync("Paid");

        // The free allowance: send the rest of the 5, then the 6th is refused before the form.
        while (await OpenPaymentRequestComposeAsync(staff, practiceUrl))
        {
            await staff.GetByLabel("Subject").FillAsync($"Deposit {suffix}");
            await staff.GetByLabel("Amount").FillAsync("10.00");
            await staff.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await staff.GetByLabel("Password hint").FillAsync(Hint);
            await staff.GetByTestId("compose-send").ClickAsync();
            await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("is on its way");
        }

        await Expect(staff.GetByTestId("compose-refused")).ToContainTextAsync($"{FreeRequests} free");
        await staff.GotoAsync($"{practiceUrl}/admin/plan");
        await Expect(staff.GetByTestId("usage-payment-requests")).ToContainTextAsync($"{FreeRequests} of {FreeRequests} free requests used; 0 left");
    }

    /// <summary>Opens the compose page for a payment request to the demo client: true with the form shown, false when it is refused.</summary>
    private static async Task<bool> OpenPaymentRequestComposeAsync(IPage staff, string practiceUrl)
    {
        await staff.GotoAsync($"{practiceUrl}/admin");
        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" }).GetByRole(AriaRole.Link, new() { Name = "Send a secure e-mail" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Secure payment request", Exact = true }).ClickAsync();
        var refused = staff.GetByTestId("compose-refused");
        var client = staff.GetByTestId("compose-client");
        await Expect(refused.Or(client)).ToBeVisibleAsync();
        if (await refused.CountAsync() > 0)
        {
            return false;
        }

        await client.GetByLabel("Client").FillAsync(ClientExternalId);
        await client.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(staff.GetByTestId("compose-form")).ToBeVisibleAsync();
        return true;
    }

    /// <summary>Reloads until the locator reads <paramref name="text"/> (a webhook may land just after the browser's return).</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator locator, string text)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(BrowserFixture.TimeoutMilliseconds);
        while (await locator.CountAsync() == 0 || (await locator.TextContentAsync())?.Trim() != text)
        {
            if (DateTime.UtcNow > deadline)
            {
                await Expect(locator).ToHaveTextAsync(text, new() { Timeout = 1 });
                return;
            }

            await page.WaitForLoadStateAsync();
            await page.ReloadAsync();
        }
    }
}
