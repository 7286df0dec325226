using Portal.Core.Contracts;
using Portal.Core.Mail;

namespace Portal.Admin;

/// <summary>E-mail templates by the name the Templates page gives them, for the audit trail's sentences ("changed the “Invitation” e-mail").</summary>
internal sealed class MailTemplateAuditTargetNames(IEnumerable<MailTemplateDefinition> templates) : IAuditTargetNames
{
    public string TargetType => AuditTargetTypes.MailTemplate;

    public Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyDictionary<string, string>>(templates
            .Where(t => targetIds.Contains(t.Name))
            .DistinctBy(t => t.Name)
            .ToDictionary(t => t.Name, t => $"the “{t.DisplayName}” e-mail", StringComparer.Ordinal));
}
