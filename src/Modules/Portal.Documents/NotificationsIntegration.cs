using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Documents.Services;

namespace Portal.Documents;

/// <summary>
/// "New documents" notices go through the reminders queue (Portal.Notifications) when that module is
/// in the host: the queue composes them with the registered reminder kind and staff may review them
/// first. Without it, <see cref="DocumentsSentByOutbox"/> (the module's default) sends them at once.
/// </summary>
[RequireFeatures(NotificationsFeature)]
internal sealed class NotificationsIntegration : ModuleIntegration
{
    /// <summary>Portal.Notifications' feature (this module does not reference that assembly).</summary>
    public const string NotificationsFeature = "Portal.Notifications";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IReminderKind>(provider => provider.GetRequiredService<DocumentsSentReminderKind>());
        services.Replace(ServiceDescriptor.Scoped<IDocumentsSentDelivery, DocumentsSentThroughReminders>());
    }
}
