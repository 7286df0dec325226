namespace Portal.Billing.Pages.Billing;

/// <summary>The client's Pay form: the amount as typed (the balance unless the practice allows partial payments).</summary>
public sealed class PayForm
{
    public string? Amount { get; set; }
}
