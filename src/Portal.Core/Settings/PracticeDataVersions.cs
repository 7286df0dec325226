using Portal.Core.Contracts;
using Portal.Core.Data;

namespace Portal.Core.Settings;

/// <summary>
/// Data versions share the settings sections' counters, notifications and poll: an area is a section
/// name under its own prefix, so no area can retire a settings section or the other way round.
/// </summary>
internal sealed class PracticeDataVersions(SettingsVersions versions) : IPracticeDataVersions
{
    private const string Prefix = "data:";

    public ValueTask<long> CurrentAsync(Guid practiceId, string area, CancellationToken cancellationToken = default)
        => versions.CurrentAsync(practiceId, Prefix + area, cancellationToken);

    public ValueTask<long> StampAsync(Guid practiceId, CancellationToken cancellationToken = default)
        => versions.StampAsync(practiceId, cancellationToken);

    // The change is committed: announce it even if the caller has gone, or other servers keep the old copy.
    // Writes outside the declared areas are the frequent ones (audit, events, outbox): recorded later.
    public Task BumpAsync(Guid practiceId, string area, CancellationToken cancellationToken = default)
    {
        if (area == PracticeDataArea.Other)
        {
            versions.BumpLater(practiceId, Prefix + area);
            return Task.CompletedTask;
        }

        return versions.BumpAsync(practiceId, Prefix + area, CancellationToken.None);
    }
}
