using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// The practice administrator switches client uploads off on the switches page: the client's documents
/// page has no upload panel; switched on again, it has one. On a process of its own, so no other test
/// loses the demo client's uploader meanwhile.
/// </summary>
public sealed class ClientSwitchesTests(ClientSwitchesAppFixture fixture, BrowserFixture browser)
    : IClassFixture<ClientSwitchesAppFixture>, IClassFixture<BrowserFixture>
{
    private const string PortalName = "Lee household";
    private const string UploadSwitch = "Clients may upload files";

    [Fact]
    public async Task A_switched_off_upload_shows_the_client_no_upload_panel_and_a_switched_on_one_does()
    {
        var practiceUrl = fixture.App.PracticeUrl(DemoPractice.Name);
        await using var adminContext = await browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await PracticeSite.SignInAsync(admin, practiceUrl, DemoPractice.AdminEmail, AppProcess.DemoPassword);
        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await PracticeSite.SignInAsync(client, practiceUrl, DemoPractice.ClientEmail, AppProcess.DemoPassword);
        await client.GetByRole(AriaRole.Button, new() { Name = $"Open {PortalName}" }).ClickAsync();
        await client.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        await client.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Jordan Lee", Exact = true }).ClickAsync();
        var uploader = client.GetByRole(AriaRole.Region, new() { Name = $"Send documents to {DemoPractice.DisplayName}" });
        await Expect(uploader).ToBeVisibleAsync();

        await SwitchUploadsAsync(admin, practiceUrl, on: false);
        await client.ReloadAsync();
        await Expect(client.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(uploader).ToHaveCountAsync(0);
        await Expect(client.GetByText("choose files")).ToHaveCountAsync(0);

        await SwitchUploadsAsync(admin, practiceUrl, on: true);
        await client.ReloadAsync();
        await Expect(uploader).ToBeVisibleAsync();
    }

    private static async Task SwitchUploadsAsync(IPage admin, string practiceUrl, bool on)
    {
        await admin.GotoAsync($"{practiceUrl}/admin");
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" }).GetByRole(AriaRole.Link, new() { Name = "Customize" }).ClickAsync();
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Customize" }).GetByRole(AriaRole.Link, new() { Name = "Switches" }).ClickAsync();
        await admin.GetByLabel(UploadSwitch).SetCheckedAsync(on);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Expect(admin.GetByLabel(UploadSwitch)).ToBeCheckedAsync(new() { Checked = on });
    }
}
