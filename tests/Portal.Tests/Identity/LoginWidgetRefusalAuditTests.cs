using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Audit.Models;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.LoginWidget;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Identity;

/// <summary>
/// A login widget form the portal refuses (from a website not on the practice's list, with no website listed
/// at all, with no origin, with no form) is recorded in the practice's audit trail by its website and
/// reason, never with the address or password typed; a flood of them adds a bounded number of rows.
/// </summary>
public sealed class LoginWidgetRefusalAuditTests(ClassApps apps) : IClassFixture<ClassApps>
{
    private const string FirmSite = "https://www.firm.example";
    private const string Password = "Typed-Password-4711";

    [Theory, BothDatabases]
    public async Task A_form_from_a_website_not_on_the_list_is_recorded_with_its_website_and_without_what_was_typed(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeAsync(provider, [FirmSite]);
        var email = $"victim-{Guid.NewGuid():N}@x.example";

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(app, practice, origin: "https://attacker.example", email: email)).StatusCode);

        var refusal = Assert.Single(await RefusalsAsync(app, practice));
        Assert.Equal((AuditTargetTypes.Website, "https://attacker.example"), (refusal.TargetType, refusal.TargetId));
        Assert.Contains("not on the practice's list", refusal.Details, StringComparison.Ordinal);
        Assert.Null(refusal.ActorId);
        foreach (var text in new[] { refusal.Details, refusal.ActorName, refusal.TargetId })
        {
            Assert.DoesNotContain(Password, text ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(email, text ?? "", StringComparison.Ordinal);
        }

        // A form from a listed website is not a refusal.
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(app, practice, origin: FirmSite)).StatusCode);
        Assert.Single(await RefusalsAsync(app, practice));
    }

    [Theory, BothDatabases]
    public async Task The_other_refusals_are_recorded_with_their_reason(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeAsync(provider, [FirmSite]);
        var (off, offPractice) = await PracticeAsync(provider, []);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(app, practice, origin: null)).StatusCode);
        var noForm = new HttpRequestMessage(HttpMethod.Post, "widget/sign-in") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        noForm.Headers.TryAddWithoutValidation("Origin", FirmSite);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.ClientFor(practice).SendAsync(noForm)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(off, offPractice, origin: FirmSite)).StatusCode);

        var refusals = await RefusalsAsync(app, practice);
        Assert.Equal(2, refusals.Count);
        Assert.Contains(refusals, r => r.TargetId == "an unknown website" && r.Details!.Contains("did not say which website", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.TargetId == FirmSite && r.Details!.Contains("no form", StringComparison.Ordinal));
        var switchedOff = Assert.Single(await RefusalsAsync(off, offPractice));
        Assert.Equal(FirmSite, switchedOff.TargetId);
        Assert.Contains("lists no website for the login widget, so it is off", switchedOff.Details, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_flood_of_refused_forms_records_a_bounded_number_and_says_so_then_records_again_in_the_next_window(DatabaseProvider provider)
    {
        var (app, practice) = await PracticeAsync(provider, [FirmSite]);
        var flood = WidgetRefusalBudget.RecordedPerWindow + 7;

        for (var i = 0; i < flood; i++)
        {
            // Every one is still refused; only the trail stops growing.
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(app, practice, origin: $"https://flood{i}.example")).StatusCode);
        }

        var recorded = await RefusalsAsync(app, practice);
        Assert.Equal(WidgetRefusalBudget.RecordedPerWindow, recorded.Count);
        Assert.Contains("Further refusals in the next 10 minutes are not recorded", recorded[^1].Details, StringComparison.Ordinal);
        Assert.All(recorded[..^1], r => Assert.DoesNotContain("Further refusals", r.Details, StringComparison.Ordinal));

        app.Clock.Advance(WidgetRefusalBudget.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(app, practice, origin: "https://after.example")).StatusCode);
        var after = await RefusalsAsync(app, practice);
        Assert.Equal(WidgetRefusalBudget.RecordedPerWindow + 1, after.Count);
        Assert.Equal("https://after.example", after[^1].TargetId);
    }

    private async Task<(PortalApplication App, TenantDescriptor Practice)> PracticeAsync(DatabaseProvider provider, string[] origins)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new LoginWidgetSettings { Origins = origins }));
        return (app, practice);
    }

    private static Task<List<AuditEvent>> RefusalsAsync(PortalApplication app, TenantDescriptor practice)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<AuditDbContext>().Events.AsNoTracking()
            .Where(e => e.Action == AuditActions.WidgetSignInRefused).OrderBy(e => e.Sequence).ToListAsync());

    private static Task<HttpResponseMessage> PostAsync(PortalApplication app, TenantDescriptor practice, string? origin, string email = "client@x.example")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "widget/sign-in")
        {
            Content = new FormUrlEncodedContent([new("email", email), new("password", Password)]),
        };
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        return app.ClientFor(practice).SendAsync(request);
    }
}
