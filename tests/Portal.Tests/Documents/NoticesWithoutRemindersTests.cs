using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Documents.Services;
using Portal.Notifications.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Documents;

/// <summary>
/// The delivery Documents uses when the host has no Notifications module: the notice is composed
/// and e-mailed at once, with nothing left in a reminders queue.
/// </summary>
public sealed class NoticesWithoutRemindersTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task Without_the_reminders_queue_a_new_documents_notice_is_emailed_at_once(DatabaseProvider provider)
    {
        var scenario = await DocumentsScenario.CreateAsync(await apps.For(provider));
        var person = scenario.ClientUser;
        var payload = JsonSerializer.Serialize(new DocumentsSentPayload(scenario.ClientId, "Lee Family Trust", person.DisplayName, ["Statement.pdf", "Invoice.pdf"]));

        await scenario.App.InPracticeAsync(scenario.Practice, sp => ActivatorUtilities.CreateInstance<DocumentsSentByOutbox>(sp)
            .DeliverAsync(new ReminderRequest(DocumentNotifications.ReminderKind, person.Id, person.Email!, "2 new documents for Lee Family Trust", payload), default));

        var mail = await MailMessageReader.WaitForAsync(scenario.App.PickupDirectory, person.Email!, m => m.Subject.Contains("2 new documents", StringComparison.Ordinal));
        Assert.Contains("Statement.pdf", mail.Text, StringComparison.Ordinal);
        Assert.Equal(0, await scenario.App.InPracticeAsync(scenario.Practice, sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.CountAsync(r => r.UserId == person.Id && r.Kind == DocumentNotifications.ReminderKind)));
    }
}
