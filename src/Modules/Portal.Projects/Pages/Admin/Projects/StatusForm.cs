using System.ComponentModel.DataAnnotations;

namespace Portal.Projects.Pages.Admin.Projects;

/// <summary>The "Post a status" form of a project's page.</summary>
public sealed class StatusForm
{
    [Display(Name = "New status")]
    public Guid? StatusId { get; set; }

    [Display(Name = "Note")]
    public string? Note { get; set; }

    [Display(Name = "Post the note as a message to the client")]
    public bool PostAsMessage { get; set; }

    [Display(Name = "E-mail the client that the status changed")]
    public bool EmailClient { get; set; }
}
