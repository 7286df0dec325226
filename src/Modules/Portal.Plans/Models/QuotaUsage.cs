using Portal.Core.Contracts;

namespace Portal.Plans.Models;

/// <summary>One consumed unit, unique per practice, quota and reference: a retry with the same reference is not counted twice.</summary>
public sealed class QuotaUsage
{
    public const int ReferenceMaxLength = 200;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public PlanQuota Quota { get; set; }

    public string Reference { get; set; } = "";

    /// <summary>The counter's period the unit was taken from, so a release gives it back there.</summary>
    public string Period { get; set; } = "";

    public DateTime At { get; set; }
}
