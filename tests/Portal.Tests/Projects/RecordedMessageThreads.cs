using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Contracts;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Projects.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Projects;

/// <summary>
/// Records what Projects asks of the message threads, for the note-posting checks. The Messages module
/// is built beside this one: until it is merged, a module that only declares its feature stands in for
/// it (so a practice can switch "Portal.Messages" on); once it is there, its own feature and
/// integration are used and only the threads are recorded.
/// </summary>
public sealed class RecordedMessageThreads : IMessageThreads
{
    private const string MessagesFeature = "Portal.Messages";

    public ConcurrentQueue<(Guid ClientId, MessageTopic Topic)> Threads { get; } = new();

    public ConcurrentQueue<(Guid ThreadId, string Author, string Text)> Posts { get; } = new();

    public Task<Guid> EnsureThreadAsync(Guid clientId, MessageTopic topic, CancellationToken cancellationToken = default)
    {
        Threads.Enqueue((clientId, topic));
        return Task.FromResult(topic.Id);
    }

    public Task<Guid> PostFromPracticeAsync(Guid threadId, ClaimsPrincipal author, string text, CancellationToken cancellationToken = default)
    {
        Posts.Enqueue((threadId, author.DisplayNameOf(), text));
        return Task.FromResult(Guid.CreateVersion7());
    }

    public string ThreadPath(HttpContext httpContext, Guid threadId) => $"/threads/{threadId}";

    public Task<int> UnreadCountAsync(ClaimsPrincipal user, MessageTopic topic, CancellationToken cancellationToken = default) => Task.FromResult(0);

    /// <summary>Adds the recorder (and, before the Messages module exists, a stand-in for its feature) to an application.</summary>
    public static void Register(IServiceCollection services, RecordedMessageThreads recorder)
    {
        services.RemoveAll<IMessageThreads>();
        services.AddSingleton<IMessageThreads>(recorder);
        services.Replace(ServiceDescriptor.Scoped<IProjectThreads, ProjectThreadsThroughMessages>());
        var existing = (ModuleCatalog)services.Single(d => d.ServiceType == typeof(ModuleCatalog)).ImplementationInstance!;
        if (!existing.Features.Contains(MessagesFeature))
        {
            services.RemoveAll<ModuleCatalog>();
            services.AddSingleton(new ModuleCatalog(existing.Startups.Append(new MessagesFeatureOnly())));
        }
    }

    /// <summary>Declares the Messages feature and nothing else.</summary>
    private sealed class MessagesFeatureOnly : ModuleStartup
    {
        public override ModuleManifest Manifest { get; } = new(
            "Portal.Tests.MessagesFeature",
            "Messages (feature only)",
            "Only in tests, until the Messages module is merged.",
            [new FeatureDescriptor(MessagesFeature, "Messages", "Stands in for the Messages module's feature.", "Testing", [])]);

        public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
        {
        }
    }
}

/// <summary>Shared apps whose message threads are recorded.</summary>
public sealed class AppsWithRecordedThreads : SharedApps
{
    public RecordedMessageThreads Threads { get; } = new();

    protected override void Configure(PortalApplicationOptions options) => options.WithServices(services => RecordedMessageThreads.Register(services, Threads));
}
