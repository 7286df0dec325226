namespace Portal.E2E;

/// <summary>
/// Every page of the platform's own site (the host: its home and the operator's admin), by the route
/// template the application declares for it. AccessibilityTests must meet these pages;
/// EndToEndPageListsTests in Portal.Tests (which compiles this file too) fails when the application has
/// a host page this list does not name, or no longer has one it names.
/// </summary>
internal static class HostPages
{
    public static readonly IReadOnlyList<string> Routes =
    [
        "/",
        "/admin",
        "/admin/jobs",
        "/admin/plans",
        "/admin/plans/new",
        "/admin/plans/{id:guid}",
        "/admin/practices/new",
        "/admin/practices/{name}",
        "/admin/practices/{name}/plan",
        "/admin/signin",
        "/admin/signout",
        "/admin/stripe-keys",
    ];
}
