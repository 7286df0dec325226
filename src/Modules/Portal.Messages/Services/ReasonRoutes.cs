using Portal.Core.Contracts;
using Portal.Core.Errors;
using Portal.Core.Security;

namespace Portal.Messages.Services;

/// <summary>
/// The routes a reason may take, as one form value: "" (nobody), "user:{id}" (an active staff member) or
/// "role:{name}" (a built-in staff role). Custom roles are not offered: the module reads no Identity tables.
/// </summary>
public sealed class ReasonRoutes(IUserDirectory users)
{
    public const string UserPrefix = "user:";
    public const string RolePrefix = "role:";

    public static readonly IReadOnlyList<string> Roles = [RoleNames.Administrator, RoleNames.Staff];

    public static string ValueOf(ReasonRoute route)
        => route.UserId is { } user ? UserPrefix + user : route.Role is { } role ? RolePrefix + role : "";

    /// <summary>The choices for a dropdown: value and label.</summary>
    public async Task<IReadOnlyList<(string Value, string Label)>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var staff = await users.ListStaffAsync(cancellationToken);
        return
        [
            ("", "Nobody (unassigned)"),
            .. Roles.Select(r => (RolePrefix + r, $"Role: {r}")),
            .. staff.Where(s => !s.IsDisabled).Select(s => (UserPrefix + s.Id, s.DisplayName)),
        ];
    }

    public async Task<(ReasonRoute? Route, PortalError? Error)> ParseAsync(string? value, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (ReasonRoute.Nobody, null);
        }

        if (value.StartsWith(RolePrefix, StringComparison.Ordinal) && Roles.Contains(value[RolePrefix.Length..], StringComparer.Ordinal))
        {
            return (new ReasonRoute(null, value[RolePrefix.Length..]), null);
        }

        if (value.StartsWith(UserPrefix, StringComparison.Ordinal) && Guid.TryParse(value[UserPrefix.Length..], out var id)
            && (await users.ListStaffAsync(cancellationToken)).Any(s => s.Id == id && !s.IsDisabled))
        {
            return (new ReasonRoute(id, null), null);
        }

        return (null, MessageErrors.UnknownRoute);
    }
}
