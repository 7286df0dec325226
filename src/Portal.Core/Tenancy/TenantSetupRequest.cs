namespace Portal.Core.Tenancy;

public sealed record TenantSetupRequest(string Name, string DisplayName, string AdminEmail, string RecipeName)
{
    /// <summary>The administrator's name, used to greet them (the recipe's <c>adminName</c>).</summary>
    public string? AdminName { get; init; }

    /// <summary>Extra recipe variables (override the recipe's defaults).</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}

public sealed record TenantSetupResult(bool Succeeded, string? Error, IReadOnlyDictionary<string, string> FieldErrors)
{
    public static TenantSetupResult Success { get; } = new(true, null, new Dictionary<string, string>());

    /// <summary>Problems with what was entered, by the name of the request's property.</summary>
    public static TenantSetupResult Invalid(IReadOnlyDictionary<string, string> fieldErrors) => new(false, fieldErrors.Values.First(), fieldErrors);

    /// <summary>A problem with one entered value; <paramref name="field"/> names the request's property.</summary>
    public static TenantSetupResult Invalid(string field, string error) => Invalid(new Dictionary<string, string> { [field] = error });

    public static TenantSetupResult Failed(string error) => new(false, error, new Dictionary<string, string>());
}
