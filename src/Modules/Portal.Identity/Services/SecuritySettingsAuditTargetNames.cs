using Portal.Core.Contracts;
using Portal.Identity.Models;

namespace Portal.Identity.Services;

/// <summary>The name of the settings section this module records changes to (the others are not its to name).</summary>
internal sealed class SecuritySettingsAuditTargetNames : IAuditTargetNames
{
    public string TargetType => AuditTargetTypes.Settings;

    public Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyDictionary<string, string>>(targetIds.Contains(SecuritySettings.SectionName)
            ? new Dictionary<string, string> { [SecuritySettings.SectionName] = "the sign-in security settings" }
            : new Dictionary<string, string>());
}
