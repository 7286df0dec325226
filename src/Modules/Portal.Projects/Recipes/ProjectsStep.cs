using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Recipes;
using Portal.Projects.Data;
using Portal.Projects.Models;
using Portal.Projects.Services;

namespace Portal.Projects.Recipes;

/// <summary>
/// <c>{ "name": "projects", "statuses": [ { "name", "waitingOnClient"?, "retired"? } ],
/// "projects": [ { "client": "external id or name", "name", "status", "expectedOn"?: "yyyy-MM-dd", "externalId"?, "folder"?: "existing folder path", "note"? } ] }</c>.
/// Statuses are matched by name (a missing one is added at the end of the list) and projects by external
/// id, else by client and name, so a second run adds nothing; a project whose status differs gets the
/// status posted (with the note in its history). A project gets a new folder named after it, or uses
/// the client's existing folder at <c>folder</c> ("2025 Tax return" or "Parent / Child").
/// </summary>
internal sealed class ProjectsStep(
    ProjectsDbContext db,
    ProjectStatusList statuses,
    ProjectLibrary library,
    ProjectStatusPoster poster,
    IClientDirectory clients,
    IClientFolders folders) : RecipeStep<ProjectsStep.Model>
{
    public override string Name => "projects";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        for (var i = 0; i < model.Statuses.Count; i++)
        {
            var name = model.Statuses[i].Name?.Trim() ?? "";
            if (name.Length == 0)
            {
                yield return ($"statuses[{i}].name", "is required.");
            }
            else if (name.Length > ProjectStatus.NameMaxLength)
            {
                yield return ($"statuses[{i}].name", $"is longer than {ProjectStatus.NameMaxLength} characters.");
            }
        }

        for (var i = 0; i < model.Projects.Count; i++)
        {
            var project = model.Projects[i];
            var field = $"projects[{i}]";
            if (string.IsNullOrWhiteSpace(project.Client))
            {
                yield return ($"{field}.client", "is required: give the client's external ID or name.");
            }

            if (string.IsNullOrWhiteSpace(project.Name) || project.Name.Trim().Length > Project.NameMaxLength)
            {
                yield return ($"{field}.name", $"is required, at most {Project.NameMaxLength} characters.");
            }

            if (string.IsNullOrWhiteSpace(project.Status))
            {
                yield return ($"{field}.status", "is required: the name of a status of the list.");
            }
            else if (model.Statuses.FirstOrDefault(s => string.Equals(s.Name?.Trim(), project.Status.Trim(), StringComparison.OrdinalIgnoreCase)) is { Retired: true })
            {
                yield return ($"{field}.status", $"'{project.Status}' is retired in this step, so it cannot be set.");
            }

            if (project.ExpectedOn is { } on && !DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                yield return ($"{field}.expectedOn", $"'{on}' is not a date written yyyy-MM-dd.");
            }

            if (project.Note is { Length: > ProjectStatusChange.NoteMaxLength })
            {
                yield return ($"{field}.note", $"is longer than {ProjectStatusChange.NoteMaxLength} characters.");
            }
        }
    }

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < model.Statuses.Count; i++)
        {
            await EnsureStatusAsync(model.Statuses[i], $"statuses[{i}]", cancellationToken);
        }

        for (var i = 0; i < model.Projects.Count; i++)
        {
            await EnsureProjectAsync(model.Projects[i], $"projects[{i}]", cancellationToken);
        }
    }

    private async Task EnsureStatusAsync(StatusEntry entry, string field, CancellationToken cancellationToken)
    {
        var status = await statuses.FindByNameAsync(entry.Name!, cancellationToken);
        if (status is null)
        {
            var (added, error) = await statuses.AddAsync(entry.Name, entry.WaitingOnClient, cancellationToken);
            status = added ?? throw new RecipeStepException($"{field}.name", error!.Message);
        }
        else if (status.WaitingOnClient != entry.WaitingOnClient && await statuses.UpdateAsync(status.Id, status.Name, entry.WaitingOnClient, cancellationToken) is { } error)
        {
            throw new RecipeStepException($"{field}.waitingOnClient", error.Message);
        }

        if (status.IsRetired != entry.Retired && await statuses.SetRetiredAsync(status.Id, entry.Retired, cancellationToken) is { } retireError)
        {
            throw new RecipeStepException($"{field}.retired", retireError.Message);
        }
    }

    private async Task EnsureProjectAsync(ProjectEntry entry, string field, CancellationToken cancellationToken)
    {
        var client = await clients.FindByReferenceAsync(entry.Client!, cancellationToken)
            ?? throw new RecipeStepException($"{field}.client", $"no client has the external ID or name '{entry.Client}'.");
        var status = await statuses.FindByNameAsync(entry.Status!, cancellationToken)
            ?? throw new RecipeStepException($"{field}.status", $"'{entry.Status}' is not on the practice's list of statuses (add it under \"statuses\").");
        var name = entry.Name!.Trim();
        var externalId = string.IsNullOrWhiteSpace(entry.ExternalId) ? null : entry.ExternalId.Trim();
        var existing = externalId is not null
            ? await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ExternalId == externalId, cancellationToken)
            : await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ClientId == client.Id && p.Name == name, cancellationToken);
        var expectedOn = entry.ExpectedOn is { } on ? DateOnly.ParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;

        if (existing is null)
        {
            var (project, error) = await library.CreateAsync(client.Id, new ProjectInput(name, status.Id, expectedOn, externalId), new ClaimsPrincipal(), await FolderAsync(client.Id, entry.Folder, $"{field}.folder", cancellationToken), entry.Note, cancellationToken);
            _ = project ?? throw new RecipeStepException($"{field}.{FieldOf(error!.Field)}", error.Message);
            return;
        }

        if (existing.StatusId != status.Id)
        {
            var result = await poster.PostAsSetupAsync(existing, new ProjectStatusPost(existing.Id, null, status.Id, null, entry.Note), cancellationToken);
            if (result.Error is { } error)
            {
                throw new RecipeStepException($"{field}.{FieldOf(error.Field)}", error.Message);
            }
        }
    }

    private async Task<ClientFolder?> FolderAsync(Guid clientId, string? path, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var wanted = string.Join(" / ", path.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return (await folders.ListAsync(clientId, cancellationToken)).FirstOrDefault(f => string.Equals(f.Path, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new RecipeStepException(field, $"the client has no folder '{path}' (add it with a \"documents\" step first).");
    }

    private static string FieldOf(string? field) => field is null ? "name" : char.ToLowerInvariant(field[0]) + field[1..];

    internal sealed class Model
    {
        public List<StatusEntry> Statuses { get; init; } = [];

        public List<ProjectEntry> Projects { get; init; } = [];
    }

    internal sealed class StatusEntry
    {
        public string? Name { get; init; }

        public bool WaitingOnClient { get; init; }

        public bool Retired { get; init; }
    }

    internal sealed class ProjectEntry
    {
        public string? Client { get; init; }

        public string? Name { get; init; }

        public string? Status { get; init; }

        public string? ExpectedOn { get; init; }

        public string? ExternalId { get; init; }

        public string? Folder { get; init; }

        public string? Note { get; init; }
    }
}
