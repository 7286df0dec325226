using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Documents.Data;
using Portal.Messages.Models;
using Portal.Tests.Documents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Messages;

/// <summary>Bad messages are refused at the field with nothing written; text is shown as text, never markup.</summary>
public sealed class MessageInputTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task An_empty_message_and_a_1_MB_message_are_refused_at_the_field_and_nothing_is_written(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var client = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        var reason = (await scenario.ReasonIdAsync("Tax Question")).ToString();

        var empty = await MessagesScenario.PostAsync(client, "contact", new() { ["Input.ReasonId"] = reason, ["Input.Text"] = "   " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var page = HtmlForms.Parse(await empty.Content.ReadAsStringAsync());
        Assert.Equal("Write a message before sending it.", page.QuerySelector("[data-testid=text-error]")!.TextContent.Trim());

        var huge = await MessagesScenario.PostAsync(client, "contact", new() { ["Input.ReasonId"] = reason, ["Input.Text"] = new string('a', 1024 * 1024) });
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
        page = HtmlForms.Parse(await huge.Content.ReadAsStringAsync());
        Assert.Contains("at most 20,000 characters", page.QuerySelector("[data-testid=text-error]")!.TextContent, StringComparison.Ordinal);

        // A reply too: refused at its field, the thread unchanged.
        var thread = await scenario.ContactAsync(client, "Tax Question", "A real question.");
        var reply = await MessagesScenario.ReplyAsync(client, $"messages/{thread}", new string('b', 1024 * 1024));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains("at most 20,000 characters", HtmlForms.Parse(await reply.Content.ReadAsStringAsync()).QuerySelector("[data-testid=text-error]")!.TextContent, StringComparison.Ordinal);

        Assert.Single(await scenario.ThreadsAsync());
        Assert.Single(await scenario.MessagesAsync(thread));
    }

    [Theory, BothDatabases]
    public async Task A_message_with_a_refused_file_is_not_posted_at_all(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var client = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        var response = await MessagesScenario.PostAsync(
            client,
            "contact",
            new() { ["Input.ReasonId"] = (await scenario.ReasonIdAsync("Billing Question")).ToString(), ["Input.Text"] = "Here are my receipts." },
            ("Receipt.pdf", DocumentsScenario.Pdf(4000)),
            ("setup.exe", "MZ\u0090\0\u0003\0\0\0"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=files-error]")!.TextContent;
        Assert.Contains("setup.exe", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent.", error, StringComparison.Ordinal);

        // No thread, no message, and the PDF stored before the refusal was removed again.
        Assert.Empty(await scenario.ThreadsAsync());
        Assert.Equal(0, await scenario.InPracticeAsync(sp => sp.GetRequiredService<DocumentsDbContext>().Attachments.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Markup_in_a_message_is_shown_as_text_and_loads_nothing(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var client = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        var thread = await scenario.StartAsync(client, "Markup", "<script>alert(1)</script> ![x](http://tracker.example/pixel.png) <img src=\"http://tracker.example/p.gif\">\n\nSee https://www.canada.ca/taxes");

        var staff = await scenario.BrowserAsync(scenario.Documents.Staff);
        var page = HtmlForms.Parse(await staff.GetStringAsync($"admin/messages/{thread}"));
        var text = page.QuerySelector("[data-testid=message] .message-text")!;
        Assert.Empty(text.QuerySelectorAll("script, img"));
        Assert.Contains("<script>alert(1)</script>", text.TextContent, StringComparison.Ordinal);
        // Addresses become plain links (which load nothing until clicked, and send no referrer); no element loads anything by itself.
        var links = text.QuerySelectorAll("a");
        Assert.Contains(links, a => a.GetAttribute("href") == "https://www.canada.ca/taxes");
        Assert.All(links, a => Assert.Contains("noreferrer", a.GetAttribute("rel"), StringComparison.Ordinal));
        Assert.Empty(text.QuerySelectorAll("[src], [style], [srcset]"));
        Assert.Equal(MessageThreadKind.General, Assert.Single(await scenario.ThreadsAsync()).Kind);
    }
}
