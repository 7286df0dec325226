using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Data;

/// <summary>Model conventions shared by every DbContext in the portal (host and per practice).</summary>
public static class PortalModelConventions
{
    public static void Apply(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
