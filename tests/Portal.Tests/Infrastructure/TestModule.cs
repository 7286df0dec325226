using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Errors;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Settings;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A module that exists only in tests: two optional features where one depends on the other, an
/// endpoint per feature, an admin menu item, an endpoint that fails, a settings section with a
/// secret field, and files attached through the attachments contract.
/// </summary>
public sealed class TestModule : ModuleStartup
{
    public const string Base = "Test.Base";
    public const string Greeting = "Test.Greeting";
    public const string ApiBoomName = "TestApiBoom";

    public override ModuleManifest Manifest { get; } = new(
        "Portal.TestModule",
        "Test module",
        "Only in tests.",
        [
            new FeatureDescriptor(Base, "Test base", "A feature others need.", "Testing", []),
            new FeatureDescriptor(Greeting, "Test greeting", "Needs the base feature.", "Testing", [Base]),
        ]);

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IAdminMenuProvider, TestMenu>();
        services.AddSettingsSection<TestSecretSettings>();
        services.AddScoped<TestNoteAttachments>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/test/base", () => "base").AllowAnonymous();
        endpoints.MapGet("/test/greeting", () => "hello").AllowAnonymous().WithMetadata(new FeatureMetadata(Greeting));
        endpoints.MapGet("/test/boom", string () => throw new InvalidOperationException("Secret internal detail 4242")).AllowAnonymous();
        endpoints.MapGet("/api/test/boom", string () => throw new InvalidOperationException("Secret internal detail 4242")).AllowAnonymous();

        // A crash in an API area: its 500 must be problem details with a stable type like any other error.
        endpoints.MapGroup("/test/api").AsApiArea("Test").MapGet("/boom", string () => throw new InvalidOperationException("Secret internal detail 4242"))
            .WithName(ApiBoomName).AllowAnonymous();
    }

    /// <summary>Adds the module to an application's composition (as Program does for real modules).</summary>
    public static void Register(IServiceCollection services)
    {
        var module = new TestModule();
        module.ConfigureServices(services, new ConfigurationBuilder().Build());
        var existing = (ModuleCatalog)services.Single(d => d.ServiceType == typeof(ModuleCatalog)).ImplementationInstance!;
        services.RemoveAll<ModuleCatalog>();
        services.AddSingleton(new ModuleCatalog(existing.Startups.Append(module)));
    }

    private sealed class TestMenu : IAdminMenuProvider
    {
        public IEnumerable<AdminMenuItem> GetItems() => [new("Greeting test", "/test/greeting", Greeting)];
    }
}
