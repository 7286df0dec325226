using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Projects.Data;
using Portal.Projects.Models;

namespace Portal.Projects.Services;

/// <summary>
/// Gives a practice the usual status list the first time its projects schema exists (at setup, and
/// once for practices made before this module). Statuses are only ever retired, never deleted, so an
/// empty list means it was never filled, and running this again changes nothing.
/// </summary>
internal sealed class DefaultProjectStatuses : IPracticeUpgrade
{
    public static readonly IReadOnlyList<(string Name, bool WaitingOnClient)> All =
    [
        ("Received", false),
        ("In progress", false),
        ("Waiting on you", true),
        ("Ready for review", true),
        ("Filed", false),
    ];

    public string Id => "projects.default-statuses";

    public async Task RunAsync(IServiceProvider practiceServices, CancellationToken cancellationToken)
    {
        var db = practiceServices.GetRequiredService<ProjectsDbContext>();
        if (await db.Statuses.AnyAsync(cancellationToken))
        {
            return;
        }

        for (var i = 0; i < All.Count; i++)
        {
            db.Statuses.Add(new ProjectStatus { Id = Guid.CreateVersion7(), Name = All[i].Name, Position = i, WaitingOnClient = All[i].WaitingOnClient });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
