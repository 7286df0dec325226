using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Core.Tenancy;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Mail;

/// <summary>
/// A practice that edited its templates before the move to Liquid has them in Handlebars. The next
/// start migrates the practice: the edited templates are converted and render the same text as
/// before, and one that cannot be converted is kept, reported, and not sent until fixed.
/// </summary>
public sealed class LegacyTemplateMigrationTests
{
    private const string SetAsideMigration = "20261206000000_SetHandlebarsTemplatesAside";

    [Theory, BothDatabases]
    public async Task Handlebars_overrides_are_converted_at_the_next_start_and_an_unconvertible_one_is_kept_and_reported(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        TenantDescriptor practice;
        Portal.Identity.Models.PortalUser admin;
        Portal.Identity.Models.PortalUser client;
        var legacy = new MailTemplateOverrides
        {
            Templates =
            {
                [MailTemplates.PasswordReset] = new()
                {
                    Subject = "Password help for {{name}}",
                    Html = "<p>Hi {{name}},</p>\n{{#if link}}\n<p><a href=\"{{link}}\">Choose a new password</a></p>\n{{/if}}",
                    Text = "Hi {{name}},\n\n{{#if link}}\nUse {{link}} to choose a new password.\n{{/if}}\n{{! kept for the auditors }}\nThanks,\n{{practiceName}}",
                },
                [MailTemplates.InvitationReminder] = new() { Subject = "Still waiting", Html = "<p>{{> reminder-body}}</p>", Text = "{{link}}" },
            },
        };

        await using (var before = PortalApplication.StartOn(data))
        {
            practice = await before.CreatePracticeAsync(displayName: "Legacy & Co");
            admin = await before.AddAdministratorAsync(practice);
            client = await before.AddClientAsync(practice);

            // The practice as an older version left it: templates saved in Handlebars, under the
            // section name of the time, and the migration that sets them aside not yet applied.
            await before.InPracticeAsync(practice, async sp =>
            {
                var db = sp.GetRequiredService<CoreTenantDbContext>();
                db.Settings.Add(new SettingsRecord { Section = MailTemplateOverrides.SectionName, Json = JsonSerializer.Serialize(legacy, SettingsJson.Stored), UpdatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
                Assert.Equal(1, await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{CoreTenantDbContext.MigrationsHistoryTable}\" WHERE \"MigrationId\" = '{SetAsideMigration}'"));
            });
            await before.Get<TenantStore>().SetSchemaStampAsync(practice.Name, "before-liquid", default);
        }

        var logs = new LogCollector();
        await using var app = PortalApplication.StartOn(data, o => o.WithServices(s => s.AddSingleton<ILoggerProvider>(logs)));

        var stored = await app.InPracticeAsync(practice, async sp =>
        {
            var db = sp.GetRequiredService<CoreTenantDbContext>();
            Assert.False(await db.Settings.AnyAsync(s => s.Section == MailTemplatesToLiquid.HandlebarsSection));
            return await sp.GetRequiredService<SiteSettingsStore>().GetAsync<MailTemplateOverrides>();
        });
        var converted = stored.Templates[MailTemplates.PasswordReset];
        Assert.Null(converted.ConversionProblem);
        Assert.Equal("Password help for {{ name }}", converted.Subject);
        Assert.DoesNotContain("{{#", converted.Html + converted.Text, StringComparison.Ordinal);

        // Converted, it reads as it did.
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PasswordResets>().RequestAsync(client.Email!));
        var reset = await MailMessageReader.WaitForAsync(app.PickupDirectory, client.Email!);
        var link = reset.FindLink("/account/reset-password")!;
        Assert.Equal($"Password help for {client.Email}", reset.Subject);
        Assert.StartsWith($"Hi {client.Email},\n\nUse {link} to choose a new password.\nThanks,\nLegacy & Co\n\n--\n", reset.Text, StringComparison.Ordinal);

        // The one that could not be converted: kept as written, the standard wording sent, and said so.
        var kept = stored.Templates[MailTemplates.InvitationReminder];
        Assert.Equal(legacy.Templates[MailTemplates.InvitationReminder].Html, kept.Html);
        Assert.Contains("Line 1, column 4", kept.ConversionProblem, StringComparison.Ordinal);
        var reminder = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<MailComposer>().ComposeAsync(
            MailTemplates.InvitationReminder, ["someone@clients.example"], MailTemplates.InvitationReminderTemplate.SampleModel));
        Assert.Equal("Reminder: your Legacy & Co portal is waiting", reminder.Subject);
        Assert.Contains(logs.Lines, l => l.Category == typeof(MailTemplatesToLiquid).FullName
            && l.Message.Contains(practice.Name, StringComparison.Ordinal)
            && l.Message.Contains(MailTemplates.InvitationReminder, StringComparison.Ordinal));

        var staffClient = await app.SignedInClientAsync(practice, admin);
        var list = await staffClient.GetDocumentAsync("admin/templates");
        Assert.Contains("needs attention", list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Reminder: your portal is waiting", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        var editor = await staffClient.GetDocumentAsync($"admin/templates/{MailTemplates.InvitationReminder}");
        Assert.Contains("Line 1, column 4", editor.QuerySelector("#conversion-problem")!.TextContent, StringComparison.Ordinal);
    }

}
