using Xunit;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// The test classes that add portal reminders to the shared demo practice (invitations, notices of
/// new documents) or count them run one after another, so a count is never changed by a neighbour.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoRemindersCollection
{
    public const string Name = "Demo practice's portal reminders";
}
