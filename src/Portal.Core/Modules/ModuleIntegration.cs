using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Modules;

/// <summary>
/// Services a module adds only when another module is there to use them (Orchard's startup with
/// [RequireFeatures]): the "new documents" reminder kind means nothing without the reminders queue.
/// A module lists its integrations in <see cref="ModuleStartup.Integrations"/>; each must carry
/// <see cref="RequireFeaturesAttribute"/>. They run after every module's own
/// <see cref="ModuleStartup.ConfigureServices"/>, so an integration may replace a module's default
/// (such as sending a notice straight to the outbox when there is no queue to review it in).
/// </summary>
public abstract class ModuleIntegration
{
    public IReadOnlyList<string> RequiredFeatures
        => GetType().GetCustomAttribute<RequireFeaturesAttribute>()?.FeatureIds
            ?? throw new InvalidOperationException($"The module integration {GetType().FullName} must say which features it needs with [RequireFeatures(...)].");

    public abstract void ConfigureServices(IServiceCollection services, IConfiguration configuration);
}
