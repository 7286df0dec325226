using System.ComponentModel.DataAnnotations;

namespace Portal.Projects.Pages.Admin.Projects;

/// <summary>A status as staff type it on the statuses page (a new one, or a row being renamed).</summary>
public sealed class StatusRowForm
{
    public Guid? Id { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Waiting on the client")]
    public bool WaitingOnClient { get; set; }
}
