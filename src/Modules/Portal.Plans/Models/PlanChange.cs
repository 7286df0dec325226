namespace Portal.Plans.Models;

/// <summary>The host's audit of plans: who created or changed a plan, or assigned one to a practice, and what it said then.</summary>
public sealed class PlanChange
{
    public const int DetailMaxLength = 500;

    public Guid Id { get; set; }

    public DateTime At { get; set; }

    public Guid? OperatorId { get; set; }

    public string Action { get; set; } = "";

    public Guid? PlanId { get; set; }

    public Guid? TenantId { get; set; }

    public string Detail { get; set; } = "";
}
