using System.Security.Claims;

namespace Portal.Projects.Services;

/// <summary>
/// A project made together with others (<see cref="ProjectLibrary.CreateManyAsync"/>): its client and
/// form, a note posted on its first status, and notes staff post in its thread after that one.
/// </summary>
public sealed record NewProject(Guid ClientId, ProjectInput Input, string? StatusNote, IReadOnlyList<(ClaimsPrincipal Author, string Note)> ThreadNotes);
