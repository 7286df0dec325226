using Portal.Core.Contracts;

namespace Portal.Plans.Models;

/// <summary>
/// Units a practice used of a quota in a period ("free" for the lifetime free allowance, "2026-12" for a
/// month of the practice's time zone). Consuming is one conditional UPDATE of this row, which the database
/// serializes, so parallel consumes cannot pass the limit together.
/// </summary>
public sealed class QuotaCounter
{
    public const int PeriodMaxLength = 16;

    public Guid TenantId { get; set; }

    public PlanQuota Quota { get; set; }

    public string Period { get; set; } = "";

    public int Used { get; set; }
}
