using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Settings;
using Portal.Reports.Data;
using Portal.Reports.Exports;
using Portal.Reports.Journals;
using Portal.Reports.Services;

namespace Portal.Reports;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Reports.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettingsSection<AccountMapping>(AccountMapping.Validate);
        services.AddScoped<PaymentReportSource>();
        services.AddSingleton<IPaymentReportWriter, PaymentReportXlsx>();
        services.AddSingleton<IPaymentReportWriter, PaymentReportCsv>();
        services.AddSingleton<IPaymentReportWriter, PaymentReportJson>();
        services.AddSingleton<JournalFileWriter, QuickBooksDesktopIif>();
        services.AddSingleton<JournalFileWriter, QuickBooksOnlineJournalCsv>();
        services.AddSingleton<JournalFileWriter, SageAccountingJournalCsv>();
        services.AddSingleton<JournalFileWriter, Sage50GeneralJournalText>();
        services.AddSingleton<JournalFileWriter, XeroManualJournalCsv>();
        services.AddTenantDbContext<ReportsDbContext>(ReportsDbContext.MigrationsHistoryTable);
        services.AddScoped<AccountingTransactionSource>();
        services.AddScoped<AccountingExports>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        services.AddSingleton<IAuditActionDescriptions, ReportsAuditActionDescriptions>();
    }
}
