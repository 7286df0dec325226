using Portal.Core.Contracts;
using Portal.Plans.Models;

namespace Portal.Plans.Services;

/// <summary>The plan changes the host keeps (the plan page's history), named as every audit trail names its actions.</summary>
internal sealed class PlanAuditActionDescriptions : IAuditActionDescriptions
{
    public IEnumerable<AuditActionDescription> Describe() =>
    [
        new(PlanAuditActions.Created, "Plan created", "created the plan {target}"),
        new(PlanAuditActions.Updated, "Plan changed", "changed the plan {target}"),
        new(PlanAuditActions.Assigned, "Plan assigned", "gave the practice {target} a plan"),
        new(PlanAuditActions.Unassigned, "Plan removed", "took the plan away from the practice {target}"),
    ];
}
