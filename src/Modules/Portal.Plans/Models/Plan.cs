namespace Portal.Plans.Models;

/// <summary>A plan the platform operator offers; a null limit means unlimited (storage: the documents setting applies).</summary>
public sealed class Plan
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public int? PaymentRequestsPerMonth { get; set; }

    public int? StorageGigabytes { get; set; }

    public int? StaffSeats { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
