using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Models;
using Portal.Billing.Services;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Billing;

public sealed class PaymentLevelTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_permissions_page_lists_staff_and_changes_a_level(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var admin = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("admin/billing/invoices")).StatusCode);

        var page = HtmlForms.Parse(await admin.GetStringAsync("admin/billing/permissions"));
        Assert.Equal("None", page.QuerySelector($"tr[data-user='{scenario.Staff.Id}'] [data-testid=payment-level]")!.TextContent.Trim());
        Assert.StartsWith("Full", page.QuerySelector($"tr[data-user='{scenario.Admin.Id}'] [data-testid=payment-level]")!.TextContent.Trim(), StringComparison.Ordinal);

        var response = await admin.SubmitFormAsync($"admin/billing/permissions?change={scenario.Staff.Id}", new() { ["level"] = nameof(PaymentLevel.View) }, "form[data-testid=payment-level-form]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = HtmlForms.Parse(await admin.GetStringAsync("admin/billing/permissions"));
        Assert.Equal("View payments", after.QuerySelector($"tr[data-user='{scenario.Staff.Id}'] [data-testid=payment-level]")!.TextContent.Trim());
        Assert.Equal(PaymentLevel.View, await scenario.InPracticeAsync(sp => sp.GetRequiredService<PaymentLevels>().StoredLevelAsync(scenario.Staff.Id)));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("admin/billing/invoices")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("admin/billing/invoices/new")).StatusCode);
    }
}
