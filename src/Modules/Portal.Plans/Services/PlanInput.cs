namespace Portal.Plans.Services;

/// <summary>
/// A plan as the operator types it. Each limit is a whole number or empty; empty means unlimited
/// (storage: the platform's documents setting applies).
/// </summary>
public sealed class PlanInput
{
    public const int MaxPaymentRequestsPerMonth = 1_000_000;
    public const int MaxStorageGigabytes = 1_000_000;
    public const int MaxStaffSeats = 100_000;

    public string? Name { get; set; }

    public string? PaymentRequestsPerMonth { get; set; }

    public string? StorageGigabytes { get; set; }

    public string? StaffSeats { get; set; }
}
