using Portal.Tests.Infrastructure;

namespace Portal.Tests.Clients;

/// <summary>Shared apps whose sessions outlive a test moving the clock by days (access expiry).</summary>
public sealed class LongSessionApps : ClassApps
{
    protected override void Configure(PortalApplicationOptions options)
        => options.Set("Portal:Identity:IdleTimeout", "60.00:00:00").Set("Portal:Identity:AbsoluteTimeout", "60.00:00:00");
}
