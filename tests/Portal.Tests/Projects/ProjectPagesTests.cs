using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit.Data;
using Portal.Core.Data;
using Portal.Core.Navigation;
using Portal.Documents.Data;
using Portal.Projects.Data;
using Portal.Projects.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Projects;

/// <summary>The staff pages as staff use them: starting a project, posting a status from the form, refusals at the field.</summary>
public sealed class ProjectPagesTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Staff_start_a_project_with_its_folder_and_post_a_status_the_client_then_sees_next_to_its_files(DatabaseProvider provider)
    {
        var scenario = await ProjectsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var received = await scenario.StatusAsync("Received");

        // From the client's record.
        var record = await staff.GetDocumentAsync($"admin/clients/{scenario.ClientId}");
        Assert.Contains(record.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/admin/projects/clients/{scenario.ClientId}");

        var created = await staff.SubmitFormAsync($"admin/projects/clients/{scenario.ClientId}", new()
        {
            ["Input.Name"] = "2026 Personal tax return",
            ["Input.StatusId"] = received.Id.ToString(),
            ["Input.ExpectedOn"] = "2027-04-30",
            ["Input.ExternalId"] = "T1-1001",
        }, "form[data-testid=new-project]");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var project = await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectsDbContext>().Projects.SingleAsync(p => p.ClientId == scenario.ClientId));
        Assert.Equal(("2026 Personal tax return", new DateOnly(2027, 4, 30), "T1-1001"), (project.Name, project.ExpectedOn, project.ExternalId));
        var folder = await scenario.InPracticeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Folders.SingleAsync(f => f.Id == project.FolderId));
        Assert.Equal(("2026 Personal tax return", scenario.ClientId, (Guid?)null), (folder.Name, folder.ClientId, folder.ParentId));
        await scenario.SendFileAsync(project, "Engagement letter.pdf");

        var waiting = await scenario.StatusAsync("Waiting on you");
        var posted = await staff.SubmitFormAsync($"admin/projects/{project.Id}", new()
        {
            ["Status.StatusId"] = waiting.Id.ToString(),
            ["Status.Note"] = "We need your T5 slip.",
        }, "form[data-testid=status-form]");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await staff.GetDocumentAsync($"admin/projects/{project.Id}");
        Assert.Contains("Waiting on you", page.QuerySelector("[data-testid=project-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("We need your T5 slip.", page.QuerySelector("[data-testid=status-history]")!.TextContent, StringComparison.Ordinal);

        var client = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.ClientUser);
        var list = await client.GetDocumentAsync("projects");
        var card = list.QuerySelector("[data-project='2026 Personal tax return']")!;
        Assert.Equal("Waiting on you", card.QuerySelector("[data-testid=project-status]")!.TextContent.Trim());
        Assert.Contains("Engagement letter.pdf", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("30 Apr 2027", card.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("T5 slip", list.Body!.TextContent, StringComparison.Ordinal);

        // The client's home card: the project, its status as the note, marked as waiting on them.
        Assert.Contains("1 project · 1 waiting on you", await client.GetStringAsync(""), StringComparison.Ordinal);
        var cards = await scenario.InPracticeAsync(async sp =>
        {
            var user = await sp.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Portal.Identity.Models.PortalUser>>().CreateAsync(scenario.ClientUser);
            var all = new List<ClientDashboardCard>();
            foreach (var provider in sp.GetServices<IClientDashboardCardProvider>())
            {
                all.AddRange(await provider.GetCardsAsync(user, default));
            }

            return all;
        });
        var projectsCard = Assert.Single(cards, c => c.Title == "Projects");
        Assert.Equal((40, "/projects"), (projectsCard.Position, projectsCard.Path));
        Assert.Equal(new ClientDashboardLine("2026 Personal tax return", $"/projects/{project.Id}", "Waiting on you", NeedsAttention: true), Assert.Single(projectsCard.Lines));

        var audited = await scenario.InPracticeAsync(sp => sp.GetRequiredService<AuditDbContext>().Events.Where(e => e.TargetId == project.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal([ProjectAuditActions.Created, ProjectAuditActions.StatusPosted], audited.Order().ToList());
    }

    [Theory, BothDatabases]
    public async Task Bad_input_is_refused_at_the_field_and_leaves_neither_project_nor_folder(DatabaseProvider provider)
    {
        var scenario = await ProjectsScenario.CreateAsync(await apps.For(provider));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);
        var filed = await scenario.StatusAsync("Filed");
        await scenario.CreateProjectAsync("Existing", externalId: "TAKEN-1");
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<Portal.Projects.Services.ProjectStatusList>().SetRetiredAsync(filed.Id, true));
        var foldersBefore = await scenario.InPracticeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Folders.CountAsync());

        var cases = new (Dictionary<string, string> Fields, string Field, string Message)[]
        {
            (new() { ["Input.Name"] = "   " }, "Input.Name", "Type a name for the project"),
            (new() { ["Input.Name"] = new string('n', Project.NameMaxLength + 1) }, "Input.Name", "Keep the name under"),
            (new() { ["Input.Name"] = "Year-end", ["Input.StatusId"] = filed.Id.ToString() }, "Input.StatusId", "was retired"),
            (new() { ["Input.Name"] = "Year-end", ["Input.StatusId"] = Guid.NewGuid().ToString() }, "Input.StatusId", "not on the practice's list"),
            (new() { ["Input.Name"] = "Year-end", ["Input.StatusId"] = "" }, "Input.StatusId", "Choose a status"),
            (new() { ["Input.Name"] = "Year-end", ["Input.ExternalId"] = "TAKEN-1" }, "Input.ExternalId", "already has the external ID"),
            (new() { ["Input.Name"] = "Year-end", ["Input.ExpectedOn"] = "2199-01-01" }, "Input.ExpectedOn", "within the next ten years"),
            (new() { ["Input.Name"] = "Year-end", ["Input.ExpectedOn"] = "not-a-date" }, "Input.ExpectedOn", "not valid"),
        };
        foreach (var (fields, field, message) in cases)
        {
            var received = await scenario.StatusAsync("Received");
            fields.TryAdd("Input.StatusId", received.Id.ToString());
            var response = await staff.SubmitFormAsync($"admin/projects/clients/{scenario.ClientId}", fields, "form[data-testid=new-project]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            var error = page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";
            Assert.True(error.Contains(message, StringComparison.Ordinal), $"{field}: expected \"{message}\", got \"{error}\"");
        }

        Assert.Equal(1, await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectsDbContext>().Projects.CountAsync()));
        Assert.Equal(foldersBefore, await scenario.InPracticeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Folders.CountAsync()));

        // A past expected date is kept: the project is overdue, not refused.
        var past = await staff.SubmitFormAsync($"admin/projects/clients/{scenario.ClientId}", new()
        {
            ["Input.Name"] = "2024 Late return",
            ["Input.StatusId"] = (await scenario.StatusAsync("Received")).Id.ToString(),
            ["Input.ExpectedOn"] = "2025-04-30",
        }, "form[data-testid=new-project]");
        Assert.Equal(HttpStatusCode.Redirect, past.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_status_form_refuses_a_retired_status_and_an_overlong_note_at_the_field(DatabaseProvider provider)
    {
        var scenario = await ProjectsScenario.CreateAsync(await apps.For(provider));
        var project = await scenario.CreateProjectAsync();
        var filed = await scenario.StatusAsync("Filed");
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<Portal.Projects.Services.ProjectStatusList>().SetRetiredAsync(filed.Id, true));
        var staff = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Staff);

        foreach (var (fields, field, message) in new (Dictionary<string, string>, string, string)[]
        {
            (new() { ["Status.StatusId"] = filed.Id.ToString() }, "Status.StatusId", "was retired"),
            (new() { ["Status.StatusId"] = "" }, "Status.StatusId", "Choose a status"),
            (new() { ["Status.StatusId"] = (await scenario.StatusAsync("In progress")).Id.ToString(), ["Status.Note"] = new string('n', ProjectStatusChange.NoteMaxLength + 1) }, "Status.Note", "Keep the note under"),
            (new() { ["Status.StatusId"] = (await scenario.StatusAsync("In progress")).Id.ToString(), ["Status.PostAsMessage"] = "true" }, "Status.Note", "Write the note"),
        })
        {
            var response = await staff.SubmitFormAsync($"admin/projects/{project.Id}", fields, "form[data-testid=status-form]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var error = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";
            Assert.True(error.Contains(message, StringComparison.Ordinal), $"{field}: expected \"{message}\", got \"{error}\"");
        }

        Assert.Equal(1, await scenario.InPracticeAsync(sp => sp.GetRequiredService<ProjectsDbContext>().StatusChanges.CountAsync(c => c.ProjectId == project.Id)));
    }
}
