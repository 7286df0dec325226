namespace Portal.Core.Data;

/// <summary>A DbContext over the host store (platform data); migrated at start.</summary>
public sealed record HostDbContextRegistration(Type ContextType);
