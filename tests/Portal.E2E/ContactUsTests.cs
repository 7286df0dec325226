using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// Contact us end to end in Chromium, on the demo practice: the client picks a reason and writes; the
/// message waits in the staff inbox of the staff member the reason is routed to; they answer; the client
/// sees the unread badge beside Messages, reads the answer, and the badge goes. Texts are unique per run.
/// </summary>
[Collection(DemoRemindersCollection.Name)]
public sealed class ContactUsTests(DemoAppFixture demo, BrowserFixture browser)
    : IClassFixture<DemoAppFixture>, IClassFixture<BrowserFixture>
{
    private const string PortalName = "Lee household";

    [Fact]
    public async Task The_client_sends_a_contact_us_message_with_a_reason_staff_answer_and_the_client_sees_the_answer_and_the_unread_badge()
    {
        var practiceUrl = demo.App.PracticeUrl(DemoPractice.Name);
        var suffix = PracticeSite.RandomSuffix();
        var question = $"Can I claim my home office for 2025? (run {suffix})";
        var answer = $"Yes, if you worked from home more than half the time. Please upload your T2200. (run {suffix})";

        // The client writes through Contact us, choosing a reason.
        await using var clientContext = await browser.NewContextAsync();
        var client = await clientContext.NewPageAsync();
        await PracticeSite.SignInAsync(client, practiceUrl, DemoPractice.ClientEmail, AppProcess.DemoPassword);
        await client.GetByRole(AriaRole.Button, new() { Name = $"Open {PortalName}" }).ClickAsync();
        var nav = client.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await nav.GetByRole(AriaRole.Link, new() { Name = "Contact us" }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "Contact us", Level = 1 })).ToBeVisibleAsync();

        // Sent without a message, the form says so at the field and keeps the reason's list.
        await client.GetByLabel("Reason").SelectOptionAsync(new SelectOptionValue { Label = "Tax Question" });
        await client.GetByTestId("contact-send").ClickAsync();
        await Expect(client.GetByTestId("text-error")).ToHaveTextAsync("Write a message before sending it.");

        await client.GetByLabel("Reason").SelectOptionAsync(new SelectOptionValue { Label = "Tax Question" });
        await client.GetByLabel("About").SelectOptionAsync(new SelectOptionValue { Label = "Jordan Lee" });
        await client.GetByLabel("Message").FillAsync(question);
        await client.GetByTestId("contact-send").ClickAsync();
        await Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("your message was sent");
        await Expect(client.GetByTestId("thread-subject")).ToHaveTextAsync("Tax Question");
        await Expect(client.GetByTestId("message").Last).ToContainTextAsync(question);
        var threadId = new Uri(client.Url).Segments[^1];

        // Sam Patel, to whom the demo routes tax questions, finds it in their inbox under "Mine" and answers.
        await using var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await PracticeSite.SignInAsync(staff, practiceUrl, DemoPractice.StaffEmail, AppProcess.DemoPassword);
        var adminNav = staff.GetByRole(AriaRole.Navigation, new() { Name = "Practice admin" });
        var inboxLink = adminNav.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Messages") });
        await Expect(inboxLink.Locator(".nav-count")).ToContainTextAsync("conversations waiting for you");
        await inboxLink.ClickAsync();
        await staff.GetByLabel("Show").SelectOptionAsync("Mine");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await staff.Locator($"[data-testid=inbox-row] a[href$='/admin/messages/{threadId}']").ClickAsync();
        await Expect(staff.GetByTestId("thread-reason")).ToHaveTextAsync("Tax Question");
        await Expect(staff.GetByTestId("thread-assignee")).ToHaveTextAsync("Sam Patel");
        await Expect(staff.GetByTestId("message").Last).ToContainTextAsync(question);
        await staff.GetByTestId("answer-text").FillAsync(answer);
        await staff.GetByTestId("answer-send").ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answer was sent");
        await Expect(staff.GetByTestId("message").Last).ToContainTextAsync(answer);

        // The client's navigation now counts the conversation as unread; the list marks it; opening it shows the answer.
        await client.GetByRole(AriaRole.Link, new() { Name = "Messages" }).First.ClickAsync();
        var messagesLink = nav.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Messages") });
        await Expect(messagesLink.Locator(".nav-count")).ToContainTextAsync("unread conversations");
        var row = client.GetByTestId("thread").Filter(new() { Has = client.Locator($"a[href$='/messages/{threadId}']") });
        await Expect(row.GetByTestId("thread-unread")).ToBeVisibleAsync();
        var before = int.Parse(await messagesLink.Locator(".nav-count [aria-hidden=true]").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(client.GetByTestId("message").Last).ToContainTextAsync(answer);
        await Expect(client.GetByTestId("message").Last).ToContainTextAsync("Sam Patel (practice)");
        if (before == 1)
        {
            await Expect(messagesLink.Locator(".nav-count")).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(messagesLink.Locator(".nav-count [aria-hidden=true]")).ToHaveTextAsync((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await client.GetByRole(AriaRole.Link, new() { Name = "← Messages" }).ClickAsync();
        await Expect(row.GetByTestId("thread-unread")).ToHaveCountAsync(0);
    }
}
