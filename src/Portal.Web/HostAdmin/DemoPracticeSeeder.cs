using System.Text;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Tenancy;

namespace Portal.Web.HostAdmin;

/// <summary>
/// In demo mode (the README's run command): creates the demo practice on the first run and, once the
/// server is listening, prints where to go and how to sign in, every run (not when a command runs).
/// </summary>
public sealed class DemoPracticeSeeder(
    TenantRegistry registry,
    TenantSetupService setup,
    TenantUrls urls,
    IOptions<DemoOptions> demo,
    IOptions<HostAdminOptions> hostAdmin,
    IOptions<TenancyOptions> tenancy,
    IOptions<Billing.Payments.StripeOptions> stripe,
    IHostApplicationLifetime lifetime,
    ILogger<DemoPracticeSeeder> logger) : IPortalStartupTask
{
    /// <summary>
    /// The same as <see cref="PlatformOperatorSeeder"/>'s: the two are independent, so the operator's
    /// password hash is computed while the demo practice is being set up.
    /// </summary>
    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = demo.Value;
        if (!settings.Enabled)
        {
            return;
        }

        if (registry.Current.Count == 0)
        {
            logger.LogInformation("First run: creating the demo practice '{Name}'", settings.PracticeName);
            var result = await setup.SetupAsync(
                new TenantSetupRequest(settings.PracticeName, settings.DisplayName, settings.AdminEmail, settings.Recipe)
                {
                    Variables = new Dictionary<string, string> { ["demoPassword"] = settings.Password },
                },
                cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The demo practice could not be created: " + result.Error);
            }
        }

        var practice = registry.Find(settings.PracticeName);
        var platform = tenancy.Value.PublicUrl.TrimEnd('/');
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine("==================================================================")
            .AppendLine(" Portal is running")
            .AppendLine($"  Host admin:     {platform}/admin")
            .AppendLine($"    sign in as    {hostAdmin.Value.Email} / {hostAdmin.Value.Password}");
        if (practice is not null)
        {
            text.AppendLine($"  Demo practice:  {urls.BaseUrl(practice)}/   (or {platform}/t/{practice.Name}/)")
                .AppendLine($"    administrator admin@demo.example  / {settings.Password}")
                .AppendLine($"    staff         staff@demo.example  / {settings.Password}")
                .AppendLine($"    client        client@demo.example / {settings.Password}   (two portals: full access and contributor)")
                .AppendLine($"    also          owner@demo.example (full access), banker@demo.example (contributor), same password")
                .AppendLine($"  Practice admin: {urls.BaseUrl(practice)}/admin");
            if (stripe.Value.Emulator.Enabled)
            {
                text.AppendLine("  Payments:       test mode (built-in Stripe emulator): as the client, Invoices > Pay, card 4242 4242 4242 4242");
            }
        }

        text.AppendLine("  E-mails are written to the pickup folder and listed in each practice's admin > Outbox.")
            .AppendLine("==================================================================");
        // Once the server listens, and so never when a command runs instead of serving.
        lifetime.ApplicationStarted.Register(() => Console.WriteLine(text.ToString()));
    }
}
