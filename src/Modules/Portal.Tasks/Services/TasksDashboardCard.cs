using System.Security.Claims;
using Portal.Core.Navigation;
using Portal.Core.Time;

namespace Portal.Tasks.Services;

/// <summary>The client home's first card: what the practice asks of the user, soonest due first, overdue marked.</summary>
public sealed class TasksDashboardCard(ClientTaskLines lines, IPracticeClock clock) : IClientDashboardCardProvider
{
    public const int Position = 10;
    private const int Shown = 5;

    public async Task<IReadOnlyList<ClientDashboardCard>> GetCardsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Portal.Core.Security.PortalPrincipal.IsClientUser(user))
        {
            return [];
        }

        var open = await lines.OpenAsync(user, Shown + 1, cancellationToken);
        if (open.Count == 0)
        {
            return [new ClientDashboardCard("Your tasks", "Nothing is asked of you right now.", TaskPaths.ClientList, Position)];
        }

        var today = await clock.TodayAsync(cancellationToken);
        var count = open.Count > Shown ? $"More than {Shown}" : open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new ClientDashboardCard("Your tasks", $"{count} {(open.Count == 1 ? "is" : "are")} waiting for you.", TaskPaths.ClientList, Position)
            {
                Lines = open.Take(Shown).Select(t =>
                {
                    var (note, overdue) = ClientTaskLines.DueNote(t.DueOn, today);
                    return new ClientDashboardLine(t.Title, TaskPaths.ClientTask(t.Id), note, overdue);
                }).ToList(),
            },
        ];
    }
}
