using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Documents.Services;

namespace Portal.Tests.Core.Modules;

/// <summary>
/// A module's integration with another ([RequireFeatures]) is registered only when that module is in
/// the host; without it, the module's own default stands.
/// </summary>
public sealed class ModuleIntegrationTests
{
    [Fact]
    public void Without_the_notifications_module_documents_sends_its_notices_straight_to_the_outbox()
    {
        var services = Compose(portal => portal.AddModule<Portal.Clients.Startup>().AddModule<Portal.Documents.Startup>());

        Assert.Equal(typeof(DocumentsSentByOutbox), Resolved<IDocumentsSentDelivery>(services));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IReminderKind));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IReminderQueue));
    }

    [Fact]
    public void With_the_notifications_module_documents_notices_go_through_the_reminders_queue()
    {
        var services = Compose(portal => portal.AddModule<Portal.Clients.Startup>().AddModule<Portal.Documents.Startup>().AddModule<Portal.Notifications.Startup>());

        Assert.Equal(typeof(DocumentsSentThroughReminders), Resolved<IDocumentsSentDelivery>(services));
        Assert.Single(services, d => d.ServiceType == typeof(IReminderKind));
    }

    [Fact]
    public void An_integration_that_does_not_declare_its_features_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new ModuleWithUndeclaredIntegration()]));

        Assert.Contains(nameof(UndeclaredIntegration), error.Message, StringComparison.Ordinal);
        Assert.Contains("[RequireFeatures", error.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Compose(Action<PortalBuilder> modules)
    {
        var services = new ServiceCollection();
        services.AddPortal(new ConfigurationBuilder().Build(), modules);
        return services;
    }

    // The last registration is the one a constructor gets.
    private static Type? Resolved<T>(ServiceCollection services) => services.Last(d => d.ServiceType == typeof(T)).ImplementationType;

    private sealed class UndeclaredIntegration : ModuleIntegration
    {
        public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
        {
        }
    }

    private sealed class ModuleWithUndeclaredIntegration : ModuleStartup
    {
        public override ModuleManifest Manifest { get; } = new("Test.Undeclared", "Undeclared", "", [new FeatureDescriptor("Test.Undeclared", "Undeclared", "", "Testing", [])]);

        public override IReadOnlyList<ModuleIntegration> Integrations { get; } = [new UndeclaredIntegration()];
    }
}
