namespace Portal.Plans;

/// <summary>Configuration section <c>Portal:Plans</c>.</summary>
public sealed class PlansOptions
{
    public const string Section = "Portal:Plans";

    /// <summary>Secure payment requests a practice without a plan may send, in total (not per month).</summary>
    public int FreePaymentRequests { get; set; } = 5;
}
