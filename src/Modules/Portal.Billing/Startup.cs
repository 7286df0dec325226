using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Billing.Data;
using Portal.Billing.Models;
using Portal.Billing.Payments;
using Portal.Billing.Payments.Webhooks;
using Portal.Billing.Recipes;
using Portal.Billing.Services;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Jobs;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Settings;

namespace Portal.Billing;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Billing.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<BillingDbContext>(BillingDbContext.MigrationsHistoryTable);
        services.AddSettingsSection<PaymentSettings>(PaymentSettings.Validate);
        services.AddScoped<InvoiceBook>();
        services.AddScoped<InvoiceList>();
        services.AddScoped<PaymentLedger>();
        services.AddScoped<OfflinePayments>();
        services.AddScoped<PaymentLevels>();
        services.AddScoped<ClientBilling>();
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section));
        services.AddSingleton<PlatformStripeKeys>();
        services.AddSingleton<IPostConfigureOptions<StripeOptions>>(provider => provider.GetRequiredService<PlatformStripeKeys>());
        services.AddSingleton<IOptionsChangeTokenSource<StripeOptions>>(provider => provider.GetRequiredService<PlatformStripeKeys>());
        services.AddSingleton(provider => new StripeGateway(provider.GetRequiredService<IOptionsMonitor<StripeOptions>>()));
        services.AddScoped<PayoutAccounts>();
        services.AddScoped<CheckoutSettlement>();
        services.AddOptions<CheckoutOptions>().Bind(configuration.GetSection(CheckoutOptions.Section))
            .Validate(o => o.IsValid, $"{CheckoutOptions.Section}:SessionLifetime must be from 00:30:00 to 1.00:00:00 (Stripe's limits for expires_at).");
        services.AddScoped<CheckoutSessions>();
        services.AddScoped<IPaymentRequestPayments, PaymentRequestPayments>();
        services.AddScoped<PaymentReceipts>();
        services.AddSingleton(ReceiptMailTemplate.Definition);
        services.AddDomainEventHandler<PaymentRecorded, ReceiptOnPaymentRecorded>(takes: ReceiptOnPaymentRecorded.Takes);
        services.AddScoped<RefundBook>();
        services.AddScoped<ClientFeeRule>();
        services.AddScoped<PaymentRefunds>();
        services.AddScoped<IStripeEventHandler, ChargeRefundedHandler>();
        services.AddScoped<EmulatorOnboarding>();
        AddStripeWebhooks(services, configuration);
        services.AddScoped<IAuthorizationHandler, PaymentLevelHandler>();
        services.AddScoped<IRecipeStep, InvoicesStep>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        services.AddScoped<IClientNavProvider, ClientNav>();
        services.AddScoped<IClientDashboardCardProvider, InvoicesHomeCard>();
        services.AddScoped<IClientRecordLinkProvider, ClientInvoicesLink>();
        services.AddSingleton<IAuditActionDescriptions, BillingAuditActionDescriptions>();
    }

    /// <summary>The webhook receiver (mapped on the platform by the host), the event job, the handlers and reconciliation.</summary>
    private static void AddStripeWebhooks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ConnectedAccountPractices>();
        services.AddSingleton<StripeWebhookReceiver>();
        services.AddScoped<StripeEventInbox>();
        services.AddScoped<StripeReconciliation>();
        services.AddScoped<IStripeEventHandler, AccountUpdatedHandler>();
        services.AddScoped<IStripeEventHandler, CheckoutSessionEventHandler>();
        services.AddJobHandler<StripeEventJobHandler>();
        var schedule = configuration[$"{StripeOptions.Section}:{nameof(StripeOptions.ReconcileSchedule)}"];
        services.AddPracticeRecurringJob<StripeReconciliationHandler>(string.IsNullOrWhiteSpace(schedule) ? StripeOptions.DefaultReconcileSchedule : schedule, requiredFeature: Billing.Manifest.Feature);
    }
}

/// <summary>Invoices, while the practice lets clients see them (its client site switches).</summary>
internal sealed class ClientNav(SiteSettingsStore settings) : IClientNavProvider
{
    public const string InvoicesPath = "/billing";

    public async Task<IEnumerable<ClientNavItem>> GetItemsAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
        => (await settings.GetAsync<Portal.Core.Theming.ClientSiteSwitches>(cancellationToken)).ClientBilling
            ? [new("Invoices", InvoicesPath, Manifest.Feature, 20)]
            : [];
}
