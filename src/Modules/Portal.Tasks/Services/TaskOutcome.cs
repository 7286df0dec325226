using Portal.Core.Errors;
using Portal.Tasks.Models;

namespace Portal.Tasks.Services;

/// <summary>The task made, or every reason it was not (each at its field); nothing is written when there is one.</summary>
public sealed record TaskOutcome(ClientTask? Task, IReadOnlyList<PortalError> Errors)
{
    public static TaskOutcome Failed(params PortalError[] errors) => new(null, errors);

    public bool Succeeded => Task is not null;
}
