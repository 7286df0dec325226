using System.Text.RegularExpressions;
using Portal.Core.Security;

namespace Portal.Audit.Services;

/// <summary>
/// Details as the page shows them. The trail keeps what was recorded, ids and permission keys included
/// (the CSV export shows exactly that); a person reads the names: an id becomes what it is called now
/// (or says it no longer exists), an id in parentheses after a name is left out, a permission key becomes
/// the permission's description.
/// </summary>
public sealed partial class AuditDetailsText
{
    public const string Gone = "(no longer exists)";

    private readonly Dictionary<string, string> _permissions;
    private readonly Regex? _permissionKeys;

    public AuditDetailsText(IEnumerable<IPermissionProvider> permissions)
    {
        _permissions = permissions.SelectMany(p => p.GetPermissions()).DistinctBy(p => p.Name, StringComparer.Ordinal).ToDictionary(p => p.Name, p => p.Description, StringComparer.Ordinal);

        // Whole keys only: "Documents.View" but not inside "Documents.ViewAll" or an address.
        _permissionKeys = _permissions.Count == 0
            ? null
            : new Regex($@"(?<![\w.@-])(?:{string.Join('|', _permissions.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape))})(?![\w@-]|\.\w)", RegexOptions.CultureInvariant);
    }

    public string Readable(string text, AuditNameIndex names)
    {
        // "T4 slip 2025.pdf (id)": the id pins down the name before it for the record; the reader has the name.
        text = AnnotatingIds().Replace(text, "");
        var named = AuditNames.Ids().Replace(text, match =>
        {
            if (names.FindMentioned(match.Value) is not { } name)
            {
                return Gone;
            }

            // "client {id} Lee Family Trust" names the client twice once the id is its name.
            var rest = text.AsSpan(match.Index + match.Length);
            return rest.StartsWith(" " + name, StringComparison.Ordinal) ? "" : name;
        });
        named = named.Replace("  ", " ", StringComparison.Ordinal).Trim();
        return _permissionKeys is null ? named : _permissionKeys.Replace(named, match => $"“{_permissions[match.Value]}”");
    }

    [GeneratedRegex(@"\s*\([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\)", RegexOptions.CultureInvariant)]
    private static partial Regex AnnotatingIds();
}
