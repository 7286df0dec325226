using System.Globalization;
using Portal.Core.Contracts;

namespace Portal.Audit.Services;

/// <summary>
/// Every audit action the modules describe, and a readable stand-in for one nobody describes (recorded by
/// a module removed since, or by a test): its code, made into words, so the trail never shows a raw code.
/// </summary>
public sealed class AuditActionCatalog(IEnumerable<IAuditActionDescriptions> providers)
{
    private readonly Dictionary<string, AuditActionDescription> _described = providers
        .SelectMany(p => p.Describe())
        .DistinctBy(d => d.Action, StringComparer.Ordinal)
        .ToDictionary(d => d.Action, StringComparer.Ordinal);

    public IReadOnlyCollection<AuditActionDescription> Described => _described.Values;

    public bool IsDescribed(string action) => _described.ContainsKey(action);

    public AuditActionDescription Describe(string action)
    {
        if (_described.TryGetValue(action, out var description))
        {
            return description;
        }

        var name = Readable(action);
        return new AuditActionDescription(action, name, $"did “{name}”: {AuditActionDescription.Target}");
    }

    /// <summary>"documents.upload-refused" as "Documents upload refused".</summary>
    public static string Readable(string code)
    {
        var words = string.Join(' ', code.Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return words.Length == 0 ? "Unnamed action" : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}
