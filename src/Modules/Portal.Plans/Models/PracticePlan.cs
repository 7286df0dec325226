namespace Portal.Plans.Models;

/// <summary>The plan assigned to a practice (its registry id); a practice without a row has the free allowance.</summary>
public sealed class PracticePlan
{
    public Guid TenantId { get; set; }

    public Guid PlanId { get; set; }

    public DateTime AssignedAt { get; set; }

    public Guid? AssignedBy { get; set; }
}
