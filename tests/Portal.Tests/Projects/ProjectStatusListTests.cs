using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Core.Data;
using Portal.Projects.Models;
using Portal.Projects.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Projects;

/// <summary>The practice's status list: the defaults, and adding, renaming, reordering, retiring on its settings page.</summary>
public sealed class ProjectStatusListTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_practice_starts_with_the_usual_statuses_and_edits_them_on_its_settings_page(DatabaseProvider provider)
    {
        var scenario = await ProjectsScenario.CreateAsync(await apps.For(provider));
        Assert.Equal(
            ["Received", "In progress", "Waiting on you", "Ready for review", "Filed"],
            (await ListAsync(scenario)).Select(s => s.Name));
        Assert.Equal(["Waiting on you", "Ready for review"], (await ListAsync(scenario)).Where(s => s.WaitingOnClient).Select(s => s.Name));

        var admin = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("admin/projects/statuses", new() { ["Input.Name"] = "Signature needed", ["Input.WaitingOnClient"] = "true" }, "form[data-testid=add-status]")).StatusCode);
        var added = (await ListAsync(scenario)).Single(s => s.Name == "Signature needed");
        Assert.True(added.WaitingOnClient);

        // Refused at the field: empty, too long, a name already on the list (in any case).
        foreach (var (name, message) in new[] { ("  ", "Type a name"), (new string('s', ProjectStatus.NameMaxLength + 1), "Keep the status name under"), ("received", "There is already a status called") })
        {
            var response = await admin.SubmitFormAsync("admin/projects/statuses", new() { ["Input.Name"] = name }, "form[data-testid=add-status]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent ?? "";
            Assert.Contains(message, error, StringComparison.Ordinal);
        }

        Assert.Equal(6, (await ListAsync(scenario)).Count);

        // Rename, move up, retire, restore.
        Assert.Null(await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().UpdateAsync(added.Id, "Signature needed from you", true)));
        Assert.Equal("project-status-name-taken", (await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().UpdateAsync(added.Id, "FILED", true)))?.Code);
        Assert.Null(await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().MoveAsync(added.Id, -1)));
        Assert.Equal(["Received", "In progress", "Waiting on you", "Ready for review", "Signature needed from you", "Filed"], (await ListAsync(scenario)).Select(s => s.Name));
        Assert.Null(await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().SetRetiredAsync(added.Id, true)));
        Assert.DoesNotContain("Signature needed from you", (await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().ListAsync(includeRetired: false))).Select(s => s.Name));
        Assert.Null(await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().SetRetiredAsync(added.Id, false)));

        var actions = await scenario.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events.Where(e => e.TargetId == added.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(
            [ProjectAuditActions.StatusAdded, ProjectAuditActions.StatusChanged, ProjectAuditActions.StatusesReordered, ProjectAuditActions.StatusRetired, ProjectAuditActions.StatusRestored],
            actions);
    }

    [Theory, BothDatabases]
    public async Task The_last_status_that_can_be_set_cannot_be_retired(DatabaseProvider provider)
    {
        var scenario = await ProjectsScenario.CreateAsync(await apps.For(provider));
        var all = await ListAsync(scenario);
        foreach (var status in all.Take(all.Count - 1))
        {
            Assert.Null(await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().SetRetiredAsync(status.Id, true)));
        }

        Assert.Equal("project-status-last", (await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().SetRetiredAsync(all[^1].Id, true)))?.Code);
        Assert.Single(await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().ListAsync(includeRetired: false)));
    }

    private static Task<IReadOnlyList<ProjectStatus>> ListAsync(ProjectsScenario scenario)
        => scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectStatusList>().ListAsync(includeRetired: true));
}
