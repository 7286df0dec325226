using Portal.Core.Contracts;
using Portal.Core.LoginWidget;
using Portal.Core.Mail;

namespace Portal.Admin.Services;

/// <summary>The settings sections changed from the login widget and e-mail sender pages, by name, for the audit trail's sentences.</summary>
internal sealed class CustomizeSettingsAuditTargetNames : IAuditTargetNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [LoginWidgetSettings.SectionName] = "the login widget's websites",
        [MailIdentitySettings.SectionName] = "the e-mail sender settings",
    };

    public string TargetType => AuditTargetTypes.Settings;

    public Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyDictionary<string, string>>(Names.Where(n => targetIds.Contains(n.Key)).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal));
}
