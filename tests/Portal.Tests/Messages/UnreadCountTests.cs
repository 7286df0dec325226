using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Messages;

/// <summary>Unread conversations are counted beside Messages in both navigations and on the client's home card, until read.</summary>
public sealed class UnreadCountTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task The_client_sees_an_unread_badge_and_a_home_card_line_until_they_open_the_thread(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var client = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        var thread = await scenario.ContactAsync(client, "Reschedule Appointment", "Can we move Tuesday's meeting?");
        Assert.Null(Badge(await client.GetDocumentAsync("messages"), "/messages"));

        var staff = await scenario.BrowserAsync(scenario.Documents.Staff);
        await MessagesScenario.ReplyAsync(staff, $"admin/messages/{thread}", "Thursday at 10 works.");

        var home = await client.GetDocumentAsync("");
        var badge = Badge(home, "/messages");
        Assert.NotNull(badge);
        Assert.Equal("1", badge!.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Contains("1 unread conversations", badge.TextContent, StringComparison.Ordinal);
        // The home card says so (its lines, one per unread thread, are drawn where the theme draws card lines).
        var card = home.QuerySelectorAll(".card-grid .card").Single(c => c.QuerySelector("h2")?.TextContent == "Messages");
        Assert.Contains("1 conversation has a message you have not read.", card.TextContent, StringComparison.Ordinal);
        var lines = await scenario.InPracticeAsync(async sp =>
        {
            var user = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, scenario.Documents.ClientUser.Id.ToString()), new(PortalPrincipal.KindClaim, PortalPrincipal.ClientKind)], "test"));
            var cards = new List<Portal.Core.Navigation.ClientDashboardCard>();
            foreach (var provider in sp.GetServices<Portal.Core.Navigation.IClientDashboardCardProvider>())
            {
                cards.AddRange(await provider.GetCardsAsync(user, default));
            }

            var messages = cards.Single(c => c.Title == "Messages");
            Assert.Equal(20, messages.Position);
            return messages.Lines;
        });
        Assert.Equal($"/messages/{thread}", Assert.Single(lines).Path);

        // The contributor did not start it: no badge for them.
        Assert.Null(Badge(await (await scenario.BrowserAsync(scenario.Documents.Contributor)).GetDocumentAsync("messages"), "/messages"));

        await client.GetAsync($"messages/{thread}");
        Assert.Null(Badge(await client.GetDocumentAsync("messages"), "/messages"));
    }

    [Theory, BothDatabases]
    public async Task Staff_see_waiting_conversations_beside_the_inbox_theirs_or_nobodys_until_read(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var client = await scenario.BrowserAsync(scenario.Documents.ClientUser);
        var unassigned = await scenario.StartAsync(client, "Nobody's yet", "Hello?");
        var admin = await scenario.BrowserAsync(scenario.Documents.Admin);
        var staff = await scenario.BrowserAsync(scenario.Documents.Staff);

        // Assigned to the administrator: it waits on them, not on the other staff member.
        var adminsThread = await scenario.StartAsync(client, "For the boss", "Hello boss.");
        await admin.SubmitFormAsync($"admin/messages/{adminsThread}", new() { ["assignTo"] = scenario.Documents.Admin.Id.ToString() }, "[data-testid=assign-form]");

        Assert.Equal("1", Badge(await staff.GetDocumentAsync("admin"), "/admin/messages")!.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Contains("conversations waiting for you", Badge(await staff.GetDocumentAsync("admin"), "/admin/messages")!.TextContent, StringComparison.Ordinal);

        // The admin opened both (assigning opened the one); the client's first thread is still unread by them.
        Assert.Equal("1", Badge(await admin.GetDocumentAsync("admin"), "/admin/messages")!.QuerySelector("[aria-hidden=true]")!.TextContent);
        await client.GetAsync("");
        await MessagesScenario.ReplyAsync(client, $"messages/{adminsThread}", "Any news?");
        Assert.Equal("2", Badge(await admin.GetDocumentAsync("admin"), "/admin/messages")!.QuerySelector("[aria-hidden=true]")!.TextContent);

        await staff.GetAsync($"admin/messages/{unassigned}");
        Assert.Null(Badge(await staff.GetDocumentAsync("admin"), "/admin/messages"));

        // Answered by staff: nothing waits on anyone any more.
        await MessagesScenario.ReplyAsync(staff, $"admin/messages/{unassigned}", "Hello!");
        Assert.Equal("1", Badge(await admin.GetDocumentAsync("admin"), "/admin/messages")!.QuerySelector("[aria-hidden=true]")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task Replies_written_at_the_same_moment_all_count_and_the_latest_stays_the_threads_last(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var threadId = await scenario.InPracticeAsync(sp => sp.GetRequiredService<IMessageThreads>().EnsureThreadAsync(scenario.ClientId, new MessageTopic("project", Guid.NewGuid(), "Year-end")));
        var author = Principal(scenario.Documents.Staff.Id, "Sam Patel", PortalPrincipal.StaffKind);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => scenario.InPracticeAsync(sp => sp.GetRequiredService<IMessageThreads>().PostFromPracticeAsync(threadId, author, $"Note {i}."))));

        var thread = Assert.Single(await scenario.ThreadsAsync());
        var newest = await scenario.InPracticeAsync(sp => sp.GetRequiredService<Portal.Messages.Data.MessagesDbContext>().Messages.Where(m => m.ThreadId == threadId).MaxAsync(m => m.CreatedAt));
        Assert.Equal((10, newest), (thread.MessageCount, thread.LastMessageAt));
    }

    [Theory, BothDatabases]
    public async Task A_topic_thread_is_made_once_under_concurrent_callers_and_counts_the_practices_unread_messages(DatabaseProvider provider)
    {
        var scenario = await MessagesScenario.CreateAsync(await apps.For(provider));
        var topic = new MessageTopic("project", Guid.NewGuid(), "2026 Personal tax return");
        var ids = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => scenario.InPracticeAsync(sp => sp.GetRequiredService<IMessageThreads>().EnsureThreadAsync(scenario.ClientId, topic))));
        Assert.Single(ids.Distinct());
        var thread = Assert.Single(await scenario.ThreadsAsync());
        Assert.Equal("2026 Personal tax return", thread.Subject);

        var author = Principal(scenario.Documents.Staff.Id, "Sam Patel", PortalPrincipal.StaffKind);
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<IMessageThreads>().PostFromPracticeAsync(ids[0], author, "Status: Ready for review."));
        await scenario.InPracticeAsync(sp => sp.GetRequiredService<IMessageThreads>().PostFromPracticeAsync(ids[0], author, "Please sign the T183."));

        var owner = Principal(scenario.Documents.ClientUser.Id, "Owner", PortalPrincipal.ClientKind);
        Assert.Equal(2, await scenario.InPracticeAsync(sp => sp.GetRequiredService<IMessageThreads>().UnreadCountAsync(owner, topic)));
        Assert.Equal(0, await scenario.InPracticeAsync(sp => sp.GetRequiredService<IMessageThreads>().UnreadCountAsync(author, topic)));
        Assert.Equal(0, await scenario.InPracticeAsync(sp => sp.GetRequiredService<IMessageThreads>().UnreadCountAsync(owner, topic with { Id = Guid.NewGuid() })));

        // The client reads it in the portal: nothing left unread.
        await (await scenario.BrowserAsync(scenario.Documents.ClientUser)).GetAsync($"messages/{ids[0]}");
        Assert.Equal(0, await scenario.InPracticeAsync(sp => sp.GetRequiredService<IMessageThreads>().UnreadCountAsync(owner, topic)));
    }

    private static AngleSharp.Dom.IElement? Badge(AngleSharp.Html.Dom.IHtmlDocument page, string path)
        => page.QuerySelectorAll("nav a").FirstOrDefault(a => a.GetAttribute("href")?.EndsWith(path, StringComparison.Ordinal) == true)?.QuerySelector(".nav-count");

    private static ClaimsPrincipal Principal(Guid id, string name, string kind)
        => new(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, id.ToString()), new(PortalPrincipal.DisplayNameClaim, name), new(PortalPrincipal.KindClaim, kind)], "test"));
}
