using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Projects.Services;

namespace Portal.Projects;

/// <summary>
/// "Your project's status changed" e-mails go through the reminders queue (Portal.Notifications), which
/// composes them with this module's reminder kind. Without it, the status form does not offer the e-mail.
/// </summary>
[RequireFeatures(NotificationsFeature)]
internal sealed class NotificationsIntegration : ModuleIntegration
{
    /// <summary>Portal.Notifications' feature (this module does not reference that assembly).</summary>
    public const string NotificationsFeature = "Portal.Notifications";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
        => services.AddScoped<IReminderKind, ProjectStatusReminderKind>();
}
