namespace Portal.Billing.Models;

/// <summary>A staff member's payment permission level (seed 004); each level includes the ones before it.</summary>
public enum PaymentLevel
{
    None = 0,
    View = 1,
    Take = 2,
    Full = 3,
}
