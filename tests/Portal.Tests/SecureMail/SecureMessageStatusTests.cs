using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.SecureMail.Models;
using Portal.SecureMail.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SecureMail;

/// <summary>
/// The dashboard status of each case of <see cref="SecureMessageStatusTable"/>: computed in memory, chosen
/// by the database when the list filters by status, and shown on the list page: all three must agree.
/// </summary>
public sealed class SecureMessageStatusTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_case_has_its_status(string name)
    {
        var now = new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);
        var (_, shape, expected) = SecureMessageStatusTable.Cases.Single(c => c.Case == name);
        var message = SentItemsScenario.NewMessage(Guid.NewGuid(), now.AddHours(-1), SecureMessageTokens.NewToken());
        shape(message, now);
        Assert.Equal(expected, message.Status(now));
    }

    [Fact]
    public void The_table_covers_every_status()
        => Assert.Equal(Enum.GetValues<SecureMessageStatus>().Order(), SecureMessageStatusTable.Cases.Select(c => c.Expected).Distinct().Order());

    [Theory, BothDatabases]
    public async Task The_database_filter_and_the_list_page_agree_with_the_rule(DatabaseProvider provider)
    {
        var scenario = await SentItemsScenario.CreateAsync(await apps.For(provider));
        var now = scenario.App.Clock.GetUtcNow().UtcDateTime;
        var expected = new Dictionary<Guid, (string Case, SecureMessageStatus Status)>();
        foreach (var (name, shape, status) in SecureMessageStatusTable.Cases)
        {
            var message = await scenario.AddAsync(scenario.Admin.Id, m => shape(m, now));
            expected[message.Id] = (name, status);
        }

        foreach (var status in Enum.GetValues<SecureMessageStatus>())
        {
            var page = await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<SentItems>().PageAsync(new SentItemFilter(Status: status), null));
            var wanted = expected.Where(e => e.Value.Status == status).Select(e => e.Key).Order().ToList();
            Assert.True(wanted.SequenceEqual(page.Items.Select(i => i.Message.Id).Order()), $"{status}: the database chose {string.Join(", ", page.Items.Select(i => expected[i.Message.Id].Case))}");
            Assert.All(page.Items, i => Assert.Equal(status, i.Status));
        }

        var browser = await scenario.App.SignedInClientAsync(scenario.Practice, scenario.Admin);
        var document = await browser.GetDocumentAsync("/admin/secure-mail/sent");
        var rows = document.QuerySelectorAll("[data-testid=sent-items] tbody tr").ToDictionary(r => Guid.Parse(r.GetAttribute("data-id")!), r => r.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var (id, (name, status)) in expected)
        {
            Assert.True(SentItemStatusNames.Of(status) == rows[id], $"{name}: shown as {rows[id]}");
        }
    }

    public static IEnumerable<object[]> CaseNames() => SecureMessageStatusTable.Names();
}
