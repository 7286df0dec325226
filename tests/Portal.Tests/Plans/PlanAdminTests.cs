using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Documents;
using Portal.Documents.Services;
using Portal.Plans.Data;
using Portal.Plans.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Plans;

/// <summary>The operator's plan pages in the host admin, assigning a plan to a practice, and what a plan's seats and storage do in the practice.</summary>
public sealed class PlanAdminTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Plans_are_refused_at_the_field_when_wrong_and_every_change_is_recorded_with_its_operator(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var operatorBrowser = await app.OperatorClientAsync();
        var name = Practices.UniqueName("Gold ");

        var refused = await operatorBrowser.SubmitFormAsync("admin/plans/new", new()
        {
            ["Input.Name"] = "",
            ["Input.PaymentRequestsPerMonth"] = "-1",
            ["Input.StorageGigabytes"] = "1.5",
            ["Input.StaffSeats"] = "abc",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = HtmlForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Enter the plan's name.", FieldError(page, "plan-name-error"), StringComparison.Ordinal);
        Assert.Contains("secure payment requests a month as a whole number from 0", FieldError(page, "plan-requests-error"), StringComparison.Ordinal);
        Assert.Contains("storage in GB as a whole number from 1", FieldError(page, "plan-storage-error"), StringComparison.Ordinal);
        Assert.Contains("staff seats as a whole number from 1", FieldError(page, "plan-seats-error"), StringComparison.Ordinal);
        Assert.Equal("abc", page.QuerySelector<IHtmlInputElement>("#Input_StaffSeats")?.Value);

        var created = await operatorBrowser.SubmitFormAsync("admin/plans/new", new()
        {
            ["Input.Name"] = name,
            ["Input.PaymentRequestsPerMonth"] = "25",
            ["Input.StorageGigabytes"] = "",
            ["Input.StaffSeats"] = "3",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var plan = await StoredPlanAsync(app, name);
        Assert.Equal((25, (int?)null, 3), (plan.PaymentRequestsPerMonth, plan.StorageGigabytes, plan.StaffSeats));
        Assert.Contains(name, await operatorBrowser.GetStringAsync("admin/plans"), StringComparison.Ordinal);

        var duplicate = await operatorBrowser.SubmitFormAsync("admin/plans/new", new() { ["Input.Name"] = name.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("exists already", FieldError(HtmlForms.Parse(await duplicate.Content.ReadAsStringAsync()), "plan-name-error"), StringComparison.Ordinal);

        var edit = await operatorBrowser.GetDocumentAsync($"admin/plans/{plan.Id}");
        Assert.Equal("25", edit.QuerySelector<IHtmlInputElement>("#Input_PaymentRequestsPerMonth")?.Value);
        var badEdit = await operatorBrowser.SubmitFormAsync($"admin/plans/{plan.Id}", new() { ["Input.PaymentRequestsPerMonth"] = "1000001" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEdit.StatusCode);
        Assert.Equal(25, (await StoredPlanAsync(app, name)).PaymentRequestsPerMonth);
        var edited = await operatorBrowser.SubmitFormAsync($"admin/plans/{plan.Id}", new() { ["Input.PaymentRequestsPerMonth"] = "", ["Input.StorageGigabytes"] = "50" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        plan = await StoredPlanAsync(app, name);
        Assert.Equal(((int?)null, (int?)50, (int?)3), (plan.PaymentRequestsPerMonth, plan.StorageGigabytes, plan.StaffSeats));
        Assert.Equal(HttpStatusCode.NotFound, (await operatorBrowser.GetAsync($"admin/plans/{Guid.NewGuid()}")).StatusCode);

        var changes = await ChangesAsync(app, plan.Id);
        Assert.Equal([PlanAuditActions.Updated, PlanAuditActions.Created], changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.NotNull(c.OperatorId));
        Assert.Contains("payment requests a month unlimited, storage 50 GB, staff seats 3", changes[0].Detail, StringComparison.Ordinal);

        // The page names each change as the audit trail does, never by its recorded code.
        var history = (await operatorBrowser.GetDocumentAsync($"admin/plans/{plan.Id}")).QuerySelectorAll("[data-testid=plan-changes] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, history.Count);
        Assert.Contains("Plan changed:", history[0], StringComparison.Ordinal);
        Assert.Contains("Plan created:", history[1], StringComparison.Ordinal);
        Assert.DoesNotContain(history, h => h.Contains(PlanAuditActions.Updated, StringComparison.Ordinal) || h.Contains(PlanAuditActions.Created, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task The_operator_assigns_a_plan_on_the_practice_page_and_the_practice_admin_sees_it_with_its_usage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var practiceAdmin = await app.SignedInClientAsync(practice, admin);
        var operatorBrowser = await app.OperatorClientAsync();

        var free = await practiceAdmin.GetDocumentAsync("admin/plan");
        Assert.Contains("free allowance", Text(free, "plan-name"), StringComparison.Ordinal);
        Assert.Contains("0 of 5 free requests used; 5 left", Text(free, "usage-payment-requests"), StringComparison.Ordinal);
        Assert.Contains("unlimited", Text(free, "usage-staff-seats"), StringComparison.Ordinal);

        var plan = await app.CreatePlanAsync(requestsPerMonth: 10, storageGigabytes: 2, staffSeats: 7);
        var details = $"admin/practices/{practice.Name}";
        Assert.Contains("No plan", Text(await operatorBrowser.GetDocumentAsync(details), "practice-plan"), StringComparison.Ordinal);

        foreach (var wrong in new[] { Guid.NewGuid().ToString(), "not-a-plan", "" })
        {
            var refused = await operatorBrowser.SubmitFormAsync($"{details}/plan", new() { ["PlanId"] = wrong }, "[data-testid=practice-plan-form]");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("Choose", FieldError(HtmlForms.Parse(await refused.Content.ReadAsStringAsync()), "plan-error"), StringComparison.Ordinal);
        }

        var assigned = await operatorBrowser.SubmitFormAsync($"{details}/plan", new() { ["PlanId"] = plan.Id.ToString() }, "[data-testid=practice-plan-form]");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Contains(plan.Name, Text(await operatorBrowser.GetDocumentAsync(details), "practice-plan"), StringComparison.Ordinal);
        var change = Assert.Single(await ChangesAsync(app, plan.Id), c => c.Action == PlanAuditActions.Assigned);
        Assert.Equal(app.Get<TenantRegistry>().Find(practice.Name)!.Id, change.TenantId);
        Assert.NotNull(change.OperatorId);

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IPlanQuotas>().TryConsumeAsync(PlanQuota.SecurePaymentRequests, "one"));
        var page = await practiceAdmin.GetDocumentAsync("admin/plan");
        Assert.Equal(plan.Name, Text(page, "plan-name"));
        Assert.Contains("1 of 10 used in", Text(page, "usage-payment-requests"), StringComparison.Ordinal);
        Assert.Contains("of 2 GB used", Text(page, "usage-storage"), StringComparison.Ordinal);
        Assert.Matches(@"\d+ of 7 in use", Text(page, "usage-staff-seats"));

        // Back to no plan.
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBrowser.SubmitFormAsync($"{details}/plan", new() { ["PlanId"] = "none" }, "[data-testid=practice-plan-form]")).StatusCode);
        Assert.Contains("free allowance", Text(await practiceAdmin.GetDocumentAsync("admin/plan"), "plan-name"), StringComparison.Ordinal);
        Assert.Contains(await ChangesAsync(app, plan.Id), c => c.Action == PlanAuditActions.Unassigned);
    }

    [Theory, BothDatabases]
    public async Task Inviting_or_enabling_staff_beyond_the_plan_seats_is_refused_with_a_clear_message_before_the_form_is_filled(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var admin = await app.AddAdministratorAsync(practice);
        var browser = await app.SignedInClientAsync(practice, admin);
        var enabledStaff = (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().ListStaffAsync())).Count(s => !s.IsDisabled);
        var plan = await app.CreatePlanAsync(staffSeats: enabledStaff + 1);
        await app.AssignPlanAsync(practice, plan);

        // A form opened while one seat was free ...
        var staleForm = (await browser.GetDocumentAsync("admin/users/invite")).QuerySelector<IHtmlFormElement>("main form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await Invite(browser, "first")).StatusCode);

        // ... the page now says so before anything is typed ...
        var full = await browser.GetDocumentAsync("admin/users/invite");
        var message = full.QuerySelector("[data-testid=seats-full]")?.TextContent ?? "";
        Assert.Contains($"Your plan ({plan.Name}) allows {enabledStaff + 1} staff seat", message, StringComparison.Ordinal);
        Assert.Null(full.QuerySelector("main form input[name=Email]"));

        // ... and a send from the stale form is refused with the same message, creating nobody.
        var email = $"second-{Guid.NewGuid():N}@staff.example";
        var refused = await browser.PostFormAsync(staleForm, new() { ["DisplayName"] = "Second", ["Email"] = email, ["SelectedRoles"] = "Staff", ["Method"] = "Link" }, "admin/users/invite");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("staff seat", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(email)));

        // A disabled staff member frees a seat; enabling them again when it has been taken is refused.
        var disabled = await app.AddStaffAsync(practice);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync($"admin/users/{disabled.Id}", [], "form[action*='handler=Disable']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync($"admin/users/{disabled.Id}", [], "form[action*='handler=Enable']")).StatusCode);
        Assert.True((await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IUserDirectory>().FindAsync(disabled.Id)))!.IsDisabled);
        Assert.Contains("staff seat", await browser.GetStringAsync($"admin/users/{disabled.Id}"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_plan_storage_is_the_practice_documents_quota(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        const long gigabyte = 1024L * 1024 * 1024;
        var configured = app.Get<Microsoft.Extensions.Options.IOptions<DocumentOptions>>().Value.PracticeQuota;

        Assert.Equal(configured, (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IPracticeStorage>().GetAsync())).LimitBytes);
        Assert.Null(await app.InPracticeAsync(practice, sp => sp.GetRequiredService<DocumentStore>().QuotaErrorAsync(2 * gigabyte, default)));

        await app.AssignPlanAsync(practice, await app.CreatePlanAsync(storageGigabytes: 1));
        Assert.Equal(gigabyte, (await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IPracticeStorage>().GetAsync())).LimitBytes);
        var error = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<DocumentStore>().QuotaErrorAsync(2 * gigabyte, default));
        Assert.Contains("of 1 GB is used", error, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Invite(HttpClient browser, string who)
        => browser.SubmitFormAsync("admin/users/invite", new() { ["DisplayName"] = who, ["Email"] = $"{who}-{Guid.NewGuid():N}@staff.example", ["SelectedRoles"] = "Staff", ["Method"] = "Link" });

    private static string FieldError(IHtmlDocument page, string id) => page.QuerySelector($"#{id}")?.TextContent.Trim() ?? "";

    private static string Text(IHtmlDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim() ?? "";

    private static async Task<Plan> StoredPlanAsync(PortalApplication app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlansDbContext>().Plans.AsNoTracking().SingleAsync(p => p.Name == name);
    }

    private static async Task<List<PlanChange>> ChangesAsync(PortalApplication app, Guid planId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlansDbContext>().PlanChanges.AsNoTracking()
            .Where(c => c.PlanId == planId).OrderByDescending(c => c.At).ToListAsync();
    }
}
