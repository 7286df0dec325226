using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Contracts;
using Portal.Core.Recipes;

namespace Portal.Clients.Recipes;

/// <summary>
/// <c>{ "name": "portals", "portals": [ { "name", "clients": ["externalId or name"], "users": [ { "email", "displayName", "access": "Full|Contributor", "expiresOn"? } ] } ] }</c>.
/// Portals are matched by name, clients by external id and then by name, users by e-mail. Users that do
/// not exist are created as client users without a password (give demo users one with a "users" step
/// before this one). A user's access is set to what the recipe says; nothing is duplicated.
/// </summary>
internal sealed class PortalsStep(ClientsDbContext db, PortalStore portals, PortalMemberships memberships, IUserDirectory users) : RecipeStep<PortalsStep.Model>
{
    public override string Name => "portals";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < model.Portals.Count; i++)
        {
            var portal = model.Portals[i];
            if (string.IsNullOrWhiteSpace(portal.Name))
            {
                yield return ($"portals[{i}].name", "is required.");
            }
            else if (!names.Add(portal.Name.Trim()))
            {
                yield return ($"portals[{i}].name", $"'{portal.Name}' is already an earlier portal of this step.");
            }

            for (var j = 0; j < portal.Clients.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(portal.Clients[j]))
                {
                    yield return ($"portals[{i}].clients[{j}]", "is empty: give the client's external ID or name.");
                }
            }

            for (var j = 0; j < portal.Users.Count; j++)
            {
                var user = portal.Users[j];
                if (!ClientRules.IsEmail(user.Email.Trim()))
                {
                    yield return ($"portals[{i}].users[{j}].email", $"'{user.Email}' is not an e-mail address.");
                }

                if (user.ExpiresOn is not null && user.Access != PortalAccess.Contributor)
                {
                    yield return ($"portals[{i}].users[{j}].expiresOn", "only contributor access can end on a date.");
                }
            }
        }
    }

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < model.Portals.Count; i++)
        {
            var entry = model.Portals[i];
            var portal = await portals.FindByNameAsync(entry.Name, cancellationToken);
            if (portal is null)
            {
                var created = await portals.CreateAsync(entry.Name, cancellationToken);
                portal = created.Value ?? throw new RecipeStepException($"portals[{i}].name", created.Errors[0].Message);
            }

            for (var j = 0; j < entry.Clients.Count; j++)
            {
                var field = $"portals[{i}].clients[{j}]";
                var clientId = await FindClientAsync(entry.Clients[j].Trim(), field, cancellationToken);
                var current = await db.PortalClients.AsNoTracking().Where(pc => pc.ClientId == clientId).Select(pc => (Guid?)pc.PortalId).SingleOrDefaultAsync(cancellationToken);
                if (current == portal.Id)
                {
                    continue;
                }

                if (await portals.AddClientAsync(portal.Id, clientId, cancellationToken) is { } error)
                {
                    throw new RecipeStepException(field, error.Message);
                }
            }

            for (var j = 0; j < entry.Users.Count; j++)
            {
                var user = entry.Users[j];
                var field = $"portals[{i}].users[{j}]";
                var ensured = await users.EnsureClientUserAsync(user.Email.Trim(), string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email.Trim() : user.DisplayName.Trim(), cancellationToken);
                if (ensured.User is null)
                {
                    throw new RecipeStepException($"{field}.email", ensured.Error ?? "cannot be given portal access.");
                }

                await memberships.SetAsync(portal.Id, ensured.User, user.Access, user.ExpiresOn, cancellationToken);
            }
        }
    }

    private async Task<Guid> FindClientAsync(string reference, string field, CancellationToken cancellationToken)
    {
        var byExternalId = await db.Clients.AsNoTracking().Where(c => c.ExternalId == reference).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (byExternalId is { } id)
        {
            return id;
        }

        var name = Client.Normalize(reference);
        var byName = await db.Clients.AsNoTracking().Where(c => c.NormalizedName == name).Select(c => c.Id).Take(2).ToListAsync(cancellationToken);
        return byName.Count switch
        {
            1 => byName[0],
            0 => throw new RecipeStepException(field, $"there is no client '{reference}' (add it with a clients step first)."),
            _ => throw new RecipeStepException(field, $"several clients are called '{reference}'; refer to the client by its external ID."),
        };
    }

    public sealed class Model
    {
        public List<PortalEntry> Portals { get; set; } = [];
    }

    public sealed class PortalEntry
    {
        public string Name { get; set; } = "";

        public List<string> Clients { get; set; } = [];

        public List<PortalUserEntry> Users { get; set; } = [];
    }

    public sealed class PortalUserEntry
    {
        public string Email { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public PortalAccess Access { get; set; } = PortalAccess.Full;

        public DateOnly? ExpiresOn { get; set; }
    }
}
