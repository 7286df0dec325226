namespace Portal.Core.Contracts;

/// <summary>
/// Whether a person holds a permission now, outside their own request (implemented by the Identity
/// module with the same rules as a page's [RequirePermission]): a program acting in a staff member's name
/// stops when that member loses the permission that let them approve it.
/// </summary>
public interface IUserPermissions
{
    Task<bool> HoldsAsync(Guid userId, string permission, CancellationToken cancellationToken = default);
}
