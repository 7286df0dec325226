using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Core.Events;
using Portal.Core.Jobs;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Documents.Data;
using Portal.Documents.Endpoints;
using Portal.Documents.Models;
using Portal.Documents.Recipes;
using Portal.Documents.Services;

namespace Portal.Documents;

public sealed class Startup : ModuleStartup
{
    public override ModuleManifest Manifest => Documents.Manifest.Module;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentOptions>().Bind(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton<IPostConfigureOptions<DocumentOptions>, ScannableFileSize>();
        services.AddTenantDbContext<DocumentsDbContext>(DocumentsDbContext.MigrationsHistoryTable);

        // A transfer in progress is on no page (its document is, once complete), and its row is written at
        // its start, as it goes and at its end: each write would retire every copy of the practice's pages.
        services.AddPracticeDataOutsidePages<DocumentsDbContext>(typeof(Upload));
        services.AddSingleton<FileTypes>();
        services.AddScoped<DocumentAccess>();
        services.AddScoped<DocumentShares>();
        services.AddScoped<DocumentLibrary>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<IPracticeStorage>(provider => provider.GetRequiredService<DocumentStore>());
        services.AddScoped<DocumentDownloads>();
        services.AddScoped<DocumentNotifications>();
        services.AddScoped<TusUploads>();
        services.AddScoped<DocumentExchange>();
        services.AddScoped<DocumentScanning>();
        services.AddScoped<QuarantineNotice>();
        services.AddScoped<DocumentsSentReminderKind>();
        services.AddScoped<IDocumentsSentDelivery, DocumentsSentByOutbox>();
        services.AddSingleton(DocumentMailTemplates.SentTemplate);
        services.AddSingleton(DocumentMailTemplates.ReceivedTemplate);
        services.AddSingleton(QuarantineMailTemplate.Definition);
        services.AddJobHandler<DocumentNoticeHandler>();
        services.AddDomainEventHandler<DocumentUploaded, FallbackNoticeOnUpload>(requiredFeature: Documents.Manifest.Feature);
        services.AddScoped<StoredFileScan>();
        services.AddJobHandler<DocumentScanHandler>();
        services.AddJobHandler<AttachmentScanHandler>();
        services.AddScoped<IAttachmentStore, AttachmentStore>();
        services.AddScoped<IClientDocumentFiles, ClientDocumentFiles>();
        services.AddScoped<IClientFolders, ClientFolders>();
        services.AddPracticeRecurringJob<DocumentMaintenanceHandler>("0 * * * *", requiredFeature: Documents.Manifest.Feature);
        services.AddScoped<IRecipeStep, DocumentsStep>();
        services.AddSingleton<IPermissionProvider, Permissions>();
        services.AddSingleton<IAdminMenuProvider, AdminMenu>();
        services.AddSingleton<IClientNavProvider, ClientNav>();
        services.AddScoped<NewDocumentsForClient>();
        services.AddScoped<INavigationCount, NewDocumentsCount>();
        services.AddScoped<IClientDashboardCardProvider, DocumentsHomeCard>();
        services.AddScoped<IClientRecordLinkProvider, ClientDocumentsLink>();
        services.AddSingleton<IAuditActionDescriptions, DocumentAuditActionDescriptions>();
        services.AddScoped<IAuditTargetNames, DocumentAuditTargetNames>();
        services.AddScoped<IAuditTargetNames, FolderAuditTargetNames>();
    }

    public override IReadOnlyList<ModuleIntegration> Integrations { get; } = [new NotificationsIntegration()];

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTusEndpoints();
        endpoints.MapDownloadEndpoints();
    }
}

internal sealed class ClientNav : IClientNavProvider
{
    public const string DocumentsPath = "/documents";

    public Task<IEnumerable<ClientNavItem>> GetItemsAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
        => Task.FromResult<IEnumerable<ClientNavItem>>([new("Documents", DocumentsPath, Manifest.Feature, 10)]);
}
