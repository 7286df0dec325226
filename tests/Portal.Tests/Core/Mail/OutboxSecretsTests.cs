using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Mail;
using Portal.Identity.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Mail;

/// <summary>
/// A one-time link's token must be found in what the Liquid templates produce, in the HTML part too,
/// where the encoder may have rewritten characters of it, and come back exactly as sent.
/// </summary>
public sealed class OutboxSecretsTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_secret_in_a_rendered_template_is_sealed_in_both_parts_and_opened_as_it_was(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();

        // Today's tokens are base64url; a secret with characters the HTML encoder rewrites must hold too.
        foreach (var token in new[] { "Zq7-_AbC9base64url", "tok+en/=&<'\"é" })
        {
            await SealAndOpenAsync(app, practice, token);
        }
    }

    private static Task SealAndOpenAsync(PortalApplication app, Portal.Core.Tenancy.TenantDescriptor practice, string token)
        => app.InPracticeAsync(practice, async sp =>
        {
            var draft = (await sp.GetRequiredService<MailComposer>().ComposeAsync(
                MailTemplates.SetPassword,
                ["someone@clients.example"],
                new Dictionary<string, object?> { ["name"] = "Alex", ["link"] = "https://p.example/account/set-password?token=" + token, ["expires"] = "soon" }))
                .WithSecret(token);
            Assert.Contains(MailTemplateRenderer.EncodeHtml(token), draft.HtmlBody, StringComparison.Ordinal);

            var secrets = sp.GetRequiredService<OutboxSecrets>();
            var (html, text, sealedSecrets) = secrets.Seal(draft);

            Assert.DoesNotContain(token, html + text, StringComparison.Ordinal);
            Assert.DoesNotContain(MailTemplateRenderer.EncodeHtml(token), html, StringComparison.Ordinal);
            Assert.Contains(OutboxSecrets.Masked, OutboxSecrets.Mask(html), StringComparison.Ordinal);
            Assert.DoesNotContain("{{secret:", OutboxSecrets.Mask(html) + OutboxSecrets.Mask(text), StringComparison.Ordinal);
            Assert.Equal(draft.HtmlBody, secrets.Open(html, sealedSecrets));
            Assert.Equal(draft.TextBody, secrets.Open(text, sealedSecrets));
        });
}
