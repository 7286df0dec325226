using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Core.Settings;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Mail;

/// <summary>
/// The editor refuses a template that does not parse, but a stored one can still fail when sent: it
/// came from a recipe or an older version, or fails only with a real model (a limit reached). The
/// e-mail then goes out with the built-in wording, and the failure is logged.
/// </summary>
public sealed class TemplateFallbackTests
{
    [Theory, BothDatabases]
    public async Task An_edited_template_that_fails_when_sent_falls_back_to_the_standard_one_and_is_logged(DatabaseProvider provider)
    {
        var logs = new LogCollector();
        await using var app = await PortalApplication.StartAsync(provider, o => o.WithServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var practice = await app.CreatePracticeAsync(displayName: "Fallback Partners");
        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(new MailTemplateOverrides
        {
            Templates =
            {
                // Does not parse: stored without the editor's check.
                [MailTemplates.PasswordReset] = new() { Subject = "Reset {% if name %}", Html = "<p>{{ link }}</p>", Text = "{{ link }}" },

                // Parses, and fails only when rendered: past a rendering limit.
                [MailTemplates.EmailChanged] = new() { Subject = "Changed", Html = "{% for i in (1..1000000) %}{{ i }}{% endfor %}", Text = "{{ newEmail }}" },
            },
        }));
        var user = await app.AddClientAsync(practice);

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<PasswordResets>().RequestAsync(user.Email!));
        var reset = await MailMessageReader.WaitForAsync(app.PickupDirectory, user.Email!);
        Assert.Equal("Reset your Fallback Partners portal password", reset.Subject);
        Assert.NotNull(reset.FindLink("/account/reset-password"));

        var changed = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<MailComposer>().ComposeAsync(
            MailTemplates.EmailChanged, ["old@clients.example"], new Dictionary<string, object?> { ["name"] = "Alex", ["newEmail"] = "new@clients.example" }));
        Assert.Equal("Your Fallback Partners portal e-mail address was changed", changed.Subject);

        var warnings = logs.Lines.Where(l => l.Category == typeof(MailComposer).FullName && l.Level == LogLevel.Warning).ToList();
        Assert.Contains(warnings, l => l.Message.Contains(MailTemplates.PasswordReset, StringComparison.Ordinal)
            && l.Message.Contains(practice.Name, StringComparison.Ordinal)
            && l.Message.Contains("Line 1, column", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Message.Contains(MailTemplates.EmailChanged, StringComparison.Ordinal)
            && l.Message.Contains("maximum", StringComparison.Ordinal));
    }
}
