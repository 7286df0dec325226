using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Settings;

/// <summary>Apps of a class's own that poll the host store an hour apart: they learn of a version only when told.</summary>
public sealed class UnpolledApps : ClassApps
{
    protected override void Configure(PortalApplicationOptions options) => options.Set("Portal:Tenancy:RegistryPollInterval", "01:00:00");
}
