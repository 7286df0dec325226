namespace Portal.Core.Tenancy;

public sealed record TenantSetupRequest(string Name, string DisplayName, string AdminEmail, string RecipeName)
{
    /// <summary>Extra recipe variables (override the recipe's defaults).</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}

public sealed record TenantSetupResult(bool Succeeded, string? Error, string? Field)
{
    public static TenantSetupResult Success { get; } = new(true, null, null);

    /// <summary>A problem with what was entered; <paramref name="field"/> names the form field.</summary>
    public static TenantSetupResult Invalid(string field, string error) => new(false, error, field);

    public static TenantSetupResult Failed(string error) => new(false, error, null);
}
