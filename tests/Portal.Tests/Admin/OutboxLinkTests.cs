using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin;

/// <summary>
/// Staff who can read the Outbox must not be able to take over an account from it: the stored copy
/// of a set-password or reset e-mail shows its link masked, and the masked link does nothing.
/// </summary>
public sealed partial class OutboxLinkTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task One_time_links_in_the_outbox_copy_are_masked_and_do_not_work(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var staff = await app.SignedInClientAsync(practice, await app.AddAdministratorAsync(practice));
        var client = await app.AddClientAsync(practice);
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PasswordResets>().RequestAsync(client.Email!));
        var invitedAdmin = $"admin@{practice.Name}.example";

        // The e-mails as their recipients got them carry working links.
        var resetMail = await MailMessageReader.WaitForAsync(app.PickupDirectory, client.Email!);
        var setMail = await MailMessageReader.WaitForAsync(app.PickupDirectory, invitedAdmin);
        var realReset = new Uri(resetMail.FindLink("/account/reset-password")!);
        var realSet = new Uri(setMail.FindLink("/account/set-password")!);

        var messages = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<CoreTenantDbContext>().OutboxMessages
            .AsNoTracking().Where(m => m.State == OutboxState.Sent).Select(m => new { m.Id, m.To, m.HtmlBody, m.TextBody, m.SealedSecrets }).ToListAsync());
        Assert.Equal(2, messages.Count);
        foreach (var message in messages)
        {
            // Nothing stored in the practice's database can produce the link once the e-mail is sent.
            Assert.Null(message.SealedSecrets);
            Assert.DoesNotContain(Token(realReset), message.HtmlBody + message.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(Token(realSet), message.HtmlBody + message.TextBody, StringComparison.Ordinal);

            var page = await staff.GetStringAsync($"admin/outbox/{message.Id}");
            var frame = await staff.GetStringAsync($"admin/outbox/{message.Id}/html");
            var shown = Links(WebUtility.HtmlDecode(page + frame)).Where(l => l.Contains("password?token=", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(shown);
            foreach (var link in shown)
            {
                Assert.Contains(OutboxSecrets.Masked, link, StringComparison.Ordinal);
                var attempt = await app.ClientFor(practice).GetAsync(new Uri(link).PathAndQuery);
                Assert.Equal(HttpStatusCode.BadRequest, attempt.StatusCode);
                Assert.Contains("This link is not valid", await attempt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // ... while the links the recipients hold still work.
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(practice).GetAsync(realReset.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(practice).GetAsync(realSet.PathAndQuery)).StatusCode);
    }

    private static string Token(Uri link) => Uri.UnescapeDataString(link.Query.Split("token=")[1]);

    private static IEnumerable<string> Links(string html) => LinkPattern().Matches(html).Select(m => m.Value);

    [GeneratedRegex("https?://[^\\s\"<>]+")]
    private static partial Regex LinkPattern();
}
