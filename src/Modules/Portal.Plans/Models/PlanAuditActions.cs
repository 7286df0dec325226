namespace Portal.Plans.Models;

/// <summary>The <see cref="PlanChange.Action"/> values.</summary>
public static class PlanAuditActions
{
    public const string Created = "plan.created";
    public const string Updated = "plan.updated";
    public const string Assigned = "plan.assigned";
    public const string Unassigned = "plan.unassigned";
}
