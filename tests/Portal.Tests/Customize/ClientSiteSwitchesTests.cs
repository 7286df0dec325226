using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Billing.Data;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Documents.Data;
using Portal.Notifications.Data;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;
using Portal.Tests.Messages;

namespace Portal.Tests.Customize;

/// <summary>
/// The practice's client site switches: each one, turned off on the switches page, refuses its action
/// on the server (the right status, nothing written) and hides its way in; turned on again, the action
/// works. Staff are never limited by them.
/// </summary>
public sealed class ClientSiteSwitchesTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Client_uploads_off_refuse_a_clients_upload_and_hide_the_uploader_and_on_allow_them(DatabaseProvider provider)
    {
        var scenario = await SwitchesScenario.CreateAsync(await apps.For(provider));
        var tus = new TusClient(scenario.Client);
        var documentsPage = $"documents/{scenario.ClientId}";
        Assert.NotNull((await scenario.Client.GetDocumentAsync(documentsPage)).QuerySelector("[data-uploader]"));
        var begun = await tus.CreateLocationAsync(6000, "Begun.pdf", scenario.ClientId);

        await scenario.SetAsync("ClientUploads", false);

        Assert.Null((await scenario.Client.GetDocumentAsync(documentsPage)).QuerySelector("[data-uploader]"));
        var uploadsBefore = await UploadCountAsync(scenario);
        var refused = await tus.CreateAsync(5000, "Refused.pdf", scenario.ClientId);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal("client-uploads-off", problem.RootElement.GetProperty("code").GetString());
            Assert.Contains("does not take files through the portal", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(uploadsBefore, await UploadCountAsync(scenario));

        // An upload begun while they were on is not finished after.
        var patch = new HttpRequestMessage(HttpMethod.Patch, begun) { Content = new ByteArrayContent(DocumentsScenario.Pdf(6000)) };
        patch.Headers.Add("Tus-Resumable", "1.0.0");
        patch.Headers.Add("Upload-Offset", "0");
        patch.Content.Headers.ContentType = new("application/offset+octet-stream");
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.Client.SendAsync(patch)).StatusCode);
        Assert.Equal(0, await tus.OffsetAsync(begun));

        // Staff still send files to the client.
        await new TusClient(scenario.Staff).UploadAsync(DocumentsScenario.Pdf(4000, 7), "From staff.pdf", scenario.ClientId);

        var audited = await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<AuditDbContext>().Events.AsNoTracking()
            .Where(e => e.Action == AuditActions.SettingsChanged && e.TargetId == "client-site").Select(e => e.Details).ToListAsync());
        Assert.Contains("client uploads switched off", Assert.Single(audited), StringComparison.Ordinal);

        await scenario.SetAsync("ClientUploads", true);
        Assert.NotNull((await scenario.Client.GetDocumentAsync(documentsPage)).QuerySelector("[data-uploader]"));
        await tus.UploadAsync(DocumentsScenario.Pdf(5000, 3), "Allowed.pdf", scenario.ClientId);
        Assert.Contains("Allowed.pdf", await scenario.Client.GetStringAsync(documentsPage), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Client_messages_off_refuse_new_threads_contact_and_replies_and_on_allow_them(DatabaseProvider provider)
    {
        var scenario = await SwitchesScenario.CreateAsync(await apps.For(provider));
        var messages = scenario.Messages;
        var thread = await messages.StartAsync(scenario.Client, "Before the switch", "Hello.");
        var contactToken = await scenario.Client.AntiforgeryTokenAsync("contact");
        var reason = (await scenario.Client.GetDocumentAsync("contact")).QuerySelector("select[name='Input.ReasonId'] option[value]:not([value=''])")!.GetAttribute("value")!;
        Assert.True(await scenario.ClientNavHasAsync("/contact"));

        await scenario.SetAsync("ClientMessages", false);

        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Client.GetAsync("messages/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Client.GetAsync("contact")).StatusCode);
        var newThread = await scenario.Client.PostAsync("messages/new", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", contactToken), new("Input.ClientId", scenario.ClientId.ToString()), new("Input.Subject", "Sneaky"), new("Input.Text", "Still here?")]));
        Assert.Equal(HttpStatusCode.NotFound, newThread.StatusCode);
        var contact = await scenario.Client.PostAsync("contact", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", contactToken), new("Input.ReasonId", reason), new("Input.ClientId", scenario.ClientId.ToString()), new("Input.Text", "Call me")]));
        Assert.Equal(HttpStatusCode.NotFound, contact.StatusCode);
        var reply = await scenario.Client.PostAsync($"messages/{thread}", new FormUrlEncodedContent([new("__RequestVerificationToken", contactToken), new("Input.Text", "A reply")]));
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Single(await messages.ThreadsAsync());
        Assert.Single(await messages.MessagesAsync(thread));

        // The conversation can still be read; nothing offers to write.
        var page = await scenario.Client.GetDocumentAsync($"messages/{thread}");
        Assert.Null(page.QuerySelector("[data-testid=reply-form]"));
        Assert.NotNull(page.QuerySelector("[data-testid=replies-off]"));
        Assert.Null((await scenario.Client.GetDocumentAsync("messages")).QuerySelector("[data-testid=new-message]"));
        Assert.False(await scenario.ClientNavHasAsync("/contact"));

        // Staff still answer.
        var staffReply = await MessagesScenario.PostAsync(scenario.Staff, $"admin/messages/{thread}", new() { ["Input.Text"] = "We will call you." });
        Assert.Equal(HttpStatusCode.Redirect, staffReply.StatusCode);
        Assert.Equal(2, (await messages.MessagesAsync(thread)).Count);

        await scenario.SetAsync("ClientMessages", true);
        Assert.Equal(HttpStatusCode.Redirect, (await MessagesScenario.ReplyAsync(scenario.Client, $"messages/{thread}", "Thank you")).StatusCode);
        await messages.StartAsync(scenario.Client, "After the switch", "Hello again.");
        Assert.Equal(3, (await messages.MessagesAsync(thread)).Count);
        Assert.Equal(2, (await messages.ThreadsAsync()).Count);
        Assert.True(await scenario.ClientNavHasAsync("/contact"));
    }

    [Theory, BothDatabases]
    public async Task Client_invoices_off_answer_404_to_the_pages_and_to_paying_and_on_show_them(DatabaseProvider provider)
    {
        var scenario = await SwitchesScenario.CreateAsync(await apps.For(provider));
        var invoiceId = await scenario.InvoiceAsync("SW-1");
        var token = await scenario.Client.AntiforgeryTokenAsync($"billing/invoices/{invoiceId}");
        Assert.True(await scenario.ClientNavHasAsync("/billing"));

        await scenario.SetAsync("ClientBilling", false);

        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Client.GetAsync("billing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Client.GetAsync($"billing/invoices/{invoiceId}")).StatusCode);
        var pay = await scenario.Client.PostAsync($"billing/invoices/{invoiceId}?handler=Pay", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Pay.Amount", "100.00")]));
        Assert.Equal(HttpStatusCode.NotFound, pay.StatusCode);
        Assert.Equal(0, await CheckoutAttemptsAsync(scenario));
        Assert.False(await scenario.ClientNavHasAsync("/billing"));

        // Staff still see and manage the invoice.
        Assert.Equal(HttpStatusCode.OK, (await scenario.Admin.GetAsync($"admin/billing/invoices/{invoiceId}")).StatusCode);

        await scenario.SetAsync("ClientBilling", true);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Client.GetAsync("billing")).StatusCode);
        Assert.Contains("SW-1", await scenario.Client.GetStringAsync($"billing/invoices/{invoiceId}"), StringComparison.Ordinal);
        Assert.True(await scenario.ClientNavHasAsync("/billing"));

        // Paying gets past the switch to the practice's payment rules (no online payments set up here).
        var allowed = await scenario.Client.PostAsync($"billing/invoices/{invoiceId}?handler=Pay", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Pay.Amount", "100.00")]));
        Assert.NotEqual(HttpStatusCode.NotFound, allowed.StatusCode);
        Assert.True((int)allowed.StatusCode < 500, $"paying answered {(int)allowed.StatusCode}");
    }

    [Theory, BothDatabases]
    public async Task Sent_files_email_off_queues_no_notice_and_withdraws_one_queued_before_and_on_queues_it(DatabaseProvider provider)
    {
        var scenario = await SwitchesScenario.CreateAsync(await apps.For(provider));
        var clientEmail = scenario.Messages.Documents.ClientUser.Email!;

        // Queued while on: a notice waits for staff to send it.
        await SendFilesAsync(scenario, "Queued while on.pdf", 1);
        Assert.Equal(1, await NoticesAsync(scenario));

        await scenario.SetAsync("EmailClientsOnSentFiles", false);

        await SendFilesAsync(scenario, "Sent while off.pdf", 2);
        Assert.Equal(1, await NoticesAsync(scenario));

        // The one queued before is withdrawn when sent, not e-mailed.
        var sent = await scenario.Admin.SubmitFormAsync("admin/reminders", [], "tr[data-reminder] form[action*='handler=Send']");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Empty((await scenario.Admin.GetDocumentAsync("admin/reminders")).QuerySelectorAll("tr[data-reminder]"));
        Assert.Equal(0, await OutboxToAsync(scenario, clientEmail));

        // The client still finds the files on the site.
        var page = await scenario.Client.GetStringAsync($"documents/{scenario.ClientId}");
        Assert.Contains("Sent while off.pdf", page, StringComparison.Ordinal);

        await scenario.SetAsync("EmailClientsOnSentFiles", true);
        await SendFilesAsync(scenario, "Sent when on again.pdf", 3);
        Assert.Equal(1, await NoticesAsync(scenario));
        await scenario.Admin.SubmitFormAsync("admin/reminders", [], "tr[data-reminder] form[action*='handler=Send']");
        Assert.Equal(1, await OutboxToAsync(scenario, clientEmail));
    }

    /// <summary>Staff send one file in a batch and say the batch is complete (as the uploader does).</summary>
    private static async Task SendFilesAsync(SwitchesScenario scenario, string name, int seed)
    {
        var batch = Guid.NewGuid();
        await new TusClient(scenario.Staff).UploadAsync(DocumentsScenario.Pdf(5000, seed), name, scenario.ClientId, batchId: batch);
        var token = (await scenario.Staff.GetDocumentAsync($"admin/documents/clients/{scenario.ClientId}")).QuerySelector("[data-uploader]")!.GetAttribute("data-antiforgery")!;
        var complete = new HttpRequestMessage(HttpMethod.Post, $"documents/{scenario.ClientId}/batches/{batch}/complete");
        complete.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Staff.SendAsync(complete)).StatusCode);
    }

    private static Task<int> NoticesAsync(SwitchesScenario scenario)
        => scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders
            .CountAsync(r => r.Kind == "documents.sent" && r.State == Portal.Notifications.Models.ReminderState.Ready));

    private static Task<int> OutboxToAsync(SwitchesScenario scenario, string address)
        => scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages.CountAsync(m => m.To.Contains(address)));

    private static Task<int> UploadCountAsync(SwitchesScenario scenario)
        => scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<DocumentsDbContext>().Uploads.CountAsync());

    private static Task<int> CheckoutAttemptsAsync(SwitchesScenario scenario)
        => scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<BillingDbContext>().CheckoutAttempts.CountAsync());
}
