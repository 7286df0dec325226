using System.Buffers.Text;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Documents.Data;
using Portal.SecureMail.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;
using Portal.Tests.Billing;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;
using Portal.Tests.StripeEmulator;

namespace Portal.Tests.SecureMail;

/// <summary>The compose page, the e-mail as the SMTP server received it, and payment requests through the real Billing (on the Stripe emulator) and Plans.</summary>
public sealed class SecureMailComposeTests(SecureMailApps apps) : IClassFixture<SecureMailApps>
{
    [Theory, BothDatabases]
    public async Task The_email_carries_only_a_link_and_the_recipient_unlocks_the_message_and_its_file(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var recipient = $"r{Guid.NewGuid():N}@example.com";
        const string body = "Your refund is 1,234.56: details inside, do not forward.";
        var pdf = DocumentsScenario.Pdf(4_000, seed: 12);

        var sent = await scenario.ComposeAsync(SecureMailScenario.EmailFields(recipient, body), ("return-2025.pdf", pdf));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var mail = await MailMessageReader.WaitForAsync(TestEnvironment.Maildir, recipient);
        foreach (var secret in new[] { body, "1,234.56", SecureMailScenario.Password, SecureMailScenario.Hint, "return-2025.pdf" })
        {
            Assert.DoesNotContain(secret, mail.Raw, StringComparison.Ordinal);
        }

        Assert.Contains("View your e-mail", mail.Html, StringComparison.Ordinal);
        var link = new Uri(mail.FindLink("/secure-mail/open") ?? throw new InvalidOperationException("no link in the e-mail"));
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        Assert.Equal(32, Base64Url.DecodeFromChars(token).Length);

        // The mail server took it: the message says "delivered".
        var id = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.Where(m => m.RecipientEmail == recipient).Select(m => m.Id).SingleAsync());
        await Eventually.TrueAsync(
            () => scenario.InPracticeAsync(async sp => (await sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id)).DeliveredAt is not null),
            what: "the message marked delivered to the mail server");

        var browser = scenario.App.ClientFor(scenario.Practice);
        var path = link.PathAndQuery.TrimStart('/');
        var unlock = await browser.SubmitFormAsync(path, new() { ["Password"] = SecureMailScenario.Password }, "[data-testid=secure-mail-unlock]");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        var opened = await browser.GetDocumentAsync(path);
        Assert.Contains(body, opened.QuerySelector("[data-testid=secure-mail-body]")?.TextContent, StringComparison.Ordinal);
        var fileLink = opened.QuerySelector("[data-testid=secure-mail-files] a")?.GetAttribute("href") ?? throw new InvalidOperationException("no file link");
        Assert.Equal(pdf, await browser.GetByteArrayAsync(HtmlForms.Relative(fileLink)));

        // A second browser without the password gets nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await scenario.App.ClientFor(scenario.Practice).GetAsync(HtmlForms.Relative(fileLink))).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Bad_input_is_refused_at_each_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var fields = SecureMailScenario.EmailFields("not-an-address", "Hello");
        fields["Input.Password"] = "short";
        fields["Input.ExpiresOn"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await scenario.ComposeAsync(fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("is not an e-mail address", page.QuerySelector("#recipient-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("at least 8 characters", page.QuerySelector("#password-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("in the past", page.QuerySelector("#expires-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector("#Input_Password")?.GetAttribute("value") ?? "");

        var equal = SecureMailScenario.EmailFields("someone@example.com", "Hello");
        equal["Input.Hint"] = SecureMailScenario.Password;
        var equalPage = HtmlForms.Parse(await (await scenario.ComposeAsync(equal)).Content.ReadAsStringAsync());
        Assert.Contains("is the password itself", equalPage.QuerySelector("#hint-error")?.TextContent, StringComparison.Ordinal);

        var contains = SecureMailScenario.EmailFields("someone@example.com", "Hello");
        contains["Input.Hint"] = $"It is {SecureMailScenario.Password.ToLowerInvariant()}!";
        var containsPage = HtmlForms.Parse(await (await scenario.ComposeAsync(contains)).Content.ReadAsStringAsync());
        Assert.Contains("contains the password", containsPage.QuerySelector("#hint-error")?.TextContent, StringComparison.Ordinal);

        var clientId = await ClientAsync(scenario);
        foreach (var (amount, expected) in new[] { ("0", "above zero"), ("12.345", "at most two decimals") })
        {
            var payment = PaymentFields(clientId, "payer@example.com", amount);
            var amountPage = HtmlForms.Parse(await (await scenario.ComposeAsync(payment)).Content.ReadAsStringAsync());
            Assert.Contains(expected, amountPage.QuerySelector("#amount-error")?.TextContent, StringComparison.Ordinal);
        }

        foreach (var (maxOpens, expected) in new[] { ("0", "from 1 to 100"), ("101", "from 1 to 100"), ("-3", "from 1 to 100"), ("twice", "'twice' is not a whole number") })
        {
            var limited = SecureMailScenario.EmailFields("someone@example.com", "Hello");
            limited["Input.MaxOpens"] = maxOpens;
            var limitedResponse = await scenario.ComposeAsync(limited);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, limitedResponse.StatusCode);
            var limitedPage = HtmlForms.Parse(await limitedResponse.Content.ReadAsStringAsync());
            Assert.Contains(expected, limitedPage.QuerySelector("#max-opens-error")?.TextContent, StringComparison.Ordinal);
        }

        var farFuture = SecureMailScenario.EmailFields("someone@example.com", "Hello");
        farFuture["Input.ExpiresOn"] = "9999-12-31";
        var farFutureResponse = await scenario.ComposeAsync(farFuture);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, farFutureResponse.StatusCode);
        Assert.Contains("at most 365 days", HtmlForms.Parse(await farFutureResponse.Content.ReadAsStringAsync()).QuerySelector("#expires-error")?.TextContent, StringComparison.Ordinal);

        Assert.Equal(0, await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task An_open_limit_of_one_to_a_hundred_is_stored_and_an_empty_one_is_no_limit(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var limited = $"r{Guid.NewGuid():N}@example.com";
        var fields = SecureMailScenario.EmailFields(limited, "Hello");
        fields["Input.MaxOpens"] = "100";
        Assert.Equal(HttpStatusCode.Redirect, (await scenario.ComposeAsync(fields)).StatusCode);
        var unlimited = $"r{Guid.NewGuid():N}@example.com";
        var open = SecureMailScenario.EmailFields(unlimited, "Hello");
        open["Input.MaxOpens"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await scenario.ComposeAsync(open)).StatusCode);

        var stored = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().ToDictionaryAsync(m => m.RecipientEmail, m => m.MaxOpens));
        Assert.Equal(100, stored[limited]);
        Assert.Null(stored[unlimited]);
    }

    [Theory, BothDatabases]
    public async Task A_refused_attachment_sends_nothing_and_gives_the_quota_unit_back(DatabaseProvider provider)
    {
        var app = await apps.WiredAsync(provider);
        var scenario = await SecureMailScenario.CreateAsync(app);
        var clientId = await ClientAsync(scenario);
        var recipient = $"r{Guid.NewGuid():N}@example.com";

        var response = await scenario.ComposeAsync(PaymentFields(clientId, recipient, "250.00"), ("invoice.pdf", DocumentsScenario.Pdf(2_000)), ("tool.exe", "MZ not allowed"u8.ToArray()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("tool.exe", page.QuerySelector("[data-testid=attachments-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.CountAsync()));
        Assert.Equal(0, await scenario.InPracticeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Attachments.CountAsync(a => a.Owner == SecureMessageSender.AttachmentOwner)));
        Assert.Equal(0, await scenario.InPracticeAsync(sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.CountAsync(m => m.To == recipient)));
        // The unit was taken (the counter row is made by a consume) and given back: nothing held, nothing used.
        Assert.Empty(await scenario.QuotaReferencesAsync());
        Assert.Equal(0, await QuotaCounterAsync(scenario));
    }

    [Theory, BothDatabases]
    public async Task A_practice_at_its_quota_is_told_before_the_form_and_cannot_send(DatabaseProvider provider)
    {
        var app = await apps.WiredAsync(provider);
        var scenario = await SecureMailScenario.CreateAsync(app);
        var clientId = await ClientAsync(scenario);
        await scenario.UseQuotaAsync(5);

        var page = await scenario.AdminBrowser.GetDocumentAsync($"{SecureMailScenario.ComposePath}?kind=PaymentRequest&clientId={clientId}");
        Assert.Contains("free secure payment requests", page.QuerySelector("[data-testid=compose-refused]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=compose-form]"));

        // A secure e-mail is not counted.
        Assert.NotNull((await scenario.AdminBrowser.GetDocumentAsync(SecureMailScenario.ComposePath)).QuerySelector("[data-testid=compose-form]"));
        var post = await scenario.ComposeAsync(PaymentFields(clientId, "payer@example.com", "10.00"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, post.StatusCode);
        Assert.Equal(0, await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_payment_request_shows_amount_fee_total_and_payee_and_pay_starts_checkout(DatabaseProvider provider)
    {
        var app = await apps.WiredAsync(provider);
        var scenario = await SecureMailScenario.CreateAsync(app);
        var clientId = await ClientAsync(scenario);
        var recipient = $"r{Guid.NewGuid():N}@example.com";
        var fields = PaymentFields(clientId, recipient, "200.00");
        fields["Input.IncludeFee"] = "true";

        Assert.Equal(HttpStatusCode.Redirect, (await scenario.ComposeAsync(fields)).StatusCode);
        var message = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.RecipientEmail == recipient));
        // Stripe's 2.9% + 0.50 passed on: (200.00 + 0.50) / 0.971 = 206.48.
        Assert.Equal((SecureMessageKind.PaymentRequest, 20_000L, 648L, "CAD", "INV-77"), (message.Kind, message.Amount!.Value, message.Fee!.Value, message.Currency, message.InvoiceNumber));
        Assert.Equal([message.Id.ToString()], await scenario.QuotaReferencesAsync());

        var mail = await MailMessageReader.WaitForAsync(TestEnvironment.Maildir, recipient);
        Assert.DoesNotContain("200.00", mail.Raw, StringComparison.Ordinal);
        var path = new Uri(mail.FindLink("/secure-mail/open")!).PathAndQuery.TrimStart('/');
        var browser = app.ClientFor(scenario.Practice);
        await browser.SubmitFormAsync(path, new() { ["Password"] = SecureMailScenario.Password }, "[data-testid=secure-mail-unlock]");
        var opened = await browser.GetDocumentAsync(path);
        Assert.Equal("200.00 CAD", opened.QuerySelector("[data-testid=secure-mail-amount]")?.TextContent);
        Assert.Equal("6.48 CAD", opened.QuerySelector("[data-testid=secure-mail-fee]")?.TextContent);
        Assert.Equal("206.48 CAD", opened.QuerySelector("[data-testid=secure-mail-total]")?.TextContent);
        Assert.Contains(scenario.Practice.DisplayName, opened.QuerySelector("[data-testid=secure-mail-payment]")?.TextContent, StringComparison.Ordinal);

        var pay = await browser.SubmitFormAsync(path, [], "[data-testid=secure-mail-payment] form");
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        var attempt = await scenario.InPracticeAsync(sp => sp.GetRequiredService<BillingDbContext>().CheckoutAttempts.AsNoTracking().SingleAsync(a => a.PaymentRequestId == message.Id));
        Assert.Equal(attempt.Url, pay.Headers.Location?.ToString());
        Assert.StartsWith(apps.Emulator.Server.BaseUrl.ToString(), attempt.Url, StringComparison.Ordinal);
        Assert.Equal((clientId, 20_000L, 648L, "CAD", scenario.Admin.Id), (attempt.ClientId!.Value, attempt.Amount, attempt.Fee, attempt.Currency, attempt.RequestedBy!.Value));

        // Paid on Stripe's page: Billing's webhook records it, and its event moves the dashboard status to Paid.
        Assert.Equal(HttpStatusCode.Redirect, (await HostedCheckout.PayByCardAsync(apps.Emulator.Raw(authenticated: false), attempt.Url!, WebhookScenario.GoodCard)).StatusCode);
        await Eventually.TrueAsync(
            async () => (await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == message.Id))).PaymentStatus == SecureMessagePaymentStatus.Paid,
            timeout: TimeSpan.FromMinutes(1),
            what: "the request to be paid");
        var paid = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == message.Id));
        Assert.Equal(SecureMessageStatus.Paid, paid.Status(DateTime.UtcNow));
    }

    [Theory, BothDatabases]
    public async Task The_sender_hears_of_the_first_unlock_and_of_a_reply_without_their_content(DatabaseProvider provider)
    {
        var scenario = await SecureMailScenario.CreateAsync(await apps.WiredAsync(provider));
        var recipient = $"r{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.Redirect, (await scenario.ComposeAsync(SecureMailScenario.EmailFields(recipient, "Please confirm the figures."))).StatusCode);
        var path = new Uri((await MailMessageReader.WaitForAsync(TestEnvironment.Maildir, recipient)).FindLink("/secure-mail/open")!).PathAndQuery.TrimStart('/');
        var browser = scenario.App.ClientFor(scenario.Practice);
        await browser.SubmitFormAsync(path, new() { ["Password"] = SecureMailScenario.Password }, "[data-testid=secure-mail-unlock]");

        var opened = await MailMessageReader.WaitForAsync(TestEnvironment.Maildir, scenario.Admin.Email!, m => m.Subject.Contains("opened", StringComparison.Ordinal));
        Assert.Contains($"{recipient} opened your secure e-mail", opened.Subject, StringComparison.Ordinal);
        var messageId = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Messages.AsNoTracking().Where(m => m.RecipientEmail == recipient).Select(m => m.Id).SingleAsync());
        var sentItemPath = $"/admin/secure-mail/sent/{messageId}";
        Assert.Equal(sentItemPath, new Uri(opened.FindLink(sentItemPath) ?? throw new InvalidOperationException("no sent-item link in the opened notice")).AbsolutePath);

        const string reply = "The figures are right, thank you; my SIN is 046 454 286.";
        var replied = await browser.SubmitFormAsync(path, new() { ["Reply"] = reply }, "[data-testid=secure-mail-reply]");
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var notice = await MailMessageReader.WaitForAsync(TestEnvironment.Maildir, scenario.Admin.Email!, m => m.Subject.Contains("secure reply", StringComparison.Ordinal));
        Assert.DoesNotContain("046 454 286", notice.Raw, StringComparison.Ordinal);
        Assert.Equal(sentItemPath, new Uri(notice.FindLink(sentItemPath) ?? throw new InvalidOperationException("no sent-item link in the reply notice")).AbsolutePath);
        var stored = await scenario.InPracticeAsync(sp => sp.GetRequiredService<SecureMailDbContext>().Replies.AsNoTracking().SingleAsync());
        Assert.DoesNotContain("046 454 286", stored.SealedBody, StringComparison.Ordinal);
        Assert.Equal(reply, await scenario.InPracticeAsync(sp => Task.FromResult(sp.GetRequiredService<SecureMessageSealing>().Open(stored.MessageId, stored.SealedBody))));
    }

    private static async Task<int> QuotaCounterAsync(SecureMailScenario scenario)
    {
        await using var scope = scenario.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Portal.Plans.Data.PlansDbContext>().QuotaCounters.AsNoTracking()
            .Where(c => c.TenantId == scenario.Practice.Id && c.Quota == PlanQuota.SecurePaymentRequests).Select(c => c.Used).SingleAsync();
    }

    private static Dictionary<string, string> PaymentFields(Guid clientId, string recipient, string amount)
    {
        var fields = SecureMailScenario.EmailFields(recipient, "Please pay the attached invoice.");
        fields["Input.Kind"] = nameof(SecureMessageKind.PaymentRequest);
        fields["Input.ClientId"] = clientId.ToString();
        fields["Input.Currency"] = "CAD";
        fields["Input.InvoiceNumber"] = "INV-77";
        fields["Input.Amount"] = amount;
        return fields;
    }

    private static async Task<Guid> ClientAsync(SecureMailScenario scenario)
    {
        var user = await scenario.App.AddClientAsync(scenario.Practice);
        return await scenario.InPracticeAsync(sp => ClientsFixtures.CreateClientInPortalAsync(sp, $"Client {Guid.NewGuid():N}"[..20], [(user.Id, ClientAccessLevel.Full)]));
    }
}
