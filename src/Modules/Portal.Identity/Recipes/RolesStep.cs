using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Identity.Models;
using Portal.Identity.Services;

namespace Portal.Identity.Recipes;

/// <summary>
/// <c>{ "name": "roles", "roles": [ { "name": "Staff", "displayName": "Staff", "permissions": [...] } ] }</c>.
/// Without "permissions", a role gets the modules' defaults for its name. Existing roles are updated,
/// never duplicated.
/// </summary>
internal sealed class RolesStep(RoleManager<PortalRole> roles, IRoleStore<PortalRole> store, PermissionCatalog permissions, TenantStore tenants, TenantContext tenantContext)
    : RecipeStep<RolesStep.Model>
{
    public override string Name => "roles";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        for (var i = 0; i < model.Roles.Count; i++)
        {
            var role = model.Roles[i];
            if (string.IsNullOrWhiteSpace(role.Name))
            {
                yield return ($"roles[{i}].name", "is required.");
            }

            foreach (var (permission, j) in (role.Permissions ?? []).Select((p, j) => (p, j)))
            {
                if (!permissions.Exists(permission))
                {
                    yield return ($"roles[{i}].permissions[{j}]", $"there is no permission '{permission}'.");
                }
            }
        }
    }

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var entry in model.Roles)
        {
            var role = await roles.FindByNameAsync(entry.Name);
            var isNew = role is null;
            role ??= new PortalRole { Id = Guid.CreateVersion7(), Name = entry.Name };
            role.DisplayName = entry.DisplayName ?? (entry.Name == PortalRole.Administrator ? "Practice Administrator" : entry.Name);
            role.Description = entry.Description ?? role.Description;
            role.IsSystem = entry.Name is PortalRole.Administrator or PortalRole.Staff;
            var result = isNew ? await roles.CreateAsync(role) : await roles.UpdateAsync(role);
            if (!result.Succeeded)
            {
                throw new RecipeStepException("roles", string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            // Through the store, which only tracks the changes, and saved once with the role:
            // RoleManager's AddClaimAsync validates and saves the role again for every claim.
            var claims = (IRoleClaimStore<PortalRole>)store;
            var wanted = (entry.Permissions ?? permissions.DefaultsFor(entry.Name)).ToHashSet(StringComparer.Ordinal);
            var existing = (await claims.GetClaimsAsync(role, cancellationToken)).Where(c => c.Type == PortalClaimTypes.Permission).ToList();
            var removed = existing.Where(c => !wanted.Contains(c.Value)).ToList();
            var added = wanted.Where(p => existing.All(c => c.Value != p)).ToList();
            foreach (var claim in removed)
            {
                await claims.RemoveClaimAsync(role, claim, cancellationToken);
            }

            foreach (var permission in added)
            {
                await claims.AddClaimAsync(role, new Claim(PortalClaimTypes.Permission, permission), cancellationToken);
            }

            if (removed.Count + added.Count > 0)
            {
                var saved = await roles.UpdateAsync(role);
                if (!saved.Succeeded)
                {
                    throw new RecipeStepException("roles", string.Join(" ", saved.Errors.Select(e => e.Description)));
                }
            }
        }

        await tenants.TouchAsync(tenantContext.Tenant.Name, cancellationToken);
    }

    public sealed class Model
    {
        public List<RoleEntry> Roles { get; set; } = [];
    }

    public sealed class RoleEntry
    {
        public string Name { get; set; } = "";

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        public List<string>? Permissions { get; set; }
    }
}
