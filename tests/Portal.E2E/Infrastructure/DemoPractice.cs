namespace Portal.E2E.Infrastructure;

/// <summary>
/// The demo practice as recipes/demo.recipe.json creates it (with <see cref="AppProcess.DemoPassword"/>
/// for every user): what the end-to-end tests rely on, named once.
/// </summary>
public static class DemoPractice
{
    public const string Name = "demo";
    public const string DisplayName = "Maple & Finch Accounting";
    public const string AdminEmail = "admin@demo.example";
    public const string StaffEmail = "staff@demo.example";

    /// <summary>Full access to the "Lee household" portal and a contributor elsewhere, so asked to choose a portal.</summary>
    public const string ClientEmail = "client@demo.example";
}
