namespace Portal.Billing.Models;

public enum PaymentMethod
{
    Cheque,
    ETransfer,
    Cash,
    Other,

    /// <summary>Paid online through the payment provider (card, wallet, debit, instalments).</summary>
    Online,
}
