using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// Staff post a project's new status with a note, from the client's record; the client signs in and
/// sees the new status next to the project's files (the note stays staff's: it is not posted as a
/// message here). On SQLite, with the demo practice's "2025 Personal tax return" of Jordan Lee.
/// </summary>
public sealed class ProjectStatusTests(DemoAppFixture demo, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    private const string ClientName = "Jordan Lee";
    private const string ClientExternalId = "C-1001";
    private const string PortalName = "Lee household";
    private const string ProjectName = "2025 Personal tax return";

    /// <summary>A file the demo puts in the project's folder.</summary>
    private const string ProjectFile = "Engagement letter 2025.pdf";

    [Fact]
    public async Task Staff_post_a_new_status_with_a_note_and_the_client_sees_it_next_to_the_projects_files()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var note = $"Slips received, we are preparing the return ({PracticeSite.RandomSuffix()}).";

        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.StaffEmail, AppProcess.DemoPassword);
        await staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" }).GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).ClickAsync();
        await staff.GetByLabel("Search clients").FillAsync(ClientExternalId);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await staff.GetByTestId("clients").GetByRole(AriaRole.Link, new() { Name = ClientName, Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Navigation, new() { Name = $"Work with {ClientName}" }).GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = $"Projects of {ClientName}", Level = 1 })).ToBeVisibleAsync();
        await staff.GetByTestId("client-projects").GetByRole(AriaRole.Link, new() { Name = ProjectName, Exact = true }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex($"^{Regex.Escape(practiceUrl)}/admin/projects/[0-9a-f-]{{36}}$"));

        var form = staff.GetByTestId("status-form");
        await form.GetByLabel("New status").SelectOptionAsync(new SelectOptionValue { Label = "In progress" });
        await form.GetByLabel("Note", new() { Exact = true }).FillAsync(note);
        await form.GetByRole(AriaRole.Button, new() { Name = "Post the status" }).ClickAsync();
        await Expect(staff.GetByText("The status is now \"In progress\".")).ToBeVisibleAsync();
        await Expect(staff.GetByTestId("project-status")).ToContainTextAsync("In progress");
        await Expect(staff.GetByTestId("status-history").GetByRole(AriaRole.Row).Filter(new() { HasText = note })).ToContainTextAsync("Waiting on you → In progress");

        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await PracticeSite.SignInAsync(client, practiceUrl, DemoPractice.ClientEmail, AppProcess.DemoPassword);
        await client.GetByRole(AriaRole.Button, new() { Name = $"Open {PortalName}" }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Jordan Lee", Level = 1 })).ToBeVisibleAsync();
        await client.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Projects" }).ClickAsync();

        var project = client.GetByTestId("projects").GetByRole(AriaRole.Listitem).Filter(new() { Has = client.GetByRole(AriaRole.Heading, new() { Name = ProjectName }) });
        await Expect(project.GetByTestId("project-status")).ToHaveTextAsync("In progress");
        await Expect(project.GetByRole(AriaRole.Link, new() { Name = ProjectFile })).ToBeVisibleAsync();
        await Expect(client.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(note);

        // The project's own page: the status, the files, and the way to its folder.
        await project.GetByRole(AriaRole.Link, new() { Name = ProjectName }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = ProjectName, Level = 1 })).ToBeVisibleAsync();
        await Expect(client.GetByTestId("project-status")).ToHaveTextAsync("In progress");
        await Expect(client.GetByTestId("project-files").GetByRole(AriaRole.Link, new() { Name = ProjectFile })).ToBeVisibleAsync();
        await client.GetByRole(AriaRole.Link, new() { Name = "Open the project's folder" }).ClickAsync();
        await Expect(client).ToHaveURLAsync(new Regex($"^{Regex.Escape(practiceUrl)}/documents/[0-9a-f-]{{36}}\\?folder=[0-9a-f-]{{36}}$"));
    }
}
