namespace Portal.Core.Data;

/// <summary>A per-practice DbContext that a module registered; migrated on every practice database.</summary>
public sealed record TenantDbContextRegistration(Type ContextType, string HistoryTable);
