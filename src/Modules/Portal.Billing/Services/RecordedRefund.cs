using Portal.Billing.Models;

namespace Portal.Billing.Services;

/// <summary>A refund in the books, and whether this call put it there (false: it was already recorded).</summary>
public sealed record RecordedRefund(Refund Refund, bool Created);
