using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Recipes;
using Portal.Messages.Data;
using Portal.Messages.Models;
using Portal.Messages.Services;

namespace Portal.Messages.Recipes;

/// <summary>
/// <c>{ "name": "messages", "reasons": [ { "name", "routeTo"?: "staff e-mail" | "role:Staff", "retired"? } ],
/// "threads": [ { "client": "external id or name", "subject", "reason"?, "startedBy"?: "portal user e-mail", "assignedTo"?: "staff e-mail",
/// "messages": [ { "from": "user e-mail", "text", "hoursAgo"? } ] } ] }</c>.
/// Reasons are matched by name (a second run updates them); a thread whose client already has one
/// with that subject is left alone. Messages are written as they were, without e-mails or audit entries.
/// </summary>
internal sealed class MessagesStep(MessagesDbContext db, IClientDirectory clients, IUserDirectory users, TimeProvider clock) : RecipeStep<MessagesStep.Model>
{
    public override string Name => "messages";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        for (var i = 0; i < model.Reasons.Count; i++)
        {
            var reason = model.Reasons[i];
            if (string.IsNullOrWhiteSpace(reason.Name) || reason.Name.Trim().Length > ContactReason.NameMaxLength)
            {
                yield return ($"reasons[{i}].name", $"is required, at most {ContactReason.NameMaxLength} characters.");
            }

            if (reason.RouteTo is { } route && !route.Contains('@', StringComparison.Ordinal)
                && !(route.StartsWith(ReasonRoutes.RolePrefix, StringComparison.Ordinal) && ReasonRoutes.Roles.Contains(route[ReasonRoutes.RolePrefix.Length..], StringComparer.Ordinal)))
            {
                yield return ($"reasons[{i}].routeTo", $"'{route}' is neither a staff member's e-mail nor one of {string.Join(", ", ReasonRoutes.Roles.Select(r => ReasonRoutes.RolePrefix + r))}.");
            }
        }

        for (var i = 0; i < model.Threads.Count; i++)
        {
            var thread = model.Threads[i];
            var field = $"threads[{i}]";
            if (string.IsNullOrWhiteSpace(thread.Client))
            {
                yield return ($"{field}.client", "is required: give the client's external ID or name.");
            }

            if (MessagePosting.CheckSubject(thread.Subject) is { } subject)
            {
                yield return ($"{field}.subject", subject.Message);
            }

            if (thread.Reason is { } reason && !model.Reasons.Any(r => string.Equals(r.Name?.Trim(), reason, StringComparison.OrdinalIgnoreCase))
                && !DefaultReasons.Contains(reason, StringComparer.OrdinalIgnoreCase))
            {
                yield return ($"{field}.reason", $"'{reason}' is not one of the reasons of this step or the defaults.");
            }

            if (thread.Messages.Count == 0)
            {
                yield return ($"{field}.messages", "needs at least one message.");
            }

            for (var j = 0; j < thread.Messages.Count; j++)
            {
                var message = thread.Messages[j];
                if (string.IsNullOrWhiteSpace(message.From) || !message.From.Contains('@', StringComparison.Ordinal))
                {
                    yield return ($"{field}.messages[{j}].from", "is required: the e-mail of the user who wrote it.");
                }

                if (MessagePosting.CheckText(message.Text) is { } text)
                {
                    yield return ($"{field}.messages[{j}].text", text.Message);
                }
            }
        }
    }

    /// <summary>The reasons every practice starts with (made by the module's migration).</summary>
    private static readonly string[] DefaultReasons = ["Reschedule Appointment", "Billing Question", "Tax Question", "Other"];

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < model.Reasons.Count; i++)
        {
            await EnsureReasonAsync(model.Reasons[i], $"reasons[{i}]", cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < model.Threads.Count; i++)
        {
            var entry = model.Threads[i];
            var field = $"threads[{i}]";
            var client = await clients.FindByReferenceAsync(entry.Client, cancellationToken)
                ?? throw new RecipeStepException($"{field}.client", $"no client has the external ID or name '{entry.Client}'.");
            var subject = entry.Subject.Trim();
            if (await db.Threads.AnyAsync(t => t.ClientId == client.Id && t.Subject == subject, cancellationToken))
            {
                continue;
            }

            var thread = new MessageThread
            {
                Id = Guid.CreateVersion7(),
                ClientId = client.Id,
                Kind = entry.Reason is null ? MessageThreadKind.General : MessageThreadKind.Contact,
                Subject = subject,
            };
            if (entry.Reason is { } reasonName)
            {
                var lower = reasonName.Trim().ToLowerInvariant();
                var reason = await db.Reasons.FirstAsync(r => r.Name.ToLower() == lower, cancellationToken);
                thread.ReasonId = reason.Id;
                thread.AssignedUserId = reason.RouteToUserId;
                thread.AssignedRole = reason.RouteToUserId is null ? reason.RouteToRole : null;
            }

            if (entry.StartedBy is { } startedBy)
            {
                thread.StartedByUserId = (await UserAsync(startedBy, $"{field}.startedBy", cancellationToken)).Id;
            }

            if (entry.AssignedTo is { } assignedTo)
            {
                thread.AssignedUserId = (await UserAsync(assignedTo, $"{field}.assignedTo", cancellationToken)).Id;
                thread.AssignedRole = null;
            }

            db.Threads.Add(thread);
            var count = entry.Messages.Count;
            for (var j = 0; j < count; j++)
            {
                var message = entry.Messages[j];
                var author = await UserAsync(message.From, $"{field}.messages[{j}].from", cancellationToken);
                var at = now.AddHours(-(message.HoursAgo ?? (count - j)));
                db.Messages.Add(new Message
                {
                    Id = Guid.CreateVersion7(),
                    ThreadId = thread.Id,
                    AuthorUserId = author.Id,
                    AuthorName = author.DisplayName,
                    FromClient = !author.IsStaff,
                    Text = message.Text.Trim(),
                    CreatedAt = at,
                });
                thread.CreatedAt = j == 0 ? at : thread.CreatedAt;
                thread.LastMessageAt = at;
                thread.LastMessageFromClient = !author.IsStaff;
                thread.MessageCount++;
                await MessageReading.MarkAsync(db, thread.Id, author.Id, at, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task EnsureReasonAsync(ReasonModel entry, string field, CancellationToken cancellationToken)
    {
        var name = entry.Name.Trim();
        var lower = name.ToLowerInvariant();
        var reason = await db.Reasons.FirstOrDefaultAsync(r => r.Name.ToLower() == lower, cancellationToken);
        if (reason is null)
        {
            reason = new ContactReason { Id = Guid.CreateVersion7(), Name = name, Position = (await db.Reasons.MaxAsync(r => (int?)r.Position, cancellationToken) ?? 0) + 10 };
            db.Reasons.Add(reason);
        }

        reason.RouteToUserId = null;
        reason.RouteToRole = null;
        if (entry.RouteTo is { } route)
        {
            if (route.StartsWith(ReasonRoutes.RolePrefix, StringComparison.Ordinal))
            {
                reason.RouteToRole = route[ReasonRoutes.RolePrefix.Length..];
            }
            else
            {
                var staff = await UserAsync(route, $"{field}.routeTo", cancellationToken);
                reason.RouteToUserId = staff.IsStaff ? staff.Id : throw new RecipeStepException($"{field}.routeTo", $"'{route}' is not a staff member.");
            }
        }

        reason.RetiredAt = entry.Retired ? reason.RetiredAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<PortalUserInfo> UserAsync(string email, string field, CancellationToken cancellationToken)
        => await users.FindByEmailAsync(email.Trim(), cancellationToken) ?? throw new RecipeStepException(field, $"no user has the e-mail '{email}'.");

    internal sealed class Model
    {
        public List<ReasonModel> Reasons { get; init; } = [];

        public List<ThreadModel> Threads { get; init; } = [];
    }

    internal sealed class ReasonModel
    {
        public string Name { get; init; } = "";

        public string? RouteTo { get; init; }

        public bool Retired { get; init; }
    }

    internal sealed class ThreadModel
    {
        public string Client { get; init; } = "";

        public string Subject { get; init; } = "";

        public string? Reason { get; init; }

        public string? StartedBy { get; init; }

        public string? AssignedTo { get; init; }

        public List<MessageModel> Messages { get; init; } = [];
    }

    internal sealed class MessageModel
    {
        public string From { get; init; } = "";

        public string Text { get; init; } = "";

        public int? HoursAgo { get; init; }
    }
}
