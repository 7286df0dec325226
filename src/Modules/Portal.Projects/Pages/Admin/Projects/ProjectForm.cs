using System.ComponentModel.DataAnnotations;

namespace Portal.Projects.Pages.Admin.Projects;

/// <summary>A project's fields as staff type them (the status only when the project is new).</summary>
public sealed class ProjectForm
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Status")]
    public Guid? StatusId { get; set; }

    [Display(Name = "Expected completion")]
    public DateOnly? ExpectedOn { get; set; }

    [Display(Name = "External ID")]
    public string? ExternalId { get; set; }
}
