using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.State;

/// <summary>A Checkout Session (mode=payment) and where its payer is in it.</summary>
internal sealed class CheckoutSessionRecord : StripeObject
{
    public CheckoutSessionRecord(string id, string? account, DateTimeOffset created)
        : base(id, account, created)
    {
    }

    public required string Currency { get; init; }

    public required IReadOnlyList<LineItem> LineItems { get; init; }

    public required string SuccessUrl { get; init; }

    public string? CancelUrl { get; init; }

    public string? CustomerEmail { get; init; }

    public string? ClientReferenceId { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public required IReadOnlyDictionary<string, string> PaymentIntentMetadata { get; init; }

    public long? ApplicationFeeAmount { get; init; }

    public string? PaymentIntentDescription { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public IReadOnlyList<string>? AllowedPaymentMethodTypes { get; init; }

    public required string Url { get; init; }

    /// <summary>open, complete or expired.</summary>
    public string Status { get; set; } = "open";

    /// <summary>paid or unpaid.</summary>
    public string PaymentStatus { get; set; } = "unpaid";

    public string? PaymentIntentId { get; set; }

    public string? PayerName { get; set; }

    public string? PayerEmail { get; set; }

    public long AmountTotal => LineItems.Sum(l => l.Total);

    /// <summary>Whether the hosted page offers the delayed (bank debit) test method.</summary>
    public bool OffersDelayedMethod => AllowedPaymentMethodTypes is null || AllowedPaymentMethodTypes.Contains("acss_debit");

    /// <summary>success_url with Stripe's template variable filled in.</summary>
    public string ResolvedSuccessUrl => SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", Id, StringComparison.Ordinal);

    public override JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["object"] = "checkout.session",
            ["allowed_payment_method_types"] = AllowedPaymentMethodTypes is null ? null : new JsonArray([.. AllowedPaymentMethodTypes.Select(t => (JsonNode?)t)]),
            ["amount_subtotal"] = AmountTotal,
            ["amount_total"] = AmountTotal,
            ["cancel_url"] = CancelUrl,
            ["client_reference_id"] = ClientReferenceId,
            ["created"] = Created.ToUnixTimeSeconds(),
            ["currency"] = Currency,
            ["customer_details"] = PayerEmail is null && PayerName is null ? null : new JsonObject { ["email"] = PayerEmail, ["name"] = PayerName },
            ["customer_email"] = CustomerEmail,
            ["expires_at"] = ExpiresAt.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["metadata"] = MetadataJson(Metadata),
            ["mode"] = "payment",
            ["payment_intent"] = PaymentIntentId,
            ["payment_status"] = PaymentStatus,
            ["status"] = Status,
            ["success_url"] = SuccessUrl,
            ["url"] = Status == "open" ? Url : null,
        };
        return json;
    }
}
