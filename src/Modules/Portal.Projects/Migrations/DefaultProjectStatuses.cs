namespace Portal.Projects.Migrations;

/// <summary>The list a new practice starts with (fixed ids, so a migration inserts the same rows on every database).</summary>
internal static class DefaultProjectStatuses
{
    public static readonly IReadOnlyList<(Guid Id, string Name, bool WaitingOnClient)> All =
    [
        (new Guid("0193a1f0-0000-7000-8000-000000000001"), "Received", false),
        (new Guid("0193a1f0-0000-7000-8000-000000000002"), "In progress", false),
        (new Guid("0193a1f0-0000-7000-8000-000000000003"), "Waiting on you", true),
        (new Guid("0193a1f0-0000-7000-8000-000000000004"), "Ready for review", true),
        (new Guid("0193a1f0-0000-7000-8000-000000000005"), "Filed", false),
    ];
}
