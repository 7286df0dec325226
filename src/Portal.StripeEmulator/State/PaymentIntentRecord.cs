using System.Text.Json.Nodes;

namespace Portal.StripeEmulator.State;

/// <summary>The PaymentIntent behind a Checkout Session once the payer has tried to pay.</summary>
internal sealed class PaymentIntentRecord : StripeObject
{
    public PaymentIntentRecord(string id, string? account, DateTimeOffset created)
        : base(id, account, created)
    {
    }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public long? ApplicationFeeAmount { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public required string CheckoutSessionId { get; init; }

    /// <summary>requires_payment_method, processing or succeeded.</summary>
    public string Status { get; set; } = "requires_payment_method";

    public string? PaymentMethodType { get; set; }

    public string? LatestChargeId { get; set; }

    public long AmountReceived { get; set; }

    public PaymentError? LastPaymentError { get; set; }

    public override JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "payment_intent",
        ["amount"] = Amount,
        ["amount_capturable"] = 0,
        ["amount_received"] = AmountReceived,
        ["application_fee_amount"] = ApplicationFeeAmount,
        ["capture_method"] = "automatic",
        ["created"] = Created.ToUnixTimeSeconds(),
        ["currency"] = Currency,
        ["description"] = Description,
        ["last_payment_error"] = LastPaymentError?.ToJson(),
        ["latest_charge"] = LatestChargeId,
        ["livemode"] = false,
        ["metadata"] = MetadataJson(Metadata),
        ["payment_method_types"] = PaymentMethodType is null ? new JsonArray() : new JsonArray(PaymentMethodType),
        ["status"] = Status,
    };
}
