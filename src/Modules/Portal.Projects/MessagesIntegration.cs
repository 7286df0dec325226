using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Modules;
using Portal.Projects.Services;

namespace Portal.Projects;

/// <summary>
/// A project's conversation lives in the Messages module when it is in the host: status notes are
/// posted there and the project pages link to the thread. Without it, <see cref="NoProjectThreads"/>
/// (the module's default) leaves both out.
/// </summary>
[RequireFeatures(MessagesFeature)]
internal sealed class MessagesIntegration : ModuleIntegration
{
    /// <summary>Portal.Messages' feature (this module does not reference that assembly).</summary>
    public const string MessagesFeature = "Portal.Messages";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
        => services.Replace(ServiceDescriptor.Scoped<IProjectThreads, ProjectThreadsThroughMessages>());
}
