namespace Portal.Billing.Payments;

/// <summary>What a Checkout Session came to, as far as the portal's books are concerned.</summary>
public enum CheckoutOutcome
{
    /// <summary>Not a session the portal started (no invoice in its metadata): nothing recorded.</summary>
    NotOurs,

    /// <summary>Still open: the client has not paid (a redirect to the success page proves nothing).</summary>
    Open,

    /// <summary>Expired unpaid: nothing recorded, the invoice stays as it was.</summary>
    Expired,

    /// <summary>Completed with a delayed method (e.g. pre-authorized debit): recorded as processing.</summary>
    Processing,

    /// <summary>Paid: the payment is recorded and allocated.</summary>
    Paid,

    /// <summary>The delayed method failed: recorded as failed, the invoice stays open.</summary>
    Failed,
}
