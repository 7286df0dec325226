using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Recipes;
using Portal.Core.Time;
using Portal.Tasks.Data;
using Portal.Tasks.Models;

namespace Portal.Tasks.Recipes;

/// <summary>
/// <c>{ "name": "tasks", "tasks": [ { "client": "external id or name", "title", "description"?, "dueInDays"?,
/// "everyone"?, "assignTo": ["portal user e-mail"]?, "folder": "Parent/Child"?, "items": ["T4 slip"]?, "by": "staff e-mail" } ] }</c>.
/// The due date is relative to the day the recipe runs (negative: already overdue, as a demo shows), so a
/// demo set up any day tells the same story. A task with the same title for the same client is left as
/// it is, so a second run adds nothing.
/// </summary>
internal sealed class TasksStep(TasksDbContext db, IClientDirectory clients, IClientFolders folders, IUserDirectory users, IPracticeClock clock)
    : RecipeStep<TasksStep.Model>
{
    public override string Name => "tasks";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        for (var i = 0; i < model.Tasks.Count; i++)
        {
            var task = model.Tasks[i];
            var field = $"tasks[{i}]";
            if (string.IsNullOrWhiteSpace(task.Client))
            {
                yield return ($"{field}.client", "is required: give the client's external ID or name.");
            }

            if (string.IsNullOrWhiteSpace(task.Title) || task.Title.Trim().Length > ClientTask.TitleMaxLength)
            {
                yield return ($"{field}.title", $"is required, at most {ClientTask.TitleMaxLength} characters.");
            }

            if ((task.Description ?? "").Length > ClientTask.DescriptionMaxLength)
            {
                yield return ($"{field}.description", $"is longer than {ClientTask.DescriptionMaxLength} characters.");
            }

            if (string.IsNullOrWhiteSpace(task.By) || !task.By.Contains('@', StringComparison.Ordinal))
            {
                yield return ($"{field}.by", "is required: the e-mail of the staff member who asks.");
            }

            if (!task.Everyone && task.AssignTo.Count == 0)
            {
                yield return ($"{field}.assignTo", "is required unless \"everyone\" is true: the portal users the task is for.");
            }

            if (task.Items.Count > RequestItem.MaxPerRequest || task.Items.Any(n => string.IsNullOrWhiteSpace(n) || n.Trim().Length > RequestItem.NameMaxLength))
            {
                yield return ($"{field}.items", $"must be at most {RequestItem.MaxPerRequest} names, none empty or longer than {RequestItem.NameMaxLength} characters.");
            }

            if (task.Items.Count > 0 && string.IsNullOrWhiteSpace(task.Folder))
            {
                yield return ($"{field}.folder", "is required for a request with items: the folder the client's files go into.");
            }
        }
    }

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        for (var i = 0; i < model.Tasks.Count; i++)
        {
            var entry = model.Tasks[i];
            var field = $"tasks[{i}]";
            var client = await clients.FindByReferenceAsync(entry.Client, cancellationToken)
                ?? throw new RecipeStepException($"{field}.client", $"no client has the external ID or name '{entry.Client}'.");
            var title = entry.Title.Trim();
            if (await db.Tasks.AnyAsync(t => t.ClientId == client.Id && t.Title == title, cancellationToken))
            {
                continue;
            }

            var by = await users.FindByEmailAsync(entry.By, cancellationToken);
            if (by is not { IsStaff: true })
            {
                throw new RecipeStepException($"{field}.by", $"'{entry.By}' is not a staff member of the practice.");
            }

            var portalUsers = await clients.PortalUsersAsync(client.Id, cancellationToken);
            var assignees = new List<Guid>();
            foreach (var email in entry.AssignTo)
            {
                var user = await users.FindByEmailAsync(email, cancellationToken);
                if (user is null || portalUsers.All(p => p.UserId != user.Id))
                {
                    throw new RecipeStepException($"{field}.assignTo", $"'{email}' is not a user of {client.Name}'s portal.");
                }

                assignees.Add(user.Id);
            }

            Guid? folderId = null;
            if (!string.IsNullOrWhiteSpace(entry.Folder))
            {
                var path = string.Join(" / ", entry.Folder.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                folderId = (await folders.ListAsync(client.Id, cancellationToken)).FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase))?.Id
                    ?? throw new RecipeStepException($"{field}.folder", $"'{entry.Folder}' is not one of {client.Name}'s folders.");
            }

            var task = new ClientTask
            {
                Id = Guid.CreateVersion7(),
                ClientId = client.Id,
                Title = title,
                Description = (entry.Description ?? "").Trim(),
                DueOn = entry.DueInDays is { } days ? today.AddDays(days) : null,
                AssignedToEveryone = entry.Everyone,
                FolderId = folderId,
                IsRequest = entry.Items.Count > 0,
                State = TaskState.Open,
                CreatedBy = by.Id,
                CreatedByName = by.DisplayName,
                CreatedAt = clock.UtcNow,
            };
            db.Tasks.Add(task);
            db.Assignees.AddRange(assignees.Distinct().Select(a => new TaskAssignee { TaskId = task.Id, UserId = a }));
            db.Items.AddRange(entry.Items.Select((name, position) => new RequestItem
            {
                Id = Guid.CreateVersion7(),
                TaskId = task.Id,
                ClientId = client.Id,
                Position = position,
                Name = name.Trim(),
                State = RequestItemState.Waiting,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public sealed class Model
    {
        public List<TaskEntry> Tasks { get; init; } = [];
    }

    public sealed class TaskEntry
    {
        public string Client { get; init; } = "";

        public string Title { get; init; } = "";

        public string? Description { get; init; }

        public int? DueInDays { get; init; }

        public bool Everyone { get; init; }

        public List<string> AssignTo { get; init; } = [];

        public string? Folder { get; init; }

        public List<string> Items { get; init; } = [];

        public string By { get; init; } = "";
    }
}
