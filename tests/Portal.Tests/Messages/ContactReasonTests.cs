using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Core.Data;
using Portal.Messages.Models;
using Portal.Messages.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Messages;

/// <summary>The practice's reasons: routing assigns Contact us threads; retiring keeps old threads' reason; the editor adds, renames and reorders.</summary>
public sealed class ContactReasonTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_reason_routed_to_a_staff_member_or_a_role_assigns_its_threads_and_shows_them_under_mine(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.BrowserAsync(scenario.Documents.Admin);
        var tax = await scenario.ReasonIdAsync("Tax Question");
        var billing = await scenario.ReasonIdAsync("Billing Question");
        Assert.Equal(HttpStatusCode.Redirect, (await MessagesScenario.ReasonFormAsync(admin, "Save", tax, new() { ["name"] = "Tax Question", ["route"] = $"user:{scenario.Documents.Staff.Id}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MessagesScenario.ReasonFormAsync(admin, "Save", billing, new() { ["name"] = "Billing Question", ["route"] = "role:Administrator" })).StatusCode);

        var client = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        var taxThread = await scenario.ContactAsync(client, "Tax Question", "Is my RRSP withdrawal taxable?");
        var billingThread = await scenario.ContactAsync(client, "Billing Question", "Why two invoices?");
        var threads = (await scenario.ThreadsAsync()).ToDictionary(t => t.Id);
        Assert.Equal(scenario.Documents.Staff.Id, threads[taxThread].AssignedUserId);
        Assert.Equal(tax, threads[taxThread].ReasonId);
        Assert.Equal(MessageThreadKind.Contact, threads[taxThread].Kind);
        Assert.Null(threads[billingThread].AssignedUserId);
        Assert.Equal("Administrator", threads[billingThread].AssignedRole);

        var staff = await scenario.BrowserAsync(scenario.Documents.Staff);
        var staffMine = await staff.GetStringAsync("admin/messages?show=Mine");
        Assert.Contains($"/admin/messages/{taxThread}", staffMine, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/messages/{billingThread}", staffMine, StringComparison.Ordinal);
        var adminMine = await admin.GetStringAsync("admin/messages?show=Mine");
        Assert.Contains($"/admin/messages/{billingThread}", adminMine, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/messages/{taxThread}", adminMine, StringComparison.Ordinal);

        // The reason filter and the unread filter narrow the inbox in the database.
        var byReason = await admin.GetStringAsync($"admin/messages?reason={tax}");
        Assert.Contains($"/admin/messages/{taxThread}", byReason, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/messages/{billingThread}", byReason, StringComparison.Ordinal);
        await admin.GetAsync($"admin/messages/{taxThread}");
        var unread = await admin.GetStringAsync("admin/messages?unread=true");
        Assert.DoesNotContain($"/admin/messages/{taxThread}", unread, StringComparison.Ordinal);
        Assert.Contains($"/admin/messages/{billingThread}", unread, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_retired_reason_leaves_the_form_and_old_threads_keep_it(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var client = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        var reschedule = await scenario.ReasonIdAsync("Reschedule Appointment");
        var old = await scenario.ContactAsync(client, "Reschedule Appointment", "Can we meet next week instead?");

        var admin = await scenario.BrowserAsync(scenario.Documents.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await MessagesScenario.ReasonFormAsync(admin, "Retire", reschedule, [])).StatusCode);

        var form = await client.GetDocumentAsync("contact");
        var choices = form.QuerySelectorAll("[data-testid=contact-reason] option").Select(o => o.TextContent).ToList();
        Assert.DoesNotContain("Reschedule Appointment", choices);
        Assert.Contains("Tax Question", choices);

        // A stale form that still sends the retired reason is refused at the field; nothing is written.
        var stale = await MessagesScenario.PostAsync(client, "contact", new() { ["Input.ReasonId"] = reschedule.ToString(), ["Input.Text"] = "Again?" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("Choose one of the reasons in the list.", HtmlForms.Parse(await stale.Content.ReadAsStringAsync()).QuerySelector("[data-testid=reason-error]")!.TextContent.Trim());
        Assert.Single(await scenario.ThreadsAsync());

        // The old thread keeps its reason, shown to staff, and the inbox can still filter by it.
        Assert.Equal(reschedule, Assert.Single(await scenario.ThreadsAsync()).ReasonId);
        var page = await admin.GetDocumentAsync($"admin/messages/{old}");
        Assert.Equal("Reschedule Appointment", page.QuerySelector("[data-testid=thread-reason]")!.TextContent);
        Assert.Contains($"/admin/messages/{old}", await admin.GetStringAsync($"admin/messages?reason={reschedule}"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_editor_adds_renames_and_reorders_reasons_refuses_bad_names_at_the_field_and_audits_each_change(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.BrowserAsync(scenario.Documents.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("admin/messages/reasons", new() { ["name"] = "Payroll", ["route"] = "" }, "[data-testid=add-reason]")).StatusCode);

        var duplicate = await admin.SubmitFormAsync("admin/messages/reasons", new() { ["name"] = "payroll", ["route"] = "" }, "[data-testid=add-reason]");
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Equal("Another reason already has that name.", HtmlForms.Parse(await duplicate.Content.ReadAsStringAsync()).QuerySelector("#add-name-error")!.TextContent.Trim());
        var unknownRoute = await admin.SubmitFormAsync("admin/messages/reasons", new() { ["name"] = "Audit", ["route"] = $"user:{scenario.Documents.ClientUser.Id}" }, "[data-testid=add-reason]");
        Assert.Contains("Choose a staff member or a role", await unknownRoute.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var payroll = await scenario.ReasonIdAsync("Payroll");
        Assert.Equal(HttpStatusCode.Redirect, (await MessagesScenario.ReasonFormAsync(admin, "Save", payroll, new() { ["name"] = "Payroll and T4s", ["route"] = "role:Staff" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MessagesScenario.ReasonFormAsync(admin, "Move", payroll, [], direction: "-1")).StatusCode);
        Assert.Contains("The reason moved up", (await admin.GetDocumentAsync("admin/messages/reasons")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var active = await scenario.InPracticeAsync(sp => sp.GetRequiredService<ContactReasons>().ActiveAsync());
        Assert.Equal(["Reschedule Appointment", "Billing Question", "Tax Question", "Payroll and T4s", "Other"], active.Select(r => r.Name));
        Assert.Equal("Staff", active.Single(r => r.Name == "Payroll and T4s").RouteToRole);

        var actions = await scenario.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events.Where(e => e.Action.StartsWith("messages.reason")).Select(e => e.Action).ToListAsync());
        Assert.Equal(
            new[] { MessageAuditActions.ReasonAdded, MessageAuditActions.ReasonChanged, MessageAuditActions.ReasonsReordered }.Order(StringComparer.Ordinal),
            actions.Order(StringComparer.Ordinal));
    }
}
