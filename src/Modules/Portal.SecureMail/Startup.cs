using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Mail;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.SecureMail.Data;
using Portal.SecureMail.Services;

namespace Portal.SecureMail;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => SecureMail.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<SecureMailDbContext>(SecureMailDbContext.MigrationsHistoryTable);
        services.AddScoped<SecureMessageSealing>();
        services.AddScoped<SecureMessageMail>();
        services.AddScoped<SecureMessageSender>();
        services.AddScoped<SecureMessageControls>();
        services.AddScoped<SecureMessageUnlock>();
        services.AddSingleton<SecureMessagePasswords>();
        services.AddScoped<SecureMessageSessions>();
        services.AddOptions<SecureMailOptions>().Bind(configuration.GetSection(SecureMailOptions.Section))
            .Validate(o => o.IsValid, $"{SecureMailOptions.Section}: IpAttemptLimit and IpAttemptWindow must be positive, UnlockedSessionLifetime from 00:01:00 to 12:00:00.");
        services.AddScoped<IOutboxDeliveryObserver, SecureMessageDelivery>();
        services.AddSingleton(SecureMailTemplates.Link);
        services.AddSingleton(SecureMailTemplates.Opened);
        services.AddSingleton(SecureMailTemplates.Reply);
        services.AddSingleton(SecureMailTemplates.PaidAfterClosing);
        services.AddDomainEventHandler<PaymentRequestPaymentChanged, PaymentStatusOnPaymentChanged>(requiredFeature: SecureMail.Manifest.Feature);
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        services.AddSingleton<IAuditActionDescriptions, SecureMailAuditActionDescriptions>();
        services.AddSentItemsDashboard();
    }
}
