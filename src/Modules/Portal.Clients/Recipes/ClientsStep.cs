using Microsoft.EntityFrameworkCore;
using Portal.Clients.Data;
using Portal.Clients.Models;
using Portal.Clients.Services;
using Portal.Core.Recipes;

namespace Portal.Clients.Recipes;

/// <summary>
/// <c>{ "name": "clients", "clients": [ { "name", "kind": "Individual|Business", "emails": [], "phone", "address", "externalId", "notes" } ] }</c>.
/// A client that exists already (same externalId; or, for an entry without one, same name) is left
/// as it is, so running the recipe again duplicates nothing and keeps staff's edits.
/// </summary>
internal sealed class ClientsStep(ClientsDbContext db, ClientStore store) : RecipeStep<ClientsStep.Model>
{
    public override string Name => "clients";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        var externalIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Clients.Count; i++)
        {
            var input = ClientRules.Clean(model.Clients[i].ToInput());
            foreach (var error in ClientRules.Validate(input))
            {
                yield return ($"clients[{i}].{FieldName(error.Field)}", error.Message);
            }

            if (input.ExternalId is { } externalId && !externalIds.Add(externalId))
            {
                yield return ($"clients[{i}].externalId", $"'{externalId}' is used by an earlier client of this step.");
            }
        }
    }

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < model.Clients.Count; i++)
        {
            var input = ClientRules.Clean(model.Clients[i].ToInput());
            if (await ExistsAsync(input, cancellationToken))
            {
                continue;
            }

            var result = await store.CreateAsync(input, cancellationToken);
            if (!result.Succeeded)
            {
                var error = result.Errors[0];
                throw new RecipeStepException($"clients[{i}].{FieldName(error.Field)}", error.Message);
            }
        }
    }

    private async Task<bool> ExistsAsync(ClientInput input, CancellationToken cancellationToken)
    {
        if (input.ExternalId is { } externalId)
        {
            return await db.Clients.AnyAsync(c => c.ExternalId == externalId, cancellationToken);
        }

        var name = Client.Normalize(input.Name);
        return await db.Clients.AnyAsync(c => c.NormalizedName == name, cancellationToken);
    }

    private static string FieldName(string field) => field switch
    {
        "Email" => "emails",
        "" => "name",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };

    public sealed class Model
    {
        public List<ClientEntry> Clients { get; set; } = [];
    }

    public sealed class ClientEntry
    {
        public string Name { get; set; } = "";

        public ClientKind Kind { get; set; } = ClientKind.Individual;

        public List<string> Emails { get; set; } = [];

        public string? Phone { get; set; }

        public string? Address { get; set; }

        public string? ExternalId { get; set; }

        public string? Notes { get; set; }

        public ClientInput ToInput() => new(Kind, Name, Emails, Phone, Address, ExternalId, Notes);
    }
}
